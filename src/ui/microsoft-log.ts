/** The Outlook side of the log, loaded with a dynamic import after the first paint (MSAL is large). */
import { createNestablePublicClientApplication, createStandardPublicClientApplication } from "@azure/msal-browser";
import { MicrosoftSignIn } from "../adapters/auth/msal";
import { InquiryListClient } from "../adapters/graph/list-client";
import { InquiryLogService } from "../adapters/graph/log-service";
import { signInWithDialog } from "../adapters/mailbox/office-dialog";
import type { SharePointSettings } from "../domain/settings";
import { logEvent } from "./log";
import type { LogDeps, PaneLog } from "./log-setup";
import { loadTemplates } from "../adapters/graph/templates-client";
import { LocalStore } from "../adapters/storage/local";
import { DEFAULT_TEMPLATES } from "../domain/templates/defaults";

/**
 * Outlook: Microsoft sign-in (nested app authentication, popup, Office dialog) and the tenant's
 * list through Microsoft Graph. MSAL is loaded here, after the first paint.
 */
export async function microsoftLog(
  sharePoint: SharePointSettings,
  deps: LogDeps,
  office: Pick<typeof Office, "context" | "EventType" | "AsyncResultStatus">,
  options: { readonly silentOnly?: boolean } = {},
): Promise<PaneLog> {
  const base = new URL(".", window.location.href).toString().replace(/\/$/, "");
  const authority = `https://login.microsoftonline.com/${sharePoint.tenantId}`;
  // the dialog page takes its configuration from the build, never from its address
  const dialogUrl = `${base}/auth-dialog.html`;
  const signIn = new MicrosoftSignIn(
    { clientId: sharePoint.clientId, authority, scopes: sharePoint.scopes, redirectUri: `${base}/redirect.html`, ...(options.silentOnly ? { silentOnly: true } : {}) },
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
  const service = await InquiryLogService.open(client, { ...deps, onUnauthorized: () => signIn.tokenRejected() }, "member-triage-outbox");
  const templates = loadTemplates(
    { baseUrl: "https://graph.microsoft.com/", site: sharePoint.site, authProvider: { getAccessToken: () => signIn.getAccessToken() } },
    new LocalStore("member-triage"),
    DEFAULT_TEMPLATES,
  ).then((r) => r.templates);
  return { service, signIn, templates };
}
