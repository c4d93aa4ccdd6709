/**
 * Composes the SharePoint log for the pane. Loaded with a dynamic import after the first paint, so
 * the Graph client and IndexedDB code are not in the pane's initial JavaScript.
 */
import { LocalSignIn } from "../adapters/auth/local";
import { MicrosoftSignIn } from "../adapters/auth/msal";
import { signInWithDialog } from "../adapters/mailbox/office-dialog";
import type { SharePointSettings } from "../domain/settings";
import { logEvent } from "./log";
import type { SignIn } from "../adapters/auth/types";
import { InquiryListClient } from "../adapters/graph/list-client";
import { InquiryLogService } from "../adapters/graph/log-service";
import type { BusinessCalendar } from "../domain/calendar/calendar";
import type { SlaPolicy } from "../domain/sla/policies";

export interface LogDeps {
  readonly calendar: BusinessCalendar;
  readonly policies: readonly SlaPolicy[];
  readonly now: () => number;
}

/** The harness: the local list emulator on this page's own origin, and a local signed-in user. */
export async function harnessLog(origin: string, upn: string, deps: LogDeps): Promise<{ service: InquiryLogService; signIn: SignIn }> {
  const signIn = new LocalSignIn({ upn, name: upn.split("@")[0] ?? upn });
  const client = new InquiryListClient({
    baseUrl: `${origin}/graph/`,
    site: "harness",
    authProvider: { getAccessToken: () => signIn.getAccessToken() },
  });
  const service = await InquiryLogService.open(client, deps, `member-triage-outbox-${upn}`);
  return { service, signIn };
}

/**
 * Outlook: Microsoft sign-in (nested app authentication, popup, Office dialog) and the tenant's
 * list through Microsoft Graph. MSAL is loaded here, after the first paint.
 */
export async function microsoftLog(
  sharePoint: SharePointSettings,
  deps: LogDeps,
  office: Pick<typeof Office, "context" | "EventType" | "AsyncResultStatus">,
): Promise<{ service: InquiryLogService; signIn: SignIn }> {
  const msal = await import("@azure/msal-browser");
  const base = new URL(".", window.location.href).toString().replace(/\/$/, "");
  const authority = `https://login.microsoftonline.com/${sharePoint.tenantId}`;
  const dialogUrl = `${base}/auth-dialog.html?${new URLSearchParams({ clientId: sharePoint.clientId, authority, scopes: sharePoint.scopes.join(" ") })}`;
  const signIn = new MicrosoftSignIn(
    { clientId: sharePoint.clientId, authority, scopes: sharePoint.scopes, redirectUri: `${base}/redirect.html` },
    {
      nestable: (config) => msal.createNestablePublicClientApplication(config),
      standard: (config) => msal.createStandardPublicClientApplication(config),
      naaSupported: () => office.context.requirements.isSetSupported("NestedAppAuth", "1.1"),
      dialog: () => signInWithDialog(office, dialogUrl),
      log: (level) => logEvent("msal", level),
    },
  );
  const client = new InquiryListClient({
    baseUrl: "https://graph.microsoft.com/",
    site: sharePoint.site,
    authProvider: { getAccessToken: () => signIn.getAccessToken() },
  });
  const service = await InquiryLogService.open(client, deps, "member-triage-outbox");
  return { service, signIn };
}
