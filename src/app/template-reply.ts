/**
 * Replying with a template (a use case of the pane): the values, the sanitised reply Outlook opens,
 * and what the log records of a draft. Apart from inquiry.ts because it needs the HTML sanitiser,
 * which the on-send runtimes (classic Outlook's small script) must not carry.
 */
import type { MailboxAdapter, MailItem } from "../adapters/mailbox/types";
import type { InquiryRecord } from "../domain/inquiry/record";
import { actionsBeforeDraft } from "../domain/inquiry/sent-reply";
import type { Action } from "../domain/inquiry/status";
import type { TriageView } from "../domain/inquiry/triage";
import type { Organisation } from "../domain/settings";
import { actionForPurpose } from "../domain/templates/drafts";
import { placeholdersOf, type Template } from "../domain/templates/templates";
import { actAll, type InquiryLog } from "./inquiry";
import { renderSafe } from "./safe-template";
import { templateValues } from "./template-values";

/** A reply the pane drafted from a template, not yet known to be sent: what sending it records. */
export interface DraftOffer {
  readonly messageId: string;
  readonly action: Action;
  readonly templateTitle: string;
}

/** Why a template reply did not open; the pane's words for each are in `templateProblemText`. */
export type TemplateProblem =
  | { readonly code: "noList" }
  | { readonly code: "noConfirmationNumber" }
  | { readonly code: "missingValues"; readonly missing: readonly string[] }
  | { readonly code: "replyFailed" };

export function templateProblemText(p: TemplateProblem): string {
  switch (p.code) {
    case "noList":
      return "Confirmation numbers come from the SharePoint list, which this pane cannot reach.";
    case "noConfirmationNumber":
      return "SharePoint did not answer, so there is no confirmation number yet. Try again in a moment.";
    case "missingValues":
      return `Fill in: ${p.missing.join(", ")}.`;
    case "replyFailed":
      return "Outlook could not open the reply. Open it yourself and try again.";
  }
}

export interface TemplateReply {
  readonly item: MailItem;
  readonly view: TriageView;
  readonly template: Template;
  readonly typed: Readonly<Record<string, string>>;
  readonly all: boolean;
  /** The inquiry as the pane has it and the signed-in advocate, or null without the log. */
  readonly worked: { readonly record: InquiryRecord; readonly log: InquiryLog; readonly me: string } | null;
  readonly at: () => number;
}

/**
 * Replies with a template: its values (a confirmation number from the list when it has one),
 * sanitised, into a reply Outlook opens. A draft is not a reply: the log records the draft (and
 * takes the inquiry if nobody has it); what the reply stands for is recorded when it is sent (the
 * on-send check) or when the advocate says so (`draft`).
 */
export async function replyWithTemplate(
  r: TemplateReply,
  deps: { readonly mailbox: Pick<MailboxAdapter, "reply">; readonly organisation: Organisation; readonly linkHosts: readonly string[] },
): Promise<
  { readonly ok: true; readonly record: InquiryRecord | null; readonly draft: DraftOffer | null } | { readonly ok: false; readonly problem: TemplateProblem }
> {
  const values = templateValues(deps.organisation, { memberName: r.item.from.name, missingFields: r.view.classification.missingFields, language: r.template.language }, r.typed);
  if (placeholdersOf(r.template.body).includes("confirmationNumber")) {
    if (!r.worked) return { ok: false, problem: { code: "noList" } };
    try {
      values["confirmationNumber"] = await r.worked.log.confirmationNumber(r.worked.record);
    } catch {
      return { ok: false, problem: { code: "noConfirmationNumber" } };
    }
  }
  const rendered = renderSafe(r.template, values, deps.linkHosts);
  if (!rendered.ok) return { ok: false, problem: { code: "missingValues", missing: rendered.missing } };
  try {
    await deps.mailbox.reply(rendered.html, r.all);
  } catch {
    return { ok: false, problem: { code: "replyFailed" } };
  }
  if (!r.worked) return { ok: true, record: null, draft: null };
  const { log, me } = r.worked;
  const at = r.at();
  let record = await actAll(log, r.worked.record, actionsBeforeDraft(r.worked.record, me), me, at);
  const used = `${r.template.id}@${r.template.approval.version}`;
  await log.drafted(record, me, at, used);
  record = { ...record, templatesUsed: [...(record.templatesUsed ?? []), used] };
  const action = actionForPurpose(r.template.purpose);
  return { ok: true, record, draft: action ? { messageId: record.internetMessageId, action, templateTitle: r.template.title } : null };
}
