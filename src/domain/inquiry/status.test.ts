import { describe, expect, it } from "vitest";
import { EVENT_OF, TransitionError, allowedActions, transition, type Status } from "./status";

const at = Date.parse("2026-03-04T16:00:00Z");

describe("inquiry status", () => {
  it("follows the procedure from New to Resolved, timestamped and attributed", () => {
    let status: Status = "new";
    const steps = [
      { kind: "assign", to: "ana@plan.example" },
      { kind: "acknowledge" },
      { kind: "awaitInformation" },
      { kind: "respond" },
      { kind: "resolve" },
    ] as const;
    const history = steps.map((a, i) => {
      const t = transition(status, a, at + i * 60_000, "lead@plan.example");
      status = t.to;
      return t;
    });
    expect(history.map((t) => t.to)).toEqual(["assigned", "acknowledged", "awaitingInfo", "responded", "resolved"]);
    expect(history[0]).toMatchObject({ from: "new", by: "lead@plan.example", target: "ana@plan.example", at });
  });

  it("refuses the illegal jumps with a reason an advocate can act on", () => {
    expect(() => transition("new", { kind: "resolve" }, at, "a")).toThrow(new TransitionError("Assign this inquiry before you resolve it."));
    expect(() => transition("resolved", { kind: "respond" }, at, "a")).toThrow(/reopen it before you mark it responded/);
    expect(() => transition("responded", { kind: "acknowledge" }, at, "a")).toThrow(/cannot be acknowledged again/);
    expect(() => transition("new", { kind: "assign", to: "  " }, at, "a")).toThrow(/Choose whom/);
  });

  it("lets a resolved inquiry be reopened, and nothing else", () => {
    expect(allowedActions("resolved")).toEqual(["reopen"]);
    expect(transition("resolved", { kind: "reopen" }, at, "a").to).toBe("inProgress");
  });

  it("logs the SLA event each action stands for: a request for information is a response", () => {
    expect(EVENT_OF.awaitInformation).toBe("responded");
    expect(EVENT_OF.acknowledge).toBe("acknowledged");
    expect(EVENT_OF.followUp).toBe("followedUp");
    expect(EVENT_OF.assign).toBeNull();
  });

  it("keeps the status when an inquiry already worked is given to someone else; only a new one becomes Assigned", () => {
    expect(transition("new", { kind: "assign", to: "ana@plan.example" }, at, "lead@plan.example").to).toBe("assigned");
    for (const from of ["acknowledged", "inProgress", "awaitingInfo", "routed", "responded"] as const) {
      expect(transition(from, { kind: "assign", to: "ben@plan.example" }, at, "lead@plan.example")).toMatchObject({ from, to: from, target: "ben@plan.example" });
    }
  });

  it("lets a routed inquiry be routed again (a grievance that also needs clinical staff)", () => {
    expect(transition("routed", { kind: "route", to: "clinical@plan.example" }, at, "ana@plan.example").to).toBe("routed");
    expect(allowedActions("resolved")).not.toContain("route");
  });
});

describe("what an advocate reads when a step is refused, and what the history records", () => {
  it("names the status in the words of the pane, in lower case, and the step refused", () => {
    expect(() => transition("awaitingInfo", { kind: "followUp" }, at, "a")).toThrow(new TransitionError("An inquiry that is awaiting information cannot be followed up."));
    expect(() => transition("inProgress", { kind: "startWork" }, at, "a")).toThrow(new TransitionError("An inquiry that is in progress cannot be put in progress."));
  });

  it("is a TransitionError by name, so the pane can tell a refused step from a fault", () => {
    let caught: unknown;
    try {
      transition("new", { kind: "respond" }, at, "a");
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TransitionError);
    expect((caught as Error).name).toBe("TransitionError");
  });

  it("asks whom to assign to or where to route, when the name is blank or only spaces", () => {
    expect(() => transition("new", { kind: "assign", to: "  " }, at, "a")).toThrow(new TransitionError("Choose whom to assign it to."));
    expect(() => transition("new", { kind: "assign", to: "" }, at, "a")).toThrow(new TransitionError("Choose whom to assign it to."));
    expect(() => transition("inProgress", { kind: "route", to: " \t " }, at, "a")).toThrow(new TransitionError("Choose where to route it."));
    expect(() => transition("inProgress", { kind: "route", to: "" }, at, "a")).toThrow(new TransitionError("Choose where to route it."));
  });

  it("records whom it went to without the spaces typed around the name, and no one for the other steps", () => {
    expect(transition("new", { kind: "assign", to: "  ana@plan.example " }, at, "lead@plan.example")).toEqual({
      from: "new",
      to: "assigned",
      action: "assign",
      at,
      by: "lead@plan.example",
      target: "ana@plan.example",
    });
    expect(transition("inProgress", { kind: "route", to: " clinical@plan.example  " }, at, "ana@plan.example")).toEqual({
      from: "inProgress",
      to: "routed",
      action: "route",
      at,
      by: "ana@plan.example",
      target: "clinical@plan.example",
    });
    expect(transition("responded", { kind: "resolve" }, at, "ana@plan.example")).toEqual({ from: "responded", to: "resolved", action: "resolve", at, by: "ana@plan.example" });
  });
});
