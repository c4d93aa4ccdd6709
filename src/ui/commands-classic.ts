/**
 * Classic Outlook on Windows runs event-based handlers in a JavaScript-only runtime, from one plain
 * script (the manifest's `Override type="javascript"`, built as commands.js). That runtime has no
 * IndexedDB and cannot show sign-in, so it checks the reply and records nothing: no MSAL, no Graph
 * client, no outbox in this script (decision 46; the build keeps it under 30 KB gzip).
 */
import { onMessageSendHandler } from "../app/send-event";

Office.onReady(() => undefined);
Office.actions.associate("onMessageSendHandler", onMessageSendHandler());
