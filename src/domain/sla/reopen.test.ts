/** A resolved inquiry that comes back (decision 6), with its events given in any order. */
import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../calendar/calendar";
import { computeClocks, type SlaEvent } from "./clocks";
import { DEFAULT_POLICIES, findPolicy } from "./policies";

const cal = new BusinessCalendar();
const t = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const secure = findPolicy("secure-message", DEFAULT_POLICIES)!;
const events: SlaEvent[] = [
  { type: "reopened", at: t("2026-03-05T10:00:00-06:00") },
  { type: "responded", at: t("2026-03-05T11:00:00-06:00") },
  { type: "resolved", at: t("2026-03-03T10:00:00-06:00") },
  { type: "responded", at: t("2026-03-02T11:00:00-06:00") },
];
const clocks = (priority: "routine" | "high", evs: readonly SlaEvent[], now: string) =>
  computeClocks({ policy: secure, priority, receivedAt: t("2026-03-02T10:00:00-06:00"), events: evs, now: t(now) }, cal).clocks.map((c) => ({
    name: c.name,
    state: c.state,
    dueAt: iso(c.dueAt),
    stoppedAt: iso(c.stoppedAt),
    taken: c.businessDaysTaken,
  }));

describe("a reopened inquiry's clocks", () => {
  it("keep what the first resolution made of them, and a new reply clock runs from the reopening to the next reply", () => {
    expect(clocks("routine", events, "2026-03-05T12:00:00-06:00")).toEqual([
      { name: "firstResponse", state: "met", dueAt: "2026-03-03T23:00:00.000Z", stoppedAt: "2026-03-02T17:00:00.000Z", taken: 0 },
      { name: "resolution", state: "met", dueAt: "2026-03-23T22:00:00.000Z", stoppedAt: "2026-03-03T16:00:00.000Z", taken: 1 },
      { name: "reopenedResponse", state: "met", dueAt: "2026-03-06T23:00:00.000Z", stoppedAt: "2026-03-05T17:00:00.000Z", taken: 0 },
    ]);
    const goal = computeClocks(
      { policy: secure, priority: "routine", receivedAt: t("2026-03-02T10:00:00-06:00"), events, now: t("2026-03-05T12:00:00-06:00") },
      cal,
    ).clocks.map((c) => c.goal);
    expect(goal[2]).toBe("answer the reopened inquiry within the first-response time");
    expect(goal[0]).toBe(secure.clocks.find((c) => c.name === "firstResponse")!.goal);
  });

  it("give a high-priority reopening four business hours, and run until the reply comes", () => {
    expect(clocks("high", events, "2026-03-05T12:00:00-06:00")[2]).toEqual({
      name: "reopenedResponse",
      state: "met",
      dueAt: "2026-03-05T20:00:00.000Z",
      stoppedAt: "2026-03-05T17:00:00.000Z",
      taken: 0,
    });
    const waiting = events.filter((e) => !(e.type === "responded" && e.at > t("2026-03-04T00:00:00Z")));
    expect(clocks("routine", waiting, "2026-03-05T12:00:00-06:00")[2]).toEqual({
      name: "reopenedResponse",
      state: "running",
      dueAt: "2026-03-06T23:00:00.000Z",
      stoppedAt: null,
      taken: null,
    });
    expect(clocks("routine", waiting, "2026-03-05T12:00:00-06:00")[0]).toMatchObject({
      name: "firstResponse",
      state: "met",
      stoppedAt: "2026-03-02T17:00:00.000Z",
    });
  });

  it("start again from the last reopening when it is reopened twice", () => {
    const twice: SlaEvent[] = [...events, { type: "resolved", at: t("2026-03-09T10:00:00-05:00") }, { type: "reopened", at: t("2026-03-10T10:00:00-05:00") }];
    expect(clocks("routine", twice, "2026-03-10T11:00:00-05:00")[2]).toEqual({
      name: "reopenedResponse",
      state: "running",
      dueAt: "2026-03-11T22:00:00.000Z",
      stoppedAt: null,
      taken: null,
    });
  });

  it("count a reopening of an inquiry resolved at once, with nothing logged before the resolution", () => {
    const atOnce: SlaEvent[] = [
      { type: "resolved", at: t("2026-03-02T11:00:00-06:00") },
      { type: "reopened", at: t("2026-03-03T10:00:00-06:00") },
    ];
    expect(clocks("routine", atOnce, "2026-03-03T12:00:00-06:00").map((c) => [c.name, c.state, c.stoppedAt])).toEqual([
      ["firstResponse", "met", "2026-03-02T17:00:00.000Z"],
      ["resolution", "met", "2026-03-02T17:00:00.000Z"],
      ["reopenedResponse", "running", null],
    ]);
  });
});

describe("a reopening of an inquiry never resolved", () => {
  // received Monday 2 March 10:00; "reopened" on Tuesday before any resolution
  const never: SlaEvent[] = [
    { type: "reopened", at: t("2026-03-03T10:00:00-06:00") },
    { type: "responded", at: t("2026-03-03T11:00:00-06:00") },
    { type: "resolved", at: t("2026-03-04T11:00:00-06:00") },
  ];

  it("changes nothing: the reply stops the first-response clock and the resolution stops every clock, as with no reopening", () => {
    const withoutReopening = never.slice(1);
    const got = clocks("routine", never, "2026-04-30T12:00:00-06:00");
    expect(got).toEqual(clocks("routine", withoutReopening, "2026-04-30T12:00:00-06:00"));
    expect(got.map((c) => [c.name, c.state, c.stoppedAt])).toEqual([
      ["firstResponse", "met", "2026-03-03T17:00:00.000Z"],
      ["resolution", "met", "2026-03-04T17:00:00.000Z"],
    ]);
  });

  it("adds no reply clock while the inquiry has no resolution at all, and the reply still stops the first-response clock", () => {
    const open = never.slice(0, 2);
    const got = clocks("routine", open, "2026-03-05T12:00:00-06:00");
    expect(got).toEqual(clocks("routine", open.slice(1), "2026-03-05T12:00:00-06:00"));
    expect(got.map((c) => [c.name, c.state, c.stoppedAt])).toEqual([
      ["firstResponse", "met", "2026-03-03T17:00:00.000Z"],
      ["resolution", "running", null],
    ]);
  });

  it("counts a later reopening, after the resolution, as a reopening", () => {
    const later = [...never, { type: "reopened" as const, at: t("2026-03-05T10:00:00-06:00") }];
    const got = clocks("routine", later, "2026-03-05T12:00:00-06:00");
    expect(got.map((c) => [c.name, c.state])).toEqual([
      ["firstResponse", "met"],
      ["resolution", "met"],
      ["reopenedResponse", "running"],
    ]);
  });
});
