/** The Outlook side of the log, loaded with a dynamic import after the first paint (MSAL is large). */
import { createNestablePublicClientApplication, createStandardPublicClientApplication } from "@azure/msal-browser";
import { MicrosoftSignIn } from "../adapters/auth/msal";
import type { SignIn } from "../adapters/auth/types";
import { InquiryListClient } from "../adapters/graph/list-client";
import { InquiryLogService } from "../adapters/graph/log-service";
import { signInWithDialog } from "../adapters/mailbox/office-dialog";
import type { SharePointSettings } from "../domain/settings";
import { logEvent } from "./log";
import type { LogDeps } from "./log-setup";

/**
 * Outlook: Microsoft sign-in (nested app authentication, popup, Office dialog) and the tenant's
 * list through Microsoft Graph. MSAL is loaded here, after the first paint.
 */
export async function microsoftLog(
  sharePoint: SharePointSettings,
  deps: LogDeps,
  office: Pick<typeof Office, "context" | "EventType" | "AsyncResultStatus">,
): Promise<{ service: InquiryLogService; signIn: SignIn }> {
  const base = new URL(".", window.location.href).toString().replace(/\/$/, "");
  const authority = `https://login.microsoftonline.com/${sharePoint.tenantId}`;
  const dialogUrl = `${base}/auth-dialog.html?${new URLSearchParams({ clientId: sharePoint.clientId, authority, scopes: sharePoint.scopes.join(" ") })}`;
  const signIn = new MicrosoftSignIn(
    { clientId: sharePoint.clientId, authority, scopes: sharePoint.scopes, redirectUri: `${base}/redirect.html` },
    {
      nestable: (config) => createNestablePublicClientApplication(config),
      standard: (config) => createStandardPublicClientApplication(config),
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
