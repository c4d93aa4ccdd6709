import { describe, expect, it } from "vitest";
import { checkPlainLanguage, readingGrade } from "./plain-language";

const plain =
  "Thank you for writing to us. We got your message and we are looking into it now. We will write back within one business day. If you want to talk to us, call the number on the back of your card and give the confirmation number below. We are glad to help you.";

describe("the plain-language check", () => {
  it("passes a short, plain reply", () => {
    const r = checkPlainLanguage(plain);
    expect(r.findings).toEqual([]);
    expect(r.grade).not.toBeNull();
    expect(r.grade!).toBeLessThanOrEqual(8);
  });

  it("fails a jargon-laden reply and suggests plain words for each finding", () => {
    const r = checkPlainLanguage(
      "Per UM review, the prior authorization for CPT 72148 was denied as not medically necessary given the etiology of your chronic lumbar radiculopathy (dx M54.16). Your PCP may resubmit with supporting documentation consistent with the formulary and coordination of benefits requirements applicable to the adjudicated claim.",
    );
    expect(r.passes).toBe(false);
    const kinds = new Set(r.findings.map((f) => f.kind));
    expect(kinds).toEqual(new Set(["jargon", "acronym", "code", "grade"]));
    expect(r.findings).toEqual(
      expect.arrayContaining([
        { kind: "jargon", text: "prior authorization", suggestion: 'say "approval before you get the service"' },
        { kind: "acronym", text: "PCP", suggestion: 'say "primary care provider (your main doctor)"' },
        expect.objectContaining({ kind: "code", text: "CPT 72148" }),
        expect.objectContaining({ kind: "code", text: "M54.16" }),
      ]),
    );
  });

  it("accepts an acronym that is explained, and ignores placeholders", () => {
    expect(checkPlainLanguage("Your Explanation of Benefits (EOB) shows what we paid, {memberName}.").findings).toEqual([]);
    expect(checkPlainLanguage("Please call {organisationPhone}. Your ID card is on the way.").findings).toEqual([]);
  });

  it("does not mistake a ZIP code or a phone number for a procedure code", () => {
    expect(checkPlainLanguage("Our office is at 100 Main St, Des Moines 50309. Call 1-800-555-0100.").findings).toEqual([]);
  });

  it("gives no grade for a text too short to judge", () => {
    expect(readingGrade("Thank you.")).toBeNull();
  });
});

describe("the plain-language check's reading grade (grade 8 or below)", () => {
  const grade9 =
    "Thank you for writing to us about your recent hospital visit. We carefully reviewed your account and the payment history for that visit. Our records indicate that the payment was delivered to your provider's office last Tuesday afternoon. Please contact your provider directly if they still believe that something remains owed.";
  const grade7 =
    "Thank you for writing to us about your recent visit. We looked carefully at your account and the payment history for that visit. Our records show that the payment was sent to your provider last Tuesday afternoon. Please contact your provider directly if they still believe that something is owed.";

  it("holds a reply written at grade 9 that has no jargon, acronym or code, and passes the same news at grade 7", () => {
    const held = checkPlainLanguage(grade9);
    expect(held.passes).toBe(false);
    expect(held.findings).toEqual([{ kind: "grade", text: "reading grade 9.5", suggestion: "use shorter sentences and everyday words (grade 8 or below)" }]);
    expect(checkPlainLanguage(grade7)).toEqual({ passes: true, grade: 7.5, findings: [] });
  });

  it("uses a deployment's own limit, and judges no grade for a reply in another language", () => {
    expect(checkPlainLanguage(grade9, { maxGrade: 10 }).passes).toBe(true);
    expect(checkPlainLanguage(grade7, { maxGrade: 7 }).findings.map((f) => f.text)).toEqual(["reading grade 7.5"]);
    expect(checkPlainLanguage(grade9, { language: "es" })).toEqual({ passes: true, grade: null, findings: [] });
  });
});

describe("the reading grade, counted by hand", () => {
  // 10 words and 12 syllables by the check's rules: you(1) can(1) see(1) ago(1: three letters) nurse(1) today(2)
  // about(2) your(1: a leading y is not a vowel) care(1) plan(1)
  const sentence = "You can see ago nurse today about your care plan.";
  const text = `${sentence} ${sentence} ${sentence}`; // 30 words, 36 syllables, 3 sentences

  it("is Flesch-Kincaid's 0.39 × words per sentence + 11.8 × syllables per word − 15.59, to one decimal", () => {
    // 0.39 × 10 + 11.8 × 1.2 − 15.59 = 2.47
    expect(readingGrade(text)).toBe(2.5);
  });

  it("counts a sentence per end mark, however many marks, and a text without one as one sentence", () => {
    expect(readingGrade(text.replace(/\./g, "!!"))).toBe(2.5);
    // one sentence of 30 words: 0.39 × 30 + 14.16 − 15.59 = 10.27
    expect(readingGrade(text.replace(/\./g, ""))).toBe(10.3);
  });

  it("judges 30 words and more, not 29", () => {
    expect(readingGrade(text.replace(/ plan\.$/, "."))).toBeNull();
    expect(readingGrade(text)).not.toBeNull();
  });

  it("holds a reply just above the deployment's limit and passes one at it", () => {
    expect(checkPlainLanguage(text, { maxGrade: 2.5 }).passes).toBe(true);
    expect(checkPlainLanguage(text, { maxGrade: 2.4 }).findings).toEqual([
      { kind: "grade", text: "reading grade 2.5", suggestion: "use shorter sentences and everyday words (grade 2.4 or below)" },
    ]);
  });
});

