/** The default at-risk window of clocks without one of their own: one business day, or a quarter of an hour clock. */
import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../calendar/calendar";
import { computeClocks } from "./clocks";
import { DEFAULT_POLICIES, findPolicy, type SlaPolicy } from "./policies";

const cal = new BusinessCalendar();
const t = (iso: string) => Date.parse(iso);
const standing = (policy: SlaPolicy, receivedAt: string, now: string, name = "firstResponse") =>
  computeClocks({ policy, priority: "routine", receivedAt: t(receivedAt), events: [], now: t(now) }, cal).clocks.find((c) => c.name === name)!;

describe("when a running clock turns at risk by default", () => {
  const memberServices = findPolicy("member-services-email", DEFAULT_POLICIES)!;

  it("a five-business-day reply clock is on track until its last business day, and at risk all of that day", () => {
    // received Monday 2 March 09:00, due the following Monday 9 March at close of business (17:00)
    const friday = standing(memberServices, "2026-03-02T09:00:00-06:00", "2026-03-06T16:00:00-06:00");
    expect({ standing: friday.standing, left: friday.businessMinutesLeft }).toEqual({ standing: "onTrack", left: 600 });
    const mondayMorning = standing(memberServices, "2026-03-02T09:00:00-06:00", "2026-03-09T09:00:00-05:00");
    expect({ standing: mondayMorning.standing, left: mondayMorning.businessMinutesLeft }).toEqual({ standing: "atRisk", left: 480 });
    expect(standing(memberServices, "2026-03-02T09:00:00-06:00", "2026-03-09T08:00:00-05:00").standing).toBe("atRisk");
    expect(standing(memberServices, "2026-03-02T09:00:00-06:00", "2026-03-06T16:59:00-06:00").standing).toBe("onTrack");
  });

  it("a fifteen-day resolution clock with a week left is on track, and at risk on its last day", () => {
    const clock = (now: string) => standing(memberServices, "2026-03-02T09:00:00-06:00", now, "resolution");
    expect(clock("2026-03-16T12:00:00-05:00").standing).toBe("onTrack");
    expect(clock("2026-03-23T10:00:00-05:00").standing).toBe("atRisk"); // due Monday 23 March 17:00
  });

  it("a one-day clock received at 4 pm is at risk from the next morning, not the whole of its short first day", () => {
    const secure = findPolicy("secure-message", DEFAULT_POLICIES)!;
    // received Wednesday 16:00, due Thursday 17:00: 600 business minutes long, at risk for the last 540
    expect(standing(secure, "2026-03-04T16:00:00-06:00", "2026-03-04T16:30:00-06:00").standing).toBe("onTrack");
    expect(standing(secure, "2026-03-04T16:00:00-06:00", "2026-03-05T08:30:00-06:00").standing).toBe("atRisk");
  });

  it("an hour clock without its own window is at risk in its last quarter", () => {
    const eightHours: SlaPolicy = { id: "x", label: "x", clocks: [{ name: "firstResponse", duration: { unit: "businessHours", amount: 8 } }] };
    // received Wednesday 08:00, due 16:00: at risk from 14:00
    expect(standing(eightHours, "2026-03-04T08:00:00-06:00", "2026-03-04T13:59:00-06:00").standing).toBe("onTrack");
    expect(standing(eightHours, "2026-03-04T08:00:00-06:00", "2026-03-04T14:00:00-06:00").standing).toBe("atRisk");
  });

  it("a clock's own window wins over the default", () => {
    const early: SlaPolicy = { id: "x", label: "x", clocks: [{ name: "firstResponse", duration: { unit: "businessDays", amount: 5 }, atRiskMinutesLeft: 3 * 540 }] };
    expect(standing(early, "2026-03-02T09:00:00-06:00", "2026-03-05T09:00:00-06:00").standing).toBe("atRisk");
    expect(standing(memberServices, "2026-03-02T09:00:00-06:00", "2026-03-05T09:00:00-06:00").standing).toBe("onTrack");
  });
});
