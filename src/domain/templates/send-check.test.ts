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

describe("the check before sending, on what the advocate reads", () => {
  it("names every unfilled placeholder, in the plural when there are several", () => {
    const r = checkBeforeSend("Hello {memberName},\n\nYour confirmation number is {confirmationNumber}.", DEFAULT_TEMPLATES);
    expect(r.block).toBe("Fill in {memberName}, {confirmationNumber} before sending: the reply still has placeholders from the template.");
  });

  it("lists three reasons, and how many more there are beyond them", () => {
    const three = checkBeforeSend("Hello Ana,\n\nThe formulary changed, your claim was adjudicated and the EOB was sent.", DEFAULT_TEMPLATES);
    expect(three.warn).toBe(
      'This reply may be hard for the member to read. "formulary": say "list of covered drugs"; "adjudicated": say "processed"; "EOB": say "Explanation of Benefits (a statement of what the plan paid)".',
    );
    const five = checkBeforeSend("Hello Ana,\n\nThe formulary changed, your claim was adjudicated, the EOB was sent and your PCP ordered DME.", DEFAULT_TEMPLATES);
    expect(five.warn).toBe(
      'This reply may be hard for the member to read. "formulary": say "list of covered drugs"; "adjudicated": say "processed"; "EOB": say "Explanation of Benefits (a statement of what the plan paid)" (and 2 more).',
    );
  });

  it("keeps the message within what Outlook shows (450 characters), cutting a longer one with an ellipsis", () => {
    const words = (n: number) => `Fill in {${"x".repeat(n)}} before sending: the reply still has a placeholder from the template.`;
    const fits = 450 - words(0).length;
    const check = (n: number) => checkBeforeSend(`Hello {${"x".repeat(n)}},\n\nWe paid your claim.`, [{ ...DEFAULT_TEMPLATES[0]!, body: `Hello {${"x".repeat(n)}}` }]).block!;
    expect(check(fits)).toBe(words(fits));
    const cut = check(fits + 1);
    expect(cut).toHaveLength(450);
    expect(cut).toBe(`${words(fits + 1).slice(0, 449)}…`);
  });

  it("does not hold a reply in Spanish for an English reading grade", () => {
    const es =
      "Hola Ana,\n\nGracias por escribirnos sobre su visita reciente al hospital. Revisamos cuidadosamente su cuenta y el historial de pagos correspondiente a esa visita. Nuestros registros indican que el pago fue entregado a la oficina de su proveedor el martes pasado por la tarde.";
    expect(checkBeforeSend(es, DEFAULT_TEMPLATES, { language: "es" })).toEqual({ block: null, warn: null });
  });
});

describe("the check before sending, in the language it is told", () => {
  it("trusts the language the pane gives over its own guess: no English grade for a reply it is told is Spanish", () => {
    const grade9 =
      "Hello Ana,\n\nThank you for writing to us about your recent hospital visit. We carefully reviewed your account and the payment history for that visit. Our records indicate that the payment was delivered to your provider's office last Tuesday afternoon. Please contact your provider directly if they still believe that something remains owed.";
    expect(checkBeforeSend(grade9, DEFAULT_TEMPLATES).warn).toMatch(/reading grade 9/); // guessed English: graded
    expect(checkBeforeSend(grade9, DEFAULT_TEMPLATES, { language: "es" })).toEqual({ block: null, warn: null });
  });
});
