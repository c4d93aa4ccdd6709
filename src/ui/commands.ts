/**
 * The event-based runtime's entry in Outlook on the web and new Outlook (commands.html): registers
 * the OnMessageSend handler named in the manifest. It reads settings as the pane does and signs in
 * silently only — a Smart Alert cannot show a sign-in popup; without a token the reply is still
 * checked, and the pane's buttons record it. Classic Outlook's JavaScript-only runtime loads
 * commands-classic.ts instead (built as commands.js).
 */
import { BusinessCalendar } from "../domain/calendar/calendar";
import { onMessageSendHandler } from "../app/send-event";

const handler = onMessageSendHandler(
  (settings) => async () => {
    const sharePoint = settings.sharePoint;
    if (!sharePoint || typeof indexedDB === "undefined") return null;
    const { microsoftLog } = await import("../app/microsoft-log");
    const log = await microsoftLog(sharePoint, { calendar: new BusinessCalendar(settings.calendar), policies: settings.policies, routes: settings.routes, now: () => Date.now() }, Office, { silentOnly: true });
    const me = await log.signIn.user().catch(() => null);
    return me ? { service: log.service, me: me.upn } : null;
  },
);

Office.onReady(() => undefined);
Office.actions.associate("onMessageSendHandler", handler);
