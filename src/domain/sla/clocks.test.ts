/** The default at-risk window of clocks without one of their own: one business day, or a quarter of an hour clock. */
import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../calendar/calendar";
import { computeClocks, type SlaEvent } from "./clocks";
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

describe("a clock at its due minute, and a stopped clock as the pane shows it", () => {
  const secure = findPolicy("secure-message", DEFAULT_POLICIES)!;
  const agentSupport = findPolicy("agent-support", DEFAULT_POLICIES)!;
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const run = (policy: SlaPolicy, receivedAt: string, events: { type: SlaEvent["type"]; at: string }[], now: string, name: string) => {
    const c = computeClocks({ policy, priority: "routine", receivedAt: t(receivedAt), events: events.map((e) => ({ type: e.type, at: t(e.at) })), now: t(now) }, cal).clocks.find(
      (k) => k.name === name,
    );
    return c && { state: c.state, standing: c.standing, left: c.businessMinutesLeft, dueAt: iso(c.dueAt), stoppedAt: iso(c.stoppedAt) };
  };
  // received Wednesday 4 March 10:00 (CST, UTC−6): one business day is due Thursday 5 March 17:00 CST = 23:00 UTC
  const received = "2026-03-04T10:00:00-06:00";

  it("counts a reply sent at the due minute as met, and one a millisecond later as breached", () => {
    expect(run(secure, received, [{ type: "responded", at: "2026-03-05T17:00:00-06:00" }], "2026-03-06T09:00:00-06:00", "firstResponse")).toEqual({
      state: "met",
      standing: "met",
      left: null,
      dueAt: "2026-03-05T23:00:00.000Z",
      stoppedAt: "2026-03-05T23:00:00.000Z",
    });
    expect(run(secure, received, [{ type: "responded", at: "2026-03-05T17:00:00.001-06:00" }], "2026-03-06T09:00:00-06:00", "firstResponse")).toEqual({
      state: "breached",
      standing: "breached",
      left: null,
      dueAt: "2026-03-05T23:00:00.000Z",
      stoppedAt: "2026-03-05T23:00:00.001Z",
    });
  });

  it("keeps a clock running, at risk with no minutes left, at its due minute, and breached a millisecond later", () => {
    expect(run(secure, received, [], "2026-03-05T17:00:00-06:00", "firstResponse")).toEqual({
      state: "running",
      standing: "atRisk",
      left: 0,
      dueAt: "2026-03-05T23:00:00.000Z",
      stoppedAt: null,
    });
    expect(run(secure, received, [], "2026-03-05T17:00:00.001-06:00", "firstResponse")).toMatchObject({ state: "breached", standing: "breached" });
  });

  it("shows a clock stopped early as met, not on track, while the other clocks still run", () => {
    // a reply at 11:00 on the day of receipt: the reply clock is met with a whole day to spare; the resolution clock runs
    const events = [{ type: "responded" as const, at: "2026-03-04T11:00:00-06:00" }];
    expect(run(secure, received, events, "2026-03-04T12:00:00-06:00", "firstResponse")).toMatchObject({ state: "met", standing: "met" });
    expect(run(secure, received, events, "2026-03-04T12:00:00-06:00", "resolution")).toMatchObject({ state: "running", standing: "onTrack" });
  });

  it("starts a follow-up clock for an acknowledgement logged at the very millisecond of the resolution, met at once", () => {
    // agent support, received Monday 2 March 10:00 CST; one reply at 11:00 acknowledges and resolves it:
    // the follow-up clock starts at 11:00 and is due five business days later, Monday 9 March 17:00 CDT (UTC−5) = 22:00 UTC
    const events = [
      { type: "acknowledged" as const, at: "2026-03-02T11:00:00-06:00" },
      { type: "resolved" as const, at: "2026-03-02T11:00:00-06:00" },
    ];
    expect(run(agentSupport, "2026-03-02T10:00:00-06:00", events, "2026-03-02T12:00:00-06:00", "followUp")).toEqual({
      state: "met",
      standing: "met",
      left: null,
      dueAt: "2026-03-09T22:00:00.000Z",
      stoppedAt: "2026-03-02T17:00:00.000Z",
    });
  });

  it("keeps the follow-up clock the first resolution stopped when a reply to the reopened inquiry comes later", () => {
    // acknowledged Monday 2 March 11:00 CST: the follow-up is due Monday 9 March 17:00 CDT = 22:00 UTC, met by the
    // resolution of Tuesday 3 March 10:00 CST (16:00 UTC); the reply of Thursday 5 March after the reopening does not restart it
    const events = [
      { type: "acknowledged" as const, at: "2026-03-02T11:00:00-06:00" },
      { type: "resolved" as const, at: "2026-03-03T10:00:00-06:00" },
      { type: "reopened" as const, at: "2026-03-04T10:00:00-06:00" },
      { type: "responded" as const, at: "2026-03-05T10:00:00-06:00" },
    ];
    expect(run(agentSupport, "2026-03-02T10:00:00-06:00", events, "2026-03-05T12:00:00-06:00", "followUp")).toEqual({
      state: "met",
      standing: "met",
      left: null,
      dueAt: "2026-03-09T22:00:00.000Z",
      stoppedAt: "2026-03-03T16:00:00.000Z",
    });
  });

  describe("the reply clock of a reopened inquiry", () => {
    // answered Monday 2 March, resolved Tuesday 3 March, reopened Thursday 5 March 10:00 CST:
    // the reopened clock has the first-response length, one business day, due Friday 6 March 17:00 CST = 23:00 UTC
    const firstEpisode = [
      { type: "responded" as const, at: "2026-03-02T11:00:00-06:00" },
      { type: "resolved" as const, at: "2026-03-03T10:00:00-06:00" },
      { type: "reopened" as const, at: "2026-03-05T10:00:00-06:00" },
    ];

    it("is met by a reply logged at the very millisecond of the reopening", () => {
      expect(
        run(secure, "2026-03-02T10:00:00-06:00", [...firstEpisode, { type: "responded", at: "2026-03-05T10:00:00-06:00" }], "2026-03-05T12:00:00-06:00", "reopenedResponse"),
      ).toEqual({ state: "met", standing: "met", left: null, dueAt: "2026-03-06T23:00:00.000Z", stoppedAt: "2026-03-05T16:00:00.000Z" });
    });

    it("is met by a second resolution without a reply", () => {
      expect(
        run(secure, "2026-03-02T10:00:00-06:00", [...firstEpisode, { type: "resolved", at: "2026-03-05T15:00:00-06:00" }], "2026-03-05T16:00:00-06:00", "reopenedResponse"),
      ).toEqual({ state: "met", standing: "met", left: null, dueAt: "2026-03-06T23:00:00.000Z", stoppedAt: "2026-03-05T21:00:00.000Z" });
    });

    it("gets four business hours under a policy without a first-response clock", () => {
      const resolutionOnly: SlaPolicy = { id: "x", label: "x", clocks: [{ name: "resolution", duration: { unit: "businessDays", amount: 15 } }] };
      // reopened Thursday 5 March 10:00 CST + 4 business hours = 14:00 CST = 20:00 UTC; at 12:00, 120 minutes are left
      expect(run(resolutionOnly, "2026-03-02T10:00:00-06:00", firstEpisode, "2026-03-05T12:00:00-06:00", "reopenedResponse")).toEqual({
        state: "running",
        standing: "onTrack",
        left: 120,
        dueAt: "2026-03-05T20:00:00.000Z",
        stoppedAt: null,
      });
    });
  });
});
