import { describe, expect, it } from "vitest";
import { formatScores, score, type Expected, type Predicted, type Scores } from "./evaluate";

/** One labelled email and what the classifier said: everything right unless told otherwise. */
function pair(expected: Partial<Expected> = {}, got: Partial<Predicted> = {}): { expected: Expected; got: Predicted } {
  return {
    expected: { category: "claims_billing", senderType: "member", priority: "routine", flags: [], ...expected },
    got: { category: "claims_billing", senderType: "member", priority: "routine", language: "en", flags: [], ...got },
  };
}

describe("the scores of a classifier on a labelled set", () => {
  it("counts the share of emails whose category, sender type and priority are each right", () => {
    const s = score([
      // category wrong, sender right, priority right
      pair({ category: "appeal" }, { category: "claims_billing" }),
      // category right, sender wrong, priority right
      pair({ senderType: "provider" }, { senderType: "member" }),
      // category right, sender wrong, priority wrong
      pair({ senderType: "agent", priority: "escalated" }, { senderType: "unknown", priority: "routine" }),
      pair({ senderType: "internal", priority: "high" }, { senderType: "member", priority: "escalated" }),
      pair({ senderType: "unknown", priority: "routine" }, { senderType: "agent", priority: "high" }),
    ]);
    expect(s.n).toBe(5);
    expect(s.category).toBe(4 / 5);
    expect(s.senderType).toBe(1 / 5);
    expect(s.priority).toBe(2 / 5);
  });

  it("counts language accuracy only over the emails whose language was labelled", () => {
    const s = score([
      pair({ language: "es" }, { language: "es" }),
      pair({ language: "vi" }, { language: "en" }),
      pair({ language: "en" }, { language: "es" }),
      // not labelled: neither right nor wrong, whatever the classifier said
      pair({}, { language: "fr" }),
      pair({ language: "" }, { language: "fr" }),
    ]);
    expect(s.language).toBe(1 / 3);
  });

  it("gives full language accuracy when no email's language was labelled", () => {
    expect(score([pair({}, { language: "fr" })]).language).toBe(1);
  });

  it("counts a grievance read as an appeal as found (G&A recall and precision take the two as one)", () => {
    const s = score([
      pair({ category: "grievance" }, { category: "appeal" }), // found
      pair({ category: "appeal" }, { category: "appeal" }), // found
      pair({ category: "appeal" }, { category: "claims_billing" }), // missed
      pair({ category: "claims_billing" }, { category: "grievance" }), // false alarm
      pair({ category: "benefits_coverage" }, { category: "appeal" }), // false alarm
      pair({ category: "general_inquiry" }, { category: "general_inquiry" }), // neither
    ]);
    // found 2, missed 1, false alarms 2
    expect(s.gaRecall).toBe(2 / 3);
    expect(s.gaPrecision).toBe(2 / 4);
  });

  it("gives full G&A recall and precision when there is no grievance or appeal, labelled or predicted", () => {
    const s = score([pair({ category: "authorization" }, { category: "claims_billing" })]);
    expect(s.gaRecall).toBe(1);
    expect(s.gaPrecision).toBe(1);
  });

  it("counts the high-priority emails found, missed and wrongly raised", () => {
    const s = score([
      pair({ priority: "high" }, { priority: "high" }), // found
      pair({ priority: "high" }, { priority: "routine" }), // missed
      pair({ priority: "high" }, { priority: "escalated" }), // missed
      pair({ priority: "routine" }, { priority: "high" }), // false alarm
      pair({ priority: "escalated" }, { priority: "escalated" }), // neither
    ]);
    expect(s.highRecall).toBe(1 / 3);
    expect(s.highPrecision).toBe(1 / 2);
  });

  it("gives full high-priority recall and precision when nothing is high, labelled or predicted", () => {
    const s = score([pair({ priority: "escalated" }, { priority: "routine" })]);
    expect(s.highRecall).toBe(1);
    expect(s.highPrecision).toBe(1);
  });

  it("averages the F1 of each labelled category, a category never found counting 0", () => {
    const s = score([
      pair({ category: "claims_billing" }, { category: "claims_billing" }),
      pair({ category: "claims_billing" }, { category: "appeal" }),
      pair({ category: "appeal" }, { category: "appeal" }),
      pair({ category: "authorization" }, { category: "claims_billing" }),
    ]);
    // claims_billing: tp 1, fp 1, fn 1 -> P 1/2, R 1/2, F1 1/2
    // appeal: tp 1, fp 1, fn 0 -> P 1/2, R 1, F1 (2 * 1/2 * 1) / (3/2) = 2/3
    // authorization: tp 0, fp 0, fn 1 -> F1 0
    expect(s.macroF1).toBeCloseTo((1 / 2 + 2 / 3 + 0) / 3, 10);
  });

  it("leaves out of the average a category that was only predicted, never labelled", () => {
    const s = score([
      pair({ category: "appeal" }, { category: "appeal" }),
      pair({ category: "appeal" }, { category: "appeal" }),
      pair({ category: "appeal" }, { category: "portal_access" }),
    ]);
    // appeal: tp 2, fp 0, fn 1 -> P 1, R 2/3, F1 (2 * 2/3) / (5/3) = 4/5; portal_access is not a labelled class
    expect(s.macroF1).toBeCloseTo(4 / 5, 10);
  });

  it("gives a category F1 of 1 when every email of it is found and nothing else is called it", () => {
    const s = score([pair({ category: "grievance" }, { category: "grievance" }), pair({ category: "grievance" }, { category: "grievance" })]);
    expect(s.macroF1).toBe(1);
  });

  it("scores each flag seen and all flags together (micro F1), leaving out flags never labelled or raised", () => {
    const s = score([
      pair({ flags: ["clinical_referral", "repeat_contact"] }, { flags: ["clinical_referral"] }),
      pair({ flags: [] }, { flags: ["repeat_contact", "non_english"] }),
      pair({ flags: ["non_english"] }, { flags: ["non_english"] }),
      pair({ flags: ["clinical_referral"] }, { flags: [] }),
      pair({ flags: ["account_verification_required"] }, { flags: ["mixed_lines_of_business"] }),
      pair({ flags: ["clinical_referral"] }, { flags: ["clinical_referral"] }),
    ]);
    // clinical_referral: tp 2, fp 0, fn 1 -> P 1, R 2/3, F1 4/5
    // repeat_contact: tp 0, fp 1, fn 1 -> F1 0
    // non_english: tp 1, fp 1, fn 0 -> P 1/2, R 1, F1 2/3
    // account_verification_required: tp 0, fp 0, fn 1 -> F1 0
    // mixed_lines_of_business: tp 0, fp 1, fn 0 -> F1 0
    expect(Object.keys(s.flagF1).sort()).toEqual([
      "account_verification_required",
      "clinical_referral",
      "mixed_lines_of_business",
      "non_english",
      "repeat_contact",
    ]);
    expect(s.flagF1["clinical_referral"]).toBeCloseTo(4 / 5, 10);
    expect(s.flagF1["repeat_contact"]).toBe(0);
    expect(s.flagF1["non_english"]).toBeCloseTo(2 / 3, 10);
    expect(s.flagF1["account_verification_required"]).toBe(0);
    expect(s.flagF1["mixed_lines_of_business"]).toBe(0);
    // all together: tp 2 + 1 = 3, fp 1 + 1 + 1 = 3, fn 1 + 1 + 1 = 3 -> P 1/2, R 1/2, F1 1/2
    expect(s.flagMicroF1).toBeCloseTo(1 / 2, 10);
  });

  it("gives a micro F1 of 2/3 to one flag found and one missed", () => {
    const s = score([pair({ flags: ["repeat_contact"] }, { flags: ["repeat_contact"] }), pair({ flags: ["clinical_referral"] }, { flags: [] })]);
    // tp 1, fp 0, fn 1 -> P 1, R 1/2, F1 2/3
    expect(s.flagMicroF1).toBeCloseTo(2 / 3, 10);
    expect(s.flagF1).toEqual({ repeat_contact: 1, clinical_referral: 0 });
  });

  it("gives a micro F1 of 2/3 to one flag found and one wrongly raised", () => {
    const s = score([pair({ flags: ["repeat_contact"] }, { flags: ["repeat_contact"] }), pair({ flags: [] }, { flags: ["non_english"] })]);
    // tp 1, fp 1, fn 0 -> P 1/2, R 1, F1 2/3
    expect(s.flagMicroF1).toBeCloseTo(2 / 3, 10);
    expect(s.flagF1).toEqual({ repeat_contact: 1, non_english: 0 });
  });

  it("gives full flag micro F1 and no per-flag figure when no flag is labelled or raised", () => {
    const s = score([pair(), pair({ category: "appeal" }, { category: "grievance" })]);
    expect(s.flagMicroF1).toBe(1);
    expect(s.flagF1).toEqual({});
  });

  it("ignores a flag the labels do not define", () => {
    const s = score([pair({ flags: ["made_up_flag"] }, { flags: ["made_up_flag", "other_made_up"] })]);
    expect(s.flagF1).toEqual({});
    expect(s.flagMicroF1).toBe(1);
  });

  it("scores an empty set as n 0, macro F1 0 and every ratio full", () => {
    const s = score([]);
    expect(s).toEqual({
      n: 0,
      category: 1,
      macroF1: 0,
      gaRecall: 1,
      gaPrecision: 1,
      highRecall: 1,
      highPrecision: 1,
      senderType: 1,
      priority: 1,
      language: 1,
      flagMicroF1: 1,
      flagF1: {},
    });
  });
});

describe("the one-line summary of the scores", () => {
  it("prints each figure to three decimals under its name, and the per-flag F1 in brackets", () => {
    const s: Scores = {
      n: 12,
      category: 0.75,
      macroF1: 0.6666666,
      gaRecall: 1,
      gaPrecision: 0.5,
      highRecall: 0.3333333,
      highPrecision: 0.25,
      senderType: 0.9,
      priority: 0.8125,
      language: 0.0004,
      flagMicroF1: 0.12345,
      flagF1: { clinical_referral: 0.8, repeat_contact: 0 },
    };
    expect(formatScores("held-out writers", s)).toBe(
      "held-out writers (n=12): category 0.750, macro-F1 0.667, G&A recall 1.000 precision 0.500, " +
        "high recall 0.333 precision 0.250, sender 0.900, priority 0.813, " +
        "language 0.000, flag micro-F1 0.123 [clinical_referral 0.800, repeat_contact 0.000]",
    );
  });

  it("prints empty brackets when no flag was scored", () => {
    const s: Scores = { ...score([]), n: 3 };
    expect(formatScores("x", s)).toMatch(/^x \(n=3\): .*flag micro-F1 1\.000 \[\]$/);
  });
});
