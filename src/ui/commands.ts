/**
 * The event-based runtime's entry (commands.html in Outlook on the web and new Outlook; commands.js
 * in classic Outlook on Windows): registers the OnMessageSend handler named in the manifest. It
 * reads settings as the pane does and signs in silently only — a Smart Alert cannot show a sign-in
 * popup; without a token the reply is still checked, and the pane's buttons record it.
 */
import { OfficeMailbox } from "../adapters/mailbox/office";
import { BusinessCalendar } from "../domain/calendar/calendar";
import { parseSettings, type DeploymentSettings } from "../domain/settings";
import { DEFAULT_TEMPLATES } from "../domain/templates/defaults";
import { logEvent } from "./log";
import { decideOnSend } from "./on-send";

declare const __TRIAGE_SETTINGS__: unknown;

async function onMessageSendHandler(event: Office.MailboxEvent): Promise<void> {
  let settings: DeploymentSettings;
  try {
    settings = parseSettings(typeof __TRIAGE_SETTINGS__ === "undefined" ? null : __TRIAGE_SETTINGS__);
  } catch {
    event.completed({ allowEvent: true });
    return;
  }
  const mailbox = new OfficeMailbox(Office);
  const calendar = new BusinessCalendar(settings.calendar);
  const sharePoint = settings.sharePoint;
  const decision = await decideOnSend({
    readDraft: async () => ({ text: await mailbox.readDraftText(), conversationId: mailbox.draftConversationId() }),
    templates: DEFAULT_TEMPLATES,
    policies: settings.policies,
    now: () => Date.now(),
    log: async () => {
      // the outbox needs IndexedDB, which classic Outlook's JavaScript-only runtime lacks
      if (!sharePoint || typeof indexedDB === "undefined") return null;
      const { microsoftLog } = await import("./microsoft-log");
      const log = await microsoftLog(sharePoint, { calendar, policies: settings.policies, routes: settings.routes, now: () => Date.now() }, Office, { silentOnly: true });
      const me = await log.signIn.user().catch(() => null);
      return me ? { service: log.service, me: me.upn } : null;
    },
  });
  logEvent("on-send.decided", decision.allowEvent ? "allow" : decision.promptUser ? "prompt" : "block");
  event.completed({
    allowEvent: decision.allowEvent,
    ...(decision.errorMessage ? { errorMessage: decision.errorMessage } : {}),
    ...(decision.promptUser && Office.context.requirements.isSetSupported("Mailbox", "1.14") ? { sendModeOverride: Office.MailboxEnums.SendModeOverride.PromptUser } : {}),
  });
}

Office.onReady(() => undefined);
Office.actions.associate("onMessageSendHandler", onMessageSendHandler);