describe("the plain-language check's findings, each as the advocate sees it", () => {
  it("names a plural acronym as written, with the plain words for it, once", () => {
    const r = checkPlainLanguage("Ask one of our PCPs. PCPs can help.");
    expect(r.findings).toEqual([{ kind: "acronym", text: "PCPs", suggestion: 'say "primary care provider (your main doctor)"' }]);
  });

  it("asks to spell out an unknown acronym, unless it is explained nearby", () => {
    expect(checkPlainLanguage("Your XQZ form is ready.").findings).toEqual([
      { kind: "acronym", text: "XQZ", suggestion: "spell it out, or explain it in brackets the first time" },
    ]);
    expect(checkPlainLanguage("Your XQZ (extra quality zone) form is ready.").findings).toEqual([]);
    // explained within 80 characters after its first use, or not
    expect(checkPlainLanguage(`Your XQZ form is ready.${" Words.".repeat(3)} The extra quality zone (XQZ) is new.`).findings).toEqual([]);
    expect(
      checkPlainLanguage(`Your XQZ form is ready.${" Words here and more.".repeat(6)} The extra quality zone (XQZ) is new.`).findings.map((f) => f.text),
    ).toEqual(["XQZ"]);
    expect(checkPlainLanguage("Your ID card and the PDF are in the mail.").findings).toEqual([]);
  });

  it("quotes a code as written and says what to describe instead", () => {
    expect(checkPlainLanguage("We covered CPT 99213 and E0601.").findings.filter((f) => f.kind === "code")).toEqual([
      { kind: "code", text: "CPT 99213", suggestion: "describe the procedure in words instead of the procedure code" },
      { kind: "code", text: "E0601", suggestion: "describe the HCPCS in words instead of the HCPCS code" },
    ]);
  });

  it("quotes jargon as the reply wrote it, capitals and all", () => {
    expect(checkPlainLanguage("The Prior Authorization is done.").findings).toEqual([
      { kind: "jargon", text: "Prior Authorization", suggestion: 'say "approval before you get the service"' },
    ]);
  });
});

describe("the plain-language check at the edges an advocate's reply can reach", () => {
  // the hand-counted sentence of the tests above: 10 words, 12 syllables
  const sentence = "You can see ago nurse today about your care plan.";

  it("counts syllables by the check's rules: -les keeps its vowel, a word left without one is one syllable", () => {
    // she(1) sets(1) tables(2: "es" after an l is not dropped) and(1) sped(1: "ed" dropped leaves no vowel, still one)
    // home(1: silent e) to(1) rest(1) with(1) care(1: silent e) = 11 syllables in 10 words
    const text = "She sets tables and sped home to rest with care. ".repeat(3).trim(); // 30 words, 33 syllables, 3 sentences
    // 0.39 × 10 + 11.8 × 33 / 30 − 15.59 = 3.9 + 12.98 − 15.59 = 1.29
    expect(readingGrade(text)).toBe(1.3);
  });

  it("counts a one-word sentence as a sentence", () => {
    // 31 words, 37 syllables (thanks: 1), 4 sentences: 0.39 × 31 / 4 + 11.8 × 37 / 31 − 15.59 = 3.0225 + 14.0839 − 15.59 = 1.5164
    expect(readingGrade(`${sentence} ${sentence} ${sentence} Thanks.`)).toBe(1.5);
  });

  it("reads a placeholder as one short word when it grades the reply", () => {
    // 29 words and {planName}, read as "them" (1 syllable, as "plan" was): 30 words, 36 syllables, grade 2.5 as by hand above
    expect(checkPlainLanguage(`${sentence} ${sentence} You can see ago nurse today about your care {planName}.`).grade).toBe(2.5);
  });

  it("quotes jargon as written after a name with a letter whose capital is two letters (ß)", () => {
    expect(checkPlainLanguage("Dear Ms. Strauß, your prior authorization is approved.").findings).toEqual([
      { kind: "jargon", text: "prior authorization", suggestion: 'say "approval before you get the service"' },
    ]);
  });

  it("finds hyphenated jargon, and a deployment's own term however it is capitalised", () => {
    expect(checkPlainLanguage("The lab you chose is out-of-network.").findings).toEqual([
      { kind: "jargon", text: "out-of-network", suggestion: 'say "not in our network of doctors"' },
    ]);
    expect(checkPlainLanguage("Your Care Pathway letter is attached.", { jargon: { "Care Pathway": "plan of care" } }).findings).toEqual([
      { kind: "jargon", text: "Care Pathway", suggestion: 'say "plan of care"' },
    ]);
  });

  it("accepts an acronym explained at the start of a long reply", () => {
    const text = `Your XQZ (extra quality zone) form is ready.${" Words here and more.".repeat(10)}`; // 254 characters
    expect(text.length).toBe(254);
    expect(checkPlainLanguage(text).findings).toEqual([]);
  });

  it("accepts an explanation that ends on the 80th character after the acronym, and not one a character further", () => {
    // "XQZ" is characters 5–7; the window runs to character 87 (8 + 80 − 1)
    const within = "Your XQZ form is ready. It comes with a short guide to your new extra quality zone (XQZ).";
    expect(within.indexOf("(XQZ)") + "(XQZ)".length - 1).toBe(87);
    expect(checkPlainLanguage(within).findings).toEqual([]);
    const beyond = "Your XQZ form is ready. It comes with a short guide to your new extra quality zones (XQZ).";
    expect(checkPlainLanguage(beyond).findings.map((f) => f.text)).toEqual(["XQZ"]);
  });
});
