/**
 * The event-based runtime's entry in Outlook on the web and new Outlook (commands.html): registers
 * the OnMessageSend handler named in the manifest. It reads settings as the pane does and signs in
 * silently only — a Smart Alert cannot show a sign-in popup; without a token the reply is still
 * checked, and the pane's buttons record it. Classic Outlook's JavaScript-only runtime loads
 * commands-classic.ts instead (built as commands.js).
 */
import { logDeps, openLog, sentReplyLog } from "../app/compose";
import { onMessageSendHandler } from "../app/send-event";

const handler = onMessageSendHandler((settings) => {
  if (!settings.sharePoint || typeof indexedDB === "undefined") return async () => null;
  return sentReplyLog(openLog(settings, { kind: "microsoft", office: Office, silentOnly: true }, logDeps(settings, () => Date.now())));
});

Office.onReady(() => undefined);
Office.actions.associate("onMessageSendHandler", handler);
