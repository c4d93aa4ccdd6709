import { describe, expect, it, vi } from "vitest";
import { DEFAULT_TEMPLATES } from "./defaults";
import { actionForPurpose, draftedAction } from "./drafts";
import { PURPOSES } from "./templates";

// what each purpose records once its reply is sent, written out by hand from the procedures
const RECORDED = {
  acknowledgement: { kind: "acknowledge" },
  researching: { kind: "acknowledge" }, // "we are looking into it" stops the acknowledgement clock, not the answer's
  routed: { kind: "route", to: "another department" },
  requestInfo: { kind: "awaitInformation" },
  outOfScope: { kind: "respond" },
  generalInfoUntilVerified: { kind: "respond" },
  specialistInfo: { kind: "respond" },
  followUp: { kind: "followUp" },
  resolution: { kind: "respond" },
};

describe("what a sent reply drafted from a template records", () => {
  it("records the same for each purpose in a pane loaded afresh (the table read as the module loads)", async () => {
    // loading the module inside the test, not only at the top of the file, makes the test reach the table's literals
    vi.resetModules();
    const fresh = await import("./drafts");
    expect(Object.fromEntries(PURPOSES.map((p) => [p, fresh.actionForPurpose(p)]))).toEqual(RECORDED);
  });

  it("records an acknowledgement, a request for information, a route, an answer or a follow-up by the template's purpose", () => {
    expect(Object.fromEntries(PURPOSES.map((p) => [p, actionForPurpose(p)]))).toEqual({
      acknowledgement: { kind: "acknowledge" },
      researching: { kind: "acknowledge" }, // "we are looking into it" stops the acknowledgement clock, not the answer's
      routed: { kind: "route", to: "another department" },
      requestInfo: { kind: "awaitInformation" },
      outOfScope: { kind: "respond" },
      generalInfoUntilVerified: { kind: "respond" },
      specialistInfo: { kind: "respond" },
      followUp: { kind: "followUp" },
      resolution: { kind: "respond" },
    });
  });

  it("uses the last template drafted for the inquiry, by its id before the version", () => {
    const ack = DEFAULT_TEMPLATES.find((t) => t.purpose === "acknowledgement")!;
    const info = DEFAULT_TEMPLATES.find((t) => t.purpose === "requestInfo")!;
    expect(draftedAction([`${ack.id}@3`, `${info.id}@1`], DEFAULT_TEMPLATES)).toEqual({ kind: "awaitInformation" });
    expect(draftedAction([`${info.id}@1`, `${ack.id}@3`], DEFAULT_TEMPLATES)).toEqual({ kind: "acknowledge" });
    expect(draftedAction([ack.id], DEFAULT_TEMPLATES)).toEqual({ kind: "acknowledge" }); // no version recorded
  });

  it("records nothing when no template was drafted or the template is no longer known", () => {
    expect(draftedAction(undefined, DEFAULT_TEMPLATES)).toBeNull();
    expect(draftedAction([], DEFAULT_TEMPLATES)).toBeNull();
    expect(draftedAction(["retired-template@2"], DEFAULT_TEMPLATES)).toBeNull();
    expect(draftedAction(["@2"], DEFAULT_TEMPLATES)).toBeNull();
  });

  it("reads an id that itself holds an @ up to its last one", () => {
    const odd = { ...DEFAULT_TEMPLATES.find((t) => t.purpose === "followUp")!, id: "follow@up" };
    expect(draftedAction(["follow@up@4"], [odd])).toEqual({ kind: "followUp" });
    expect(draftedAction(["follow@4"], [odd])).toBeNull();
  });
});
