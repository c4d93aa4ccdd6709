/**
 * What the on-send check (Outlook's OnMessageSend, a Smart Alert) says about a reply before it goes:
 * a placeholder of an approved template still unfilled stops it; a reply that fails the plain-language
 * check is held with the reasons and the choice to send anyway. Only the advocate's own words are
 * checked, never the member's message quoted below them.
 */
import { detectLanguage } from "../classify/language";
import { splitQuoted } from "../classify/text";
import { checkPlainLanguage } from "./plain-language";
import { placeholdersOf, type Template } from "./templates";

export interface SendCheck {
  /** Why the reply must not go as it is (an unfilled placeholder), or null. */
  readonly block: string | null;
  /** Plain-language problems the advocate may still choose to send with, or null. */
  readonly warn: string | null;
}

/** Smart Alert messages are cut at 500 characters by Outlook: keep ours well under. */
const MAX = 450;
const clip = (s: string) => (s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s);

/** The reply's text (plain, as Outlook gives it) checked against the placeholders of the approved templates; its language is detected unless given. */
export function checkBeforeSend(text: string, templates: readonly Template[], options: { readonly language?: string } = {}): SendCheck {
  const own = splitQuoted(text).own;
  const known = new Set(templates.flatMap((t) => placeholdersOf(t.body)));
  const unfilled = placeholdersOf(own).filter((p) => known.has(p));
  if (unfilled.length) {
    return { block: clip(`Fill in ${unfilled.map((p) => `{${p}}`).join(", ")} before sending: the reply still has ${unfilled.length === 1 ? "a placeholder" : "placeholders"} from the template.`), warn: null };
  }
  // the reading grade is English's: a reply in another language is read as what it is (the send handler does not know the template's language)
  const plain = checkPlainLanguage(own, { language: options.language ?? detectLanguage(own).language });
  if (plain.passes) return { block: null, warn: null };
  const reasons = plain.findings.slice(0, 3).map((f) => (f.kind === "grade" ? `${f.text}: ${f.suggestion}` : `"${f.text}": ${f.suggestion}`));
  return { block: null, warn: clip(`This reply may be hard for the member to read. ${reasons.join("; ")}${plain.findings.length > 3 ? ` (and ${plain.findings.length - 3} more)` : ""}.`) };
}
