import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../domain/calendar/calendar";
import { loadModel } from "../cli/model";
import { Classifier } from "../domain/classify/classifier";
import { triage } from "../domain/inquiry/triage";
import { parseSettings } from "../domain/settings";
import { classifyOnce } from "./classify-once";

describe("the pane's classification", () => {
  it("is made once per email: each minute only the clocks are recomputed", () => {
    const settings = parseSettings(null);
    const real = new Classifier({ model: loadModel(), internalDomains: settings.internalDomains, routes: settings.routes });
    let calls = 0;
    const counting = { classify: (i: Parameters<Classifier["classify"]>[0]) => (calls++, real.classify(i)) };
    const classifier = classifyOnce(counting);
    const email = { from: "pat@example.com", to: ["securemessages@plan.example"], cc: [], subject: "Claim denied", body: "My claim was denied, why?", bodyType: "text" as const, receivedAt: "2026-03-04T09:00:00-06:00" };
    const t0 = Date.parse("2026-03-04T10:00:00-06:00");
    const views = Array.from({ length: 30 }, (_, m) => triage({ email, deliveredTo: ["securemessages@plan.example"], now: t0 + m * 60_000 }, { classifier, calendar: new BusinessCalendar(settings.calendar), settings }));
    expect(calls).toBe(1);
    const left = views.map((v) => v.sla!.clocks[0]!.businessMinutesLeft ?? 0);
    expect(left[0]! - left[29]!).toBe(29); // the clocks did tick
  });
});
