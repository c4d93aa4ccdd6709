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
    expect(held.findings).toEqual([
      { kind: "grade", text: "reading grade 9.5", suggestion: "use shorter sentences and everyday words (grade 8 or below)" },
    ]);
    expect(checkPlainLanguage(grade7)).toEqual({ passes: true, grade: 7.5, findings: [] });
  });

  it("uses a deployment's own limit, and judges no grade for a reply in another language", () => {
    expect(checkPlainLanguage(grade9, { maxGrade: 10 }).passes).toBe(true);
    expect(checkPlainLanguage(grade7, { maxGrade: 7 }).findings.map((f) => f.text)).toEqual(["reading grade 7.5"]);
    expect(checkPlainLanguage(grade9, { language: "es" })).toEqual({ passes: true, grade: null, findings: [] });
  });
});
