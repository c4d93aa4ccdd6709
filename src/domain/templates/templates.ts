/**
 * Approved response templates as data: purpose, what they fit, language, an HTML body with named
 * placeholders, and approval. Rendering escapes every value and refuses to produce text while any
 * placeholder is unfilled; suggestions list the approved templates that fit an email, best first.
 */
import type { Flag } from "../classify/classifier";
import type { Category } from "../classify/labels";

export const PURPOSES = [
  "acknowledgement",
  "researching",
  "routed",
  "requestInfo",
  "outOfScope",
  "generalInfoUntilVerified",
  "specialistInfo",
  "followUp",
  "resolution",
] as const;
export type Purpose = (typeof PURPOSES)[number];

export interface Approval {
  readonly status: "Draft" | "Approved" | "Retired";
  readonly version: number;
  readonly approvedBy: string;
  readonly approvedOn: string;
}

export interface Template {
  readonly id: string;
  readonly title: string;
  readonly purpose: Purpose;
  /** Categories it fits; empty: any. */
  readonly categories: readonly Category[];
  /** Flags it is meant for (it ranks higher when the email has them). */
  readonly flags: readonly Flag[];
  /** Policies it fits; empty: any. */
  readonly policies: readonly string[];
  readonly language: string;
  /** HTML with {placeholders}. */
  readonly body: string;
  readonly approval: Approval;
}

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export function placeholdersOf(body: string): string[] {
  return [...new Set([...body.matchAll(/\{([A-Za-z][\w]*)\}/g)].map((m) => m[1]!))];
}

export type RenderResult = { readonly ok: true; readonly html: string; readonly text: string } | { readonly ok: false; readonly missing: readonly string[] };

/** Fills the placeholders (each value HTML-escaped); refuses while any is empty or missing. */
export function renderTemplate(template: Template, values: Readonly<Record<string, string | undefined>>): RenderResult {
  const missing = placeholdersOf(template.body).filter((p) => !(values[p] ?? "").trim());
  if (missing.length) return { ok: false, missing };
  const html = template.body.replace(/\{([A-Za-z][\w]*)\}/g, (_, p: string) => escapeHtml(values[p]!.trim()).replace(/\n/g, "<br>"));
  const text = html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/p>\s*/gi, "\n\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .trim();
  return { ok: true, html, text };
}

export interface SuggestionContext {
  readonly category: Category;
  readonly flags: readonly Flag[];
  readonly policy: string;
  readonly language: string;
  readonly mailbox: string | null;
}

/** The purposes that fit an email, most useful first. */
function purposeRank(ctx: SuggestionContext): readonly Purpose[] {
  const first: Purpose[] = [];
  if (ctx.category === "out_of_scope") first.push("outOfScope");
  if (ctx.flags.includes("missing_required_info")) first.push("requestInfo");
  if (ctx.flags.includes("account_verification_required")) first.push("generalInfoUntilVerified");
  if (ctx.mailbox === "specialist" && ctx.category === "provider_search") first.push("specialistInfo");
  if (ctx.category === "appeal" || ctx.category === "grievance" || ctx.flags.includes("clinical_referral")) first.push("routed");
  return [...new Set<Purpose>([...first, "researching", "acknowledgement", "resolution", "followUp", "routed", "requestInfo", "generalInfoUntilVerified", "specialistInfo", "outOfScope"])];
}

/** Approved templates that fit the email, best first (purpose, then language: the member's, then English). */
export function suggestTemplates(templates: readonly Template[], ctx: SuggestionContext): Template[] {
  const ranks = purposeRank(ctx);
  const fits = templates.filter(
    (t) =>
      t.approval.status === "Approved" &&
      (t.categories.length === 0 || t.categories.includes(ctx.category)) &&
      (t.policies.length === 0 || t.policies.includes(ctx.policy)) &&
      (t.language === ctx.language || t.language === "en"),
  );
  const score = (t: Template) =>
    ranks.indexOf(t.purpose) * 10 + (t.language === ctx.language ? 0 : 5) - t.flags.filter((f) => ctx.flags.includes(f)).length;
  return fits.sort((a, b) => score(a) - score(b));
}
