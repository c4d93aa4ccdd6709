/** All 300 shared SLA cases, answered by an independent implementation of contract section 2. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, it } from "vitest";
import { BusinessCalendar } from "../calendar/calendar";
import { DEFAULT_POLICIES } from "./policies";
import { evaluateSlaRequest, type SlaOutput } from "./request";

const file = resolve(import.meta.dirname, "../../../../shared/data/sla-cases.jsonl");
const cases = readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as { id: string; expected: SlaOutput });

it("agrees with every one of the 300 shared SLA cases", () => {
  const calendar = new BusinessCalendar();
  const same = (a: string, b: string) => Date.parse(a) === Date.parse(b);
  const disagreements: string[] = [];
  for (const c of cases) {
    const got = evaluateSlaRequest(c, calendar, DEFAULT_POLICIES);
    if ("error" in got) {
      disagreements.push(`${c.id}: ${got.error}`);
      continue;
    }
    const e = c.expected;
    const ok =
      same(got.effectiveReceivedAt, e.effectiveReceivedAt) &&
      got.clocks.length === e.clocks.length &&
      e.clocks.every((ec) => {
        const g = got.clocks.find((x) => x.name === ec.name);
        return g && same(g.dueAt, ec.dueAt) && g.state === ec.state && g.businessMinutesLeft === ec.businessMinutesLeft && g.businessDaysTaken === ec.businessDaysTaken;
      });
    if (!ok) disagreements.push(c.id);
  }
  expect(cases.length).toBe(300);
  expect(disagreements).toEqual([]);
});
