import { describe, expect, it } from "vitest";
import { Classifier, type Classification, type EmailInput } from "./classifier";
import { classifyRequest } from "./request";
import { loadModel } from "../../cli/model";

/** A classifier that answers `answer` and remembers what it was asked (the model is not what these tests are about). */
function fakeClassifier(answer: Partial<Classification> = {}): { classifier: Classifier; asked: EmailInput[] } {
  const asked: EmailInput[] = [];
  const classification: Classification = {
    category: "claims_billing",
    senderType: "member",
    priority: "routine",
    language: "en",
    flags: [],
    policy: "standard",
    confidence: 0.91,
    reasons: [],
    missingFields: [],
    warnings: [],
    modelVersion: "test-model-1",
    ...answer,
  };
  const classifier = {
    classify(input: EmailInput): Classification {
      asked.push(input);
      return classification;
    },
  } as unknown as Classifier;
  return { classifier, asked };
}

describe("a classify command line", () => {
  it("refuses a line that is not a JSON object, with id null, without classifying", () => {
    const { classifier, asked } = fakeClassifier();
    for (const line of [null, undefined, 42, "subject: help", true, [], [{ id: "a-1", body: "x" }]]) {
      expect(classifyRequest(line, classifier)).toEqual({ id: null, error: "each line must be a JSON object" });
    }
    expect(asked).toEqual([]);
  });

  it("refuses a body that is not a string, echoing the line's id, without classifying", () => {
    const { classifier, asked } = fakeClassifier();
    for (const body of [42, 0, false, true, { text: "hi" }, ["hi"], []]) {
      expect(classifyRequest({ id: "m-7", body }, classifier)).toEqual({ id: "m-7", error: '"body" must be a string' });
    }
    expect(classifyRequest({ body: 5 }, classifier)).toEqual({ id: null, error: '"body" must be a string' });
    expect(asked).toEqual([]);
  });

  it("classifies a line whose body is missing or null as an empty body", () => {
    const { classifier, asked } = fakeClassifier();
    expect(classifyRequest({ id: 1, subject: "card" }, classifier)).toMatchObject({ id: 1, category: "claims_billing" });
    expect(classifyRequest({ id: 2, subject: "card", body: null }, classifier)).toMatchObject({ id: 2, category: "claims_billing" });
    expect(asked.map((a) => a.body)).toEqual(["", ""]);
  });

  it("passes every field of a good line to the classifier as given", () => {
    const { classifier, asked } = fakeClassifier();
    classifyRequest(
      {
        id: "e-1",
        mailbox: "member-services-email",
        from: "pat.example@example.org",
        to: ["intake@plan.example", "claims@plan.example"],
        cc: ["care@plan.example"],
        subject: "Denied claim",
        body: "<p>My claim was denied.</p>",
        bodyType: "html",
      },
      classifier,
    );
    expect(asked).toEqual([
      {
        mailbox: "member-services-email",
        from: "pat.example@example.org",
        to: ["intake@plan.example", "claims@plan.example"],
        cc: ["care@plan.example"],
        subject: "Denied claim",
        body: "<p>My claim was denied.</p>",
        bodyType: "html",
      },
    ]);
  });

  it("reads wrong-typed optional fields as empty, a single address as a list of one, and any body type but html as text", () => {
    const { classifier, asked } = fakeClassifier();
    classifyRequest({ mailbox: 7, from: ["a@example.org"], to: "one@plan.example", cc: 12, subject: { x: 1 }, body: "hello", bodyType: "HTML" }, classifier);
    classifyRequest({ to: ["ok@plan.example", 3, null, { a: 1 }, "two@plan.example"], cc: [false], bodyType: 1 }, classifier);
    expect(asked).toEqual([
      { mailbox: "", from: "", to: ["one@plan.example"], cc: [], subject: "", body: "hello", bodyType: "text" },
      { mailbox: "", from: "", to: ["ok@plan.example", "two@plan.example"], cc: [], subject: "", body: "", bodyType: "text" },
    ]);
  });

  it("echoes the line's id whatever it is, and null when there is none", () => {
    const { classifier } = fakeClassifier();
    expect(classifyRequest({ id: 0 }, classifier)["id"]).toBe(0);
    expect(classifyRequest({ id: "" }, classifier)["id"]).toBe("");
    expect(classifyRequest({ id: false }, classifier)["id"]).toBe(false);
    expect(classifyRequest({ id: { n: 1 } }, classifier)["id"]).toEqual({ n: 1 });
    expect(classifyRequest({ id: null }, classifier)["id"]).toBeNull();
    expect(classifyRequest({}, classifier)["id"]).toBeNull();
  });

  it("answers the classification, each reason as 'field: text', and no missingFields, warnings or mayBe when there are none", () => {
    const { classifier } = fakeClassifier({
      category: "authorization",
      senderType: "provider",
      priority: "high",
      language: "es",
      flags: ["clinical_referral"],
      policy: "urgent-auth",
      confidence: 0.42,
      reasons: [
        { field: "category", text: "asks for a prior authorization" },
        { field: "priority", text: "the member's surgery is tomorrow" },
      ],
      modelVersion: "m-2026-11",
    });
    expect(classifyRequest({ id: "r-1", body: "x" }, classifier)).toStrictEqual({
      id: "r-1",
      category: "authorization",
      senderType: "provider",
      priority: "high",
      language: "es",
      flags: ["clinical_referral"],
      policy: "urgent-auth",
      confidence: 0.42,
      reasons: ["category: asks for a prior authorization", "priority: the member's surgery is tomorrow"],
      model: "m-2026-11",
    });
  });

  it("answers the missing fields and the input warnings in words", () => {
    const { classifier } = fakeClassifier({
      missingFields: ["member id", "date of service"],
      warnings: [{ code: "emptyBody" }, { code: "unknownMailbox", mailbox: "nowhere" }],
    });
    const out = classifyRequest({ id: "w-1", mailbox: "nowhere" }, classifier);
    expect(out["missingFields"]).toEqual(["member id", "date of service"]);
    expect(out["warnings"]).toEqual([
      "the email has no body text: classified from the subject and sender only",
      'unknown mailbox "nowhere": timed as member-services-email until a lead sets it',
    ]);
    expect(out).not.toHaveProperty("mayBe");
  });

  it("adds the must-forward safety net to the warnings, with its rounded percentage and the sentence that points at it", () => {
    const mayBe = { category: "appeal" as const, probability: 0.735, sentence: "I want this decision looked at again" };
    const { classifier } = fakeClassifier({ warnings: [{ code: "emptyBody" }], mayBe });
    const out = classifyRequest({ id: "g-1", body: "x" }, classifier);
    expect(out["warnings"]).toEqual([
      "the email has no body text: classified from the subject and sender only",
      "this may be an appeal (74%): “I want this decision looked at again”",
    ]);
    expect(out["mayBe"]).toEqual(mayBe);
  });

  it("words a possible grievance as one, and leaves the colon out when no sentence points at it", () => {
    const { classifier } = fakeClassifier({ mayBe: { category: "grievance", probability: 0.304, sentence: "" } });
    const out = classifyRequest({ id: "g-2", body: "x" }, classifier);
    expect(out["warnings"]).toEqual(["this may be a grievance (30%)"]);
    expect(out["mayBe"]).toEqual({ category: "grievance", probability: 0.304, sentence: "" });
  });

  it("is not fooled by a line naming __proto__ or constructor: nothing leaks into other objects", () => {
    const { classifier, asked } = fakeClassifier();
    const line: unknown = JSON.parse('{"id":"p-1","__proto__":{"body":5,"polluted":true},"constructor":{"prototype":{"polluted":true}},"subject":"hi"}');
    const out = classifyRequest(line, classifier);
    expect(out).toMatchObject({ id: "p-1", category: "claims_billing" });
    expect(asked[0]).toMatchObject({ subject: "hi", body: "" });
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("passes hostile text through as plain text, for the classifier to read, not to run", () => {
    const { classifier, asked } = fakeClassifier();
    const body = '<script>alert(1)</script>"; DROP TABLE members; -- \u0000\u202e ${process.exit(1)}';
    const out = classifyRequest({ id: "<img src=x onerror=alert(1)>", subject: "{{7*7}}", body }, classifier);
    expect(out["id"]).toBe("<img src=x onerror=alert(1)>");
    expect(asked).toEqual([{ mailbox: "", from: "", to: [], cc: [], subject: "{{7*7}}", body, bodyType: "text" }]);
  });

  it("hands an oversized line on whole, without failing (the classifier reads only the start)", () => {
    const { classifier, asked } = fakeClassifier({ warnings: [{ code: "bodyTruncated", kb: 6000 }] });
    const body = "my claim was denied ".repeat(300_000); // 6 MB
    const to = Array.from({ length: 10_000 }, (_, i) => `box${i}@plan.example`);
    const out = classifyRequest({ id: "big", body, to }, classifier);
    expect(asked[0]!.body.length).toBe(6_000_000);
    expect(asked[0]!.to).toHaveLength(10_000);
    expect(out["warnings"]).toEqual(["the body is 6000 KB: only the first 1.2 million characters were read"]);
  });

  it("answers a good line with the shipped model in the contract's shape", () => {
    const classifier = new Classifier({ model: loadModel() });
    const out = classifyRequest(
      {
        id: "real-1",
        mailbox: "member-services-email",
        from: "pat.example@example.org",
        to: "intake@plan.example",
        subject: "Claim denied",
        body: "My claim for the visit was denied and I do not know why. Please help.",
      },
      classifier,
    );
    expect(out["id"]).toBe("real-1");
    expect(out).not.toHaveProperty("error");
    expect(typeof out["category"]).toBe("string");
    expect(typeof out["confidence"]).toBe("number");
    expect(Array.isArray(out["reasons"])).toBe(true);
    expect(typeof out["model"]).toBe("string");
  });
});
