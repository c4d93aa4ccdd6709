import { describe, expect, it } from "vitest";
import type { Flag } from "../classify/classifier";
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

describe("a template's text and its ranking, on templates made for the test", () => {
  const approval = { status: "Approved" as const, version: 1, approvedBy: "compliance@plan.example", approvedOn: "2026-01-05" };
  const tpl = (id: string, purpose: (typeof PURPOSES)[number], over: Partial<Parameters<typeof renderTemplate>[0]> = {}) => ({ id, title: id, purpose, categories: [], flags: [], policies: [], language: "en", body: "<p>Hello</p>", approval, ...over });
  const all = PURPOSES.map((p) => tpl(p, p));
  const ctx = { category: "claims_billing" as const, flags: [] as Flag[], policy: "secure-message", language: "en", mailbox: "secure-message" };
  const first = (over: Partial<Parameters<typeof suggestTemplates>[1]>) => suggestTemplates(all, { ...ctx, ...over })[0]!.id;

  it("gives the reply's plain text with line breaks, paragraphs and entities as the member will read them", () => {
    const r = renderTemplate(tpl("t", "resolution", { body: "<p>Dear {memberName},</p>\n<p>Line one<br>line two<BR/>line three<br />end.</p><p><strong>Bold</strong> &amp; done</p>" }), { memberName: ' Ana "A" O\'Neil & <co> \n second line ' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.html).toContain("Dear Ana &quot;A&quot; O&#39;Neil &amp; &lt;co&gt; <br> second line,");
    expect(r.text).toBe('Dear Ana "A" O\'Neil & <co> \n second line,\n\nLine one\nline two\nline three\nend.\n\nBold & done');
  });

  it("refuses while a value is missing or blank, naming each once", () => {
    const t = tpl("t", "resolution", { body: "<p>{memberName} {confirmationNumber} {memberName}</p>" });
    expect(renderTemplate(t, { memberName: "  ", confirmationNumber: undefined })).toEqual({ ok: false, missing: ["memberName", "confirmationNumber"] });
    expect(renderTemplate(t, { memberName: "Ana" })).toEqual({ ok: false, missing: ["confirmationNumber"] });
  });

  it("ranks by what the email needs: out of scope, missing information, verification, a specialist search, a hand-off", () => {
    expect(first({})).toBe("researching");
    expect(first({ category: "out_of_scope" })).toBe("outOfScope");
    expect(first({ flags: ["missing_required_info"] as Flag[] })).toBe("requestInfo");
    expect(first({ flags: ["account_verification_required"] as Flag[] })).toBe("generalInfoUntilVerified");
    expect(first({ mailbox: "specialist", category: "provider_search" })).toBe("specialistInfo");
    expect(first({ mailbox: "specialist", category: "claims_billing" })).toBe("researching");
    expect(first({ mailbox: "secure-message", category: "provider_search" })).toBe("researching");
    for (const category of ["appeal", "grievance"] as const) expect(first({ category })).toBe("routed");
    expect(first({ flags: ["clinical_referral"] as Flag[] })).toBe("routed");
    expect(suggestTemplates(all, ctx).map((t) => t.id)).toEqual(["researching", "acknowledgement", "resolution", "followUp", "routed", "requestInfo", "generalInfoUntilVerified", "specialistInfo", "outOfScope"]);
  });

  it("offers the member's language before English for the same purpose, and no other language", () => {
    const set = [tpl("ack-en", "acknowledgement"), tpl("ack-es", "acknowledgement", { language: "es" }), tpl("ack-vi", "acknowledgement", { language: "vi" }), tpl("res-es", "researching", { language: "es" })];
    expect(suggestTemplates(set, { ...ctx, language: "es" }).map((t) => t.id)).toEqual(["res-es", "ack-es", "ack-en"]);
    expect(suggestTemplates(set, ctx).map((t) => t.id)).toEqual(["ack-en"]);
  });

  it("keeps templates for other categories or policies out, and puts one made for the email's flags first among its purpose", () => {
    const set = [
      tpl("plain", "acknowledgement"),
      tpl("for-flag", "acknowledgement", { flags: ["repeat_contact"] }),
      tpl("other-category", "acknowledgement", { categories: ["authorization"] }),
      tpl("this-category", "acknowledgement", { categories: ["claims_billing"] }),
      tpl("other-policy", "acknowledgement", { policies: ["agent-support"] }),
      tpl("this-policy", "acknowledgement", { policies: ["secure-message"] }),
    ];
    expect(suggestTemplates(set, { ...ctx, flags: ["repeat_contact"] as Flag[] }).map((t) => t.id)).toEqual(["for-flag", "plain", "this-category", "this-policy"]);
  });

  it("puts a better purpose in English before a weaker one in the member's language", () => {
    // a Spanish email about a claim: "researching" ranks first, "acknowledgement" second (see the order above);
    // the purpose counts ten times a rank, the member's language five: res-en 0 + 5 = 5, ack-es 10 + 0 = 10
    const set = [tpl("ack-es", "acknowledgement", { language: "es" }), tpl("res-en", "researching")];
    expect(suggestTemplates(set, { ...ctx, language: "es" }).map((t) => t.id)).toEqual(["res-en", "ack-es"]);
  });

  it("gives a template no lift for flags the email does not have", () => {
    const set = [tpl("plain", "acknowledgement"), tpl("for-other-flag", "acknowledgement", { flags: ["repeat_contact"] })];
    expect(suggestTemplates(set, ctx).map((t) => t.id)).toEqual(["plain", "for-other-flag"]);
  });
});
