/**
 * The sign-in page the Office dialog opens when a popup is blocked: signs in with a redirect and
 * hands the token to the pane with messageParent. Its settings come in the query string (a client
 * id, an authority and scopes: nothing secret).
 */
import { PublicClientApplication } from "@azure/msal-browser";

const params = new URLSearchParams(window.location.search);
const status = document.getElementById("status");
const say = (text: string) => {
  if (status) status.textContent = text;
};

async function run(): Promise<void> {
  const clientId = params.get("clientId") ?? "";
  const authority = params.get("authority") ?? "https://login.microsoftonline.com/organizations";
  const scopes = (params.get("scopes") ?? "").split(" ").filter(Boolean);
  if (!clientId || scopes.length === 0) {
    say("This sign-in page was opened without its settings.");
    return;
  }
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
  await pca.loginRedirect({ scopes, redirectStartPage: window.location.href });
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
