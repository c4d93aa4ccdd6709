/** The Outlook side of the log, loaded with a dynamic import after the first paint (MSAL is large). */
import { createNestablePublicClientApplication, createStandardPublicClientApplication } from "@azure/msal-browser";
import { MicrosoftSignIn } from "../adapters/auth/msal";
import { InquiryListClient } from "../adapters/graph/list-client";
import { InquiryLogService } from "../adapters/graph/log-service";
import { signInWithDialog } from "../adapters/mailbox/office-dialog";
import type { CloudHosts } from "../domain/clouds";
import type { SharePointSettings } from "../domain/settings";
import { logEvent } from "./log";
import type { LogDeps, PaneLog } from "./log-setup";
import { loadTemplates } from "../adapters/graph/templates-client";
import { LocalStore } from "../adapters/storage/local";
import { OUTBOX_DATABASE } from "../adapters/storage/outbox";
import { DEFAULT_TEMPLATES } from "../domain/templates/defaults";

/** The settings' cloud's Graph and sign-in hosts, fixed by the build (vite.config.ts, decision 44). */
declare const __CLOUD_HOSTS__: CloudHosts;

/**
 * Outlook: Microsoft sign-in (nested app authentication, popup, Office dialog) and the tenant's
 * list through Microsoft Graph. MSAL is loaded here, after the first paint.
 */
export async function microsoftLog(
  sharePoint: SharePointSettings,
  deps: LogDeps,
  office: Pick<typeof Office, "context" | "EventType" | "AsyncResultStatus"> & { readonly auth?: Pick<typeof Office.auth, "getAuthContext"> },
  options: { readonly silentOnly?: boolean } = {},
  hosts: CloudHosts = __CLOUD_HOSTS__,
): Promise<PaneLog> {
  const base = new URL(".", window.location.href).toString().replace(/\/$/, "");
  // the settings' cloud decides the sign-in and Graph hosts (decision 44)
  const authority = `${hosts.login}/${sharePoint.tenantId}`;
  const graphBase = `${hosts.graph}/`;
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
      // the Office user's account, so MSAL need not ask which one (NestedAppAuth 1.1)
      loginHint: async () =>
        office.context.requirements.isSetSupported("NestedAppAuth", "1.1") && typeof office.auth?.getAuthContext === "function"
          ? (await office.auth.getAuthContext()).loginHint || null
          : null,
    },
  );
  const client = new InquiryListClient({
    baseUrl: graphBase,
    site: sharePoint.site,
    authProvider: { getAccessToken: () => signIn.getAccessToken() },
  });
  const service = await InquiryLogService.open(client, { ...deps, onUnauthorized: () => signIn.tokenRejected() }, OUTBOX_DATABASE);
  const templates = loadTemplates(
    { baseUrl: graphBase, site: sharePoint.site, authProvider: { getAccessToken: () => signIn.getAccessToken() } },
    new LocalStore("member-triage"),
    DEFAULT_TEMPLATES,
  ).then((r) => r.templates);
  // the training examples and the tenant model live in the same site as the inquiries (decision 74);
  // the on-send runtime (silent sign-in only) records a sent reply, nothing else
  const training = options.silentOnly
    ? {}
    : await import("./training-setup").then((m) => m.trainingParts(graphBase, () => signIn.getAccessToken(), sharePoint.site, "member-triage-training"));
  return { service, signIn, templates, ...training };
}
