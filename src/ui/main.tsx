/**
 * The pane's entry point. It renders at once, then picks the mailbox adapter at run time: in the
 * harness build, the local harness when opened with ?host=harness, otherwise Outlook through
 * office.js. The production build has no harness mailbox or local sign-in at all (`__HARNESS__` is
 * false there and the bundler drops that code), so no query string can switch it to them.
 * Office.onReady never resolves when office.js cannot load, so the wait is bounded and ends in a
 * clear message.
 */
import { createRoot } from "react-dom/client";
import type { MailboxAdapter } from "../adapters/mailbox/types";
// a Vite asset URL (the query is not a file the import resolver knows): the model file, fetched from the pane's own origin
// eslint-disable-next-line boundaries/no-unknown-dependencies
import modelUrl from "../../assets/triage-model.bin?url";
import type { DeploymentSettings } from "../domain/settings";
import { checkHarnessSends, connectHarness, fetchModel, paneServices, sessionStore, waitForOutlook, type LogPlace } from "../app/compose";
import { embeddedSettings } from "../app/embedded-settings";
import { App, type PaneTab } from "./App";
import { logEvent } from "./log";
import type { PaneServices } from "../app/services";

// the model is fetched as soon as the pane's code runs, in parallel with connecting to the mailbox
const model = fetchModel(modelUrl);
model.catch(() => logEvent("model.unavailable"));

/** True in the harness build only (vite.config.ts). */
declare const __HARNESS__: boolean;

function renderMessage(root: ReturnType<typeof createRoot>, text: string): void {
  root.render(
    <main style={{ fontFamily: "Segoe UI, system-ui, sans-serif", padding: "1rem" }}>
      <h1 style={{ fontSize: "1rem" }}>Member inbox triage</h1>
      <p role="alert">{text}</p>
    </main>,
  );
}

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  const root = createRoot(container);
  renderMessage(root, "Connecting to the mailbox…");
  const useHarness = __HARNESS__ && new URLSearchParams(window.location.search).get("host") === "harness";
  let mailbox: MailboxAdapter;
  try {
    mailbox = __HARNESS__ && useHarness ? await connectHarness(window) : await waitForOutlook();
  } catch (e) {
    const code = e instanceof Error ? e.message : "unknown";
    logEvent("host.unavailable", code);
    renderMessage(
      root,
      useHarness
        ? "The local harness did not answer. Open the harness page printed by npm start."
        : code === "not-outlook"
          ? "This pane runs inside Outlook. Open an email in Outlook and start the add-in from the ribbon."
          : "Outlook's add-in library (office.js) did not load. Check the network connection and reopen the pane.",
    );
    return;
  }
  let settings: DeploymentSettings;
  try {
    settings = embeddedSettings();
  } catch {
    logEvent("settings.invalid");
    renderMessage(root, "This add-in's deployment settings are not valid. Ask your administrator to rebuild it with a corrected settings file.");
    return;
  }
  // the SharePoint log: the local emulator in the harness; in Outlook the tenant's list through
  // Graph with Microsoft sign-in, when the deployment's settings name a site (else the pane says so)
  const place: LogPlace =
    __HARNESS__ && useHarness
      ? { kind: "harness", origin: window.location.origin, upn: new URLSearchParams(window.location.search).get("user") || "ana@plan.example" }
      : typeof Office !== "undefined"
        ? { kind: "microsoft", office: Office }
        : { kind: "none" };
  let services: PaneServices;
  try {
    services = paneServices(mailbox, settings, await model, place);
  } catch {
    renderMessage(root, "The add-in's classifier did not load. Reopen the pane; if this keeps happening, tell your administrator.");
    return;
  }
  // the harness's Send button stands in for Outlook's OnMessageSend event: the same check and record
  if (__HARNESS__ && useHarness) checkHarnessSends(mailbox, services);
  logEvent("pane.started", mailbox.isEmulator ? "harness" : "outlook");
  root.render(<App services={services} initialTab={await reopenedTab()} onReloadPane={(tab) => void reloadPane(tab)} />);
}

// office.js removes history.replaceState and pushState in some hosts, so the view to open again
// after a reload is kept in the frame's session storage (a view name, never member data)
const REOPEN_KEY = "reopen";
const REOPENABLE: readonly PaneTab[] = ["mine", "queue", "turnaround"];
const session = sessionStore();

/** The view a reload asked to open again, once: the mark is removed as it is read. */
async function reopenedTab(): Promise<PaneTab> {
  const tab = await session?.get<string>(REOPEN_KEY);
  if (tab === undefined) return "email";
  await session?.delete(REOPEN_KEY);
  return REOPENABLE.find((t) => t === tab) ?? "email";
}

/** A new page for the pane, the same view opened again: the browser fetches a failed part afresh. */
async function reloadPane(tab: PaneTab): Promise<void> {
  logEvent("pane.reload-part");
  await session?.set(REOPEN_KEY, tab);
  window.location.reload();
}

void start();
