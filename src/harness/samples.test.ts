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
    // the category a list line names is the label it starts with ("member materials (impatient, not
    // a grievance)" names member materials); a line that names none must say so here, so a sample is
    // never skipped without anyone noticing
    const NAMES_NO_CATEGORY = [
      "HTML with a script and a tracking image (never run or fetched)",
      "unknown mailbox (advocate chooses it)",
      "empty body",
      "received time without a UTC offset",
      "a 5 MB body",
    ];
    const wrong: string[] = [];
    const unread: string[] = [];
    let checked = 0;
    SAMPLES.forEach((s, i) => {
      const named = Object.keys(labels).filter((l) => s.shows === l || s.shows.startsWith(`${l},`) || s.shows.startsWith(`${l} (`));
      if (named.length !== 1) {
        if (!NAMES_NO_CATEGORY.includes(s.shows)) unread.push(`${s.id}: ${s.shows}`);
        return;
      }
      checked++;
      if (results[i]!.category !== labels[named[0]!]) wrong.push(s.id);
    });
    expect(unread).toEqual([]);
    expect(checked).toBe(SAMPLES.length - NAMES_NO_CATEGORY.length);
    for (const id of ["s08", "s23"]) expect(SAMPLES.find((s) => s.id === id)!.shows).toMatch(/^(member materials|general inquiry) \(/); // the near misses are among those checked
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
