/** The same-origin page MSAL's popup and silent flows return to: hands the answer to the pane. */
import { broadcastResponseToMainFrame } from "@azure/msal-browser/redirect-bridge";

void broadcastResponseToMainFrame().catch(() => {
  document.body.textContent = "Sign-in did not finish. Close this window and try again.";
});
