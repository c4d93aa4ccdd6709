/**
 * What a reply sent from Outlook records in the inquiry's log (the on-send handler). A reply the
 * advocate already marked in the pane — her own last action on the inquiry, a reply-type action
 * within the last hours — records nothing more. A reply drafted from a template records what the
 * template stands for (an acknowledgement, a request for information…), since inserting it
 * recorded only the draft. Otherwise the reply is her answer: `respond` (assigning it to her first
 * if nobody has it), or a `followUp` once it was answered and the policy asks for updates; nothing
 * on a resolved inquiry.
 */
import type { InquiryRecord } from "./record";
import { allowedActions, type Action } from "./status";

const REPLY_ACTIONS = new Set<Action["kind"]>(["acknowledge", "awaitInformation", "route", "respond", "followUp"]);
export const ALREADY_LOGGED_WITHIN_MS = 8 * 3_600_000;

export function actionsForSentReply(record: InquiryRecord, me: string, at: number, hasFollowUp: boolean, drafted: Action | null = null): Action[] {
  const last = record.history[record.history.length - 1];
  if (last && last.by.toLowerCase() === me.toLowerCase() && REPLY_ACTIONS.has(last.action) && at - last.at >= 0 && at - last.at < ALREADY_LOGGED_WITHIN_MS) return [];
  const allowed = allowedActions(record.status);
  const take = record.assignee ? [] : [{ kind: "assign", to: me } as const];
  if (drafted && allowed.includes(drafted.kind)) return [...take, drafted];
  if (drafted && record.status === "new" && drafted.kind !== "followUp") return [{ kind: "assign", to: me }, drafted];
  if (allowed.includes("respond")) return [...(record.assignee ? [] : [{ kind: "assign", to: me } as const]), { kind: "respond" }];
  if (record.status === "new") return [{ kind: "assign", to: me }, { kind: "respond" }];
  if (allowed.includes("followUp") && hasFollowUp) return [{ kind: "followUp" }];
  return [];
}

/**
 * What drafting a reply records before the draft itself: the inquiry taken by the advocate when
 * nobody has it (the same rule a sent reply follows). The draft is not a reply: what it stands for
 * is recorded by `actionsForSentReply` once it is sent.
 */
export function actionsBeforeDraft(record: InquiryRecord, me: string): Action[] {
  return !record.assignee && allowedActions(record.status).includes("assign") ? [{ kind: "assign", to: me }] : [];
}
