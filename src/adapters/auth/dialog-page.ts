/**
 * The sign-in page the Office dialog opens when a popup is blocked: signs in with a redirect and
 * hands the token to the pane with messageParent. Its client id, authority and scopes come from the
 * deployment's settings embedded by the build — never from its address, so nobody can make the
 * add-in's own origin ask for consent to another app or to other scopes.
 */
import { PublicClientApplication } from "@azure/msal-browser";
import { dialogSignInConfig } from "./dialog-config";

declare const __TRIAGE_SETTINGS__: unknown;
const status = document.getElementById("status");
const say = (text: string) => {
  if (status) status.textContent = text;
};

async function run(): Promise<void> {
  const config = dialogSignInConfig(typeof __TRIAGE_SETTINGS__ === "undefined" ? null : __TRIAGE_SETTINGS__);
  if (!config) {
    say("This add-in was built without sign-in settings.");
    return;
  }
  const { clientId, authority, scopes } = config;
  const pca = new PublicClientApplication({
    auth: { clientId, authority, redirectUri: `${window.location.origin}${window.location.pathname}` },
    cache: { cacheLocation: "localStorage" },
    system: { loggerOptions: { piiLoggingEnabled: false } },
  });
  await pca.initialize();
  const result = await pca.handleRedirectPromise();
  if (result?.accessToken) {
    Office.context.ui.messageParent(
      JSON.stringify({ status: "success", accessToken: result.accessToken, username: result.account?.username ?? "", name: result.account?.name ?? "" }),
    );
    say("Signed in. You can close this window.");
    return;
  }
  await pca.loginRedirect({ scopes: [...scopes], redirectStartPage: `${window.location.origin}${window.location.pathname}` });
}

if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    run().catch(() => {
      say("Sign-in did not finish. Close this window and try again.");
      Office.context.ui.messageParent(JSON.stringify({ status: "error" }));
    });
  });
} else {
  say("Open this page from Outlook.");
}
