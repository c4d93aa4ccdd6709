/**
 * The OnMessageSend handler's work (event-based activation, a Smart Alert): check the reply, then
 * record it in the inquiry's log. An unfilled template placeholder stops the send; a reply that
 * fails the plain-language check is held with the reasons and a "Send anyway" choice. A reply that
 * goes is recorded (decision 21) through the log's outbox; the send never waits on SharePoint for
 * more than a moment, and never fails because of it — what is not sent yet waits in the outbox for
 * the pane.
 */
import type { InquiryLogService } from "../adapters/graph/log-service";
import type { SendAnswer } from "../adapters/mailbox/types";
import type { SlaPolicy } from "../domain/sla/policies";
import { checkBeforeSend } from "../domain/templates/send-check";
import type { Template } from "../domain/templates/templates";
import { recordSentReply } from "./inquiry";
import { logEvent } from "./log";

export interface OnSendDeps {
  readonly readDraft: () => Promise<{ readonly text: string; readonly conversationId: string | null }>;
  readonly templates: readonly Template[];
  readonly policies: readonly SlaPolicy[];
  /** The log and the signed-in advocate, or null where this runtime cannot reach it. */
  readonly log: () => Promise<{ readonly service: InquiryLogService; readonly me: string } | null>;
  readonly now: () => number;
  /** How long the send may wait for the log (ms). */
  readonly logWaitMs?: number;
}

async function record(deps: OnSendDeps, conversationId: string): Promise<void> {
  const log = await deps.log();
  if (!log) return;
  await recordSentReply(log.service, conversationId, log.me, deps.now(), deps);
}

export async function decideOnSend(deps: OnSendDeps): Promise<SendAnswer> {
  let draft: { text: string; conversationId: string | null };
  try {
    draft = await deps.readDraft();
  } catch {
    logEvent("on-send.read-failed");
    return { allowEvent: true }; // never trap a reply because Outlook could not hand us its text
  }
  const check = checkBeforeSend(draft.text, deps.templates);
  if (check.block) return { allowEvent: false, errorMessage: check.block };
  if (draft.conversationId) {
    const wait = new Promise<void>((r) => setTimeout(r, deps.logWaitMs ?? 3000));
    await Promise.race([record(deps, draft.conversationId).catch(() => logEvent("on-send.log-failed")), wait]);
  }
  return check.warn ? { allowEvent: false, errorMessage: check.warn, promptUser: true } : { allowEvent: true };
}
