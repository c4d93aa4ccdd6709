/**
 * The OnMessageSend event as both event-based runtimes receive it: read the settings, check the
 * draft, answer Outlook. Where the reply is recorded is the runtime's to say (`record`): the
 * page runtime (commands.html) records through the log; classic Outlook's JavaScript-only runtime
 * (commands.js) cannot (no IndexedDB, no MSAL) and passes none, so nothing of MSAL or the Graph
 * client is in that script.
 */
import { OfficeMailbox } from "../adapters/mailbox/office";
import type { DeploymentSettings } from "../domain/settings";
import { embeddedSettings } from "./embedded-settings";
import { DEFAULT_TEMPLATES } from "../domain/templates/defaults";
import { logEvent } from "./log";
import { decideOnSend, type OnSendDeps } from "./on-send";

export type RecordFor = (settings: DeploymentSettings) => OnSendDeps["log"];

export function onMessageSendHandler(recordFor?: RecordFor) {
  return async (event: Office.MailboxEvent): Promise<void> => {
    let settings: DeploymentSettings;
    try {
      settings = embeddedSettings();
    } catch {
      event.completed({ allowEvent: true });
      return;
    }
    const mailbox = new OfficeMailbox(Office);
    const decision = await decideOnSend({
      readDraft: async () => ({ text: await mailbox.readDraftText(), conversationId: mailbox.draftConversationId() }),
      templates: DEFAULT_TEMPLATES,
      policies: settings.policies,
      now: () => Date.now(),
      log: recordFor ? recordFor(settings) : async () => null,
    });
    logEvent("on-send.decided", decision.allowEvent ? "allow" : decision.promptUser ? "prompt" : "block");
    event.completed({
      allowEvent: decision.allowEvent,
      ...(decision.errorMessage ? { errorMessage: decision.errorMessage } : {}),
      ...(decision.promptUser && Office.context.requirements.isSetSupported("Mailbox", "1.14") ? { sendModeOverride: Office.MailboxEnums.SendModeOverride.PromptUser } : {}),
    });
  };
}
