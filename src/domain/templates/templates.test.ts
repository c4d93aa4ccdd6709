import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES } from "./defaults";
import { checkPlainLanguage } from "./plain-language";
import { PURPOSES, placeholdersOf, renderTemplate, suggestTemplates } from "./templates";

const complete = (body: string) => Object.fromEntries(placeholdersOf(body).map((p) => [p, `value of ${p}`]));

describe("the default templates", () => {
  it("cover every purpose in English and Spanish, and acknowledgement and researching in Vietnamese", () => {
    for (const purpose of PURPOSES) {
      for (const language of ["en", "es"]) expect(DEFAULT_TEMPLATES.some((t) => t.purpose === purpose && t.language === language), `${purpose} ${language}`).toBe(true);
    }
    expect(DEFAULT_TEMPLATES.filter((t) => t.language === "vi").map((t) => t.purpose).sort()).toEqual(["acknowledgement", "researching"]);
  });

  it("each render with complete data and are refused with data missing", () => {
    for (const t of DEFAULT_TEMPLATES) {
      const values = complete(t.body);
      expect(renderTemplate(t, values).ok, t.id).toBe(true);
      const [first] = placeholdersOf(t.body);
      const r = renderTemplate(t, { ...values, [first!]: "  " });
      expect(r, t.id).toEqual({ ok: false, missing: [first] });
    }
  });

  it("each pass the plain-language check", () => {
    for (const t of DEFAULT_TEMPLATES) {
      const r = checkPlainLanguage(t.body.replace(/<[^>]+>/g, " "), { language: t.language });
      expect(r.findings, t.id).toEqual([]);
    }
  });

  it("never carry an organisation's name or number as text", () => {
    for (const t of DEFAULT_TEMPLATES) expect(t.body, t.id).not.toMatch(/\d{3}[-) ]\d{3}-\d{4}|Humana|Louisiana|Prairie Lantern/);
  });
});

describe("rendering", () => {
  it("shows a hostile member name as text, never as markup", () => {
    const t = DEFAULT_TEMPLATES.find((x) => x.id === "research-en")!;
    const r = renderTemplate(t, { ...complete(t.body), memberName: "<img src=x onerror=alert(1)>" });
    expect(r.ok && r.html).toContain("Hello &lt;img src=x onerror=alert(1)&gt;,");
    expect(r.ok && r.html).not.toContain("<img");
    expect(r.ok && r.text).toContain("Hello <img src=x onerror=alert(1)>,");
  });
});

describe("suggestions", () => {
  it("put the template the flags call for first, in the member's language", () => {
    const s = suggestTemplates(DEFAULT_TEMPLATES, { category: "claims_billing", flags: ["account_verification_required", "non_english"], policy: "secure-message", language: "es", mailbox: "contact-us" });
    expect(s[0]!.id).toBe("verify-es");
    expect(suggestTemplates(DEFAULT_TEMPLATES, { category: "out_of_scope", flags: [], policy: "agent-support", language: "en", mailbox: "agent-support" })[0]!.id).toBe("scope-en");
    expect(suggestTemplates(DEFAULT_TEMPLATES, { category: "claims_billing", flags: [], policy: "secure-message", language: "vi", mailbox: "secure-message" })[0]!.id).toBe("research-vi");
  });

  it("list approved templates only", () => {
    const draft = { ...DEFAULT_TEMPLATES[0]!, id: "draft", approval: { ...DEFAULT_TEMPLATES[0]!.approval, status: "Draft" as const } };
    expect(suggestTemplates([draft], { category: "general_inquiry", flags: [], policy: "secure-message", language: "en", mailbox: null })).toEqual([]);
  });
});
