import { describe, expect, it } from "vitest";
import { loadModel } from "../cli/model";
import { Classifier, FLAGS } from "../domain/classify/classifier";
import { CATEGORIES } from "../domain/classify/labels";
import { MAILBOXES } from "../domain/sla/policies";
import { MAILBOX_ADDRESS, SAMPLES, bodyOf } from "./samples";

describe("the harness's sample emails", () => {
  const classifier = new Classifier({ model: loadModel() });
  const results = SAMPLES.map((s) =>
    classifier.classify({ mailbox: s.mailbox, from: s.from, subject: s.subject, body: bodyOf(s), bodyType: s.bodyType }),
  );

  it("are at least twenty, and cover every category, mailbox and flag as the pane classifies them", () => {
    expect(SAMPLES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(results.map((r) => r.category))).toEqual(new Set(CATEGORIES));
    expect(new Set(SAMPLES.map((s) => s.mailbox).filter((m) => m !== "unknown"))).toEqual(new Set(MAILBOXES));
    expect(new Set(results.flatMap((r) => r.flags))).toEqual(new Set(FLAGS));
    expect(new Set(results.map((r) => r.priority))).toEqual(new Set(["high", "escalated", "routine"]));
  });

  it("each show what their list line says they show", () => {
    const labels: Record<string, string> = {
      appeal: "appeal", grievance: "grievance", authorization: "authorization", "out of scope": "out_of_scope",
      "claims & billing": "claims_billing", eligibility: "eligibility_enrollment", "provider search": "provider_search",
      "member materials": "member_materials", "language access": "language_access", "portal access": "portal_access",
      "benefits & coverage": "benefits_coverage", "general inquiry": "general_inquiry",
    };
    const wrong: string[] = [];
    SAMPLES.forEach((s, i) => {
      const first = s.shows.split(",")[0]!.trim();
      const expected = labels[first];
      if (expected && results[i]!.category !== expected) wrong.push(s.id);
    });
    // the shipped model's known misses on the samples (docs/decisions/0023): none since the
    // 23-writer model (s13, the all-caps renewal letter that refuses a complaint form, read as a
    // grievance before). A new miss fails here, and so does a fixed one (take it off this list).
    expect(wrong).toEqual([]);
  });

  it("use only the deployment's fictional addresses", () => {
    for (const address of Object.values(MAILBOX_ADDRESS)) expect(address).toMatch(/@plan\.example$/);
    for (const s of SAMPLES) expect(s.from).toMatch(/@(?:[\w-]+\.)*example(?:\.(?:com|org|net))?$/);
  });
});
