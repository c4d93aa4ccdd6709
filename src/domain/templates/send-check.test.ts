import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES } from "./defaults";
import { checkBeforeSend } from "./send-check";

describe("the check before a reply is sent", () => {
  it("stops a reply that still has a template's placeholder, naming it", () => {
    const r = checkBeforeSend("Hello {memberName},\n\nThank you for writing to us. We will call you soon.", DEFAULT_TEMPLATES);
    expect(r.block).toBe("Fill in {memberName} before sending: the reply still has a placeholder from the template.");
  });

  it("does not mistake braces that are no template's placeholder, or the member's quoted words, for one", () => {
    expect(checkBeforeSend("Hello Ana,\n\nYour plan code is {A1}. We will call you soon.", DEFAULT_TEMPLATES).block).toBeNull();
    const quoted = "Hello Ana,\n\nWe fixed it. Thank you.\n\nFrom: Ana <ana@example.com>\nSent: Monday\nSubject: help\n\nWhy did my {memberName} claim get adjudicated as EOB denied per CPT 99213?";
    expect(checkBeforeSend(quoted, DEFAULT_TEMPLATES)).toEqual({ block: null, warn: null });
  });

  it("holds a reply that fails the plain-language check with the reasons, so the advocate can fix it or send anyway", () => {
    const r = checkBeforeSend("Hello Ana,\n\nYour claim was adjudicated and the EOB shows CPT 99213 was denied.", DEFAULT_TEMPLATES);
    expect(r.block).toBeNull();
    expect(r.warn).toMatch(/^This reply may be hard for the member to read\. "adjudicated": say "/);
    expect(r.warn!.length).toBeLessThanOrEqual(450);
    expect(checkBeforeSend("Hello Ana,\n\nWe paid your claim today. You do not owe anything. Call us if you have questions.", DEFAULT_TEMPLATES)).toEqual({ block: null, warn: null });
  });
});

describe("the check before sending, on the reading grade", () => {
  it("holds a reply at grade 9 with the grade and the way to lower it", () => {
    const reply =
      "Hello Ana,\n\nThank you for writing to us about your recent hospital visit. We carefully reviewed your account and the payment history for that visit. Our records indicate that the payment was delivered to your provider's office last Tuesday afternoon. Please contact your provider directly if they still believe that something remains owed.";
    const r = checkBeforeSend(reply, DEFAULT_TEMPLATES);
    expect(r.block).toBeNull();
    expect(r.warn).toMatch(/^This reply may be hard for the member to read\. reading grade 9\.\d: use shorter sentences and everyday words \(grade 8 or below\)\.$/);
  });
});
