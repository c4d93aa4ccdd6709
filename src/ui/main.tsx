/**
 * The pane's entry point. It renders at once, then picks the mailbox adapter at run time: in the
 * harness build, the local harness when opened with ?host=harness, otherwise Outlook through
 * office.js. The production build has no harness mailbox or local sign-in at all (`__HARNESS__` is
 * false there and the bundler drops that code), so no query string can switch it to them.
 * Office.onReady never resolves when office.js cannot load, so the wait is bounded and ends in a
 * clear message.
 */
import { createRoot } from "react-dom/client";
import type { HarnessMailbox } from "../adapters/mailbox/harness";
import { OfficeMailbox } from "../adapters/mailbox/office";
import type { MailboxAdapter } from "../adapters/mailbox/types";
import { fetchModel } from "../adapters/model/fetch-model";
import { LocalStore } from "../adapters/storage/local";
import { BusinessCalendar } from "../domain/calendar/calendar";
import modelUrl from "../../assets/triage-model.bin?url";
import { Classifier } from "../domain/classify/classifier";
import { parseSettings, type DeploymentSettings } from "../domain/settings";
import { DEFAULT_TEMPLATES } from "../domain/templates/defaults";
import { App } from "./App";
import { logEvent } from "./log";
import type { PaneServices } from "./services";

const OFFICE_WAIT_MS = 8000;

// the model is fetched as soon as the pane's code runs, in parallel with connecting to the mailbox
const model = fetchModel(modelUrl);
model.catch(() => logEvent("model.unavailable"));

/** Settings embedded by the build (TRIAGE_SETTINGS), or null for the fictional defaults. */
declare const __TRIAGE_SETTINGS__: unknown;
/** True in the harness build only (vite.config.ts). */
declare const __HARNESS__: boolean;

function waitForOutlook(): Promise<MailboxAdapter> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), OFFICE_WAIT_MS);
    if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
      clearTimeout(timer);
      reject(new Error("no-office"));
      return;
    }
    void Office.onReady((info) => {
      clearTimeout(timer);
      if (info.host === Office.HostType.Outlook) resolve(new OfficeMailbox(Office));
      else reject(new Error("not-outlook"));
    });
  });
}

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
    mailbox = __HARNESS__ && useHarness ? await (await import("../adapters/mailbox/harness")).HarnessMailbox.connect(window) : await waitForOutlook();
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
    settings = parseSettings(typeof __TRIAGE_SETTINGS__ === "undefined" ? null : __TRIAGE_SETTINGS__);
  } catch {
    logEvent("settings.invalid");
    renderMessage(root, "This add-in's deployment settings are not valid. Ask your administrator to rebuild it with a corrected settings file.");
    return;
  }
  let classifier: Classifier;
  try {
    classifier = new Classifier({ model: await model, internalDomains: settings.internalDomains, routes: settings.routes });
  } catch {
    renderMessage(root, "The add-in's classifier did not load. Reopen the pane; if this keeps happening, tell your administrator.");
    return;
  }
  const calendar = new BusinessCalendar(settings.calendar);
  const params = new URLSearchParams(window.location.search);
  // the SharePoint log: the local emulator in the harness; in Outlook the tenant's list through
  // Graph with Microsoft sign-in, when the deployment's settings name a site (else the pane says so)
  const log = __HARNESS__ && useHarness
    ? import("./log-setup").then((m) =>
        m.harnessLog(window.location.origin, params.get("user") || "ana@plan.example", {
          calendar,
          policies: settings.policies,
          routes: settings.routes,
          now: () => Date.now() + mailbox.clockOffsetMs,
        }),
      )
    : settings.sharePoint && typeof Office !== "undefined"
      ? import("./microsoft-log").then((m) =>
          m.microsoftLog(settings.sharePoint!, { calendar, policies: settings.policies, routes: settings.routes, now: () => Date.now() }, Office),
        )
      : Promise.resolve(null);
  log.catch(() => logEvent("log.unavailable"));
  const services: PaneServices = {
    mailbox,
    store: new LocalStore("member-triage"),
    settings,
    classifier,
    calendar,
    templates: DEFAULT_TEMPLATES,
    log: log.catch(() => null),
  };
  if (__HARNESS__ && useHarness) {
    // the harness's Send button stands in for Outlook's OnMessageSend event: the same check and record
    (mailbox as HarnessMailbox).onSend(async (draft) => {
      const { decideOnSend } = await import("./on-send");
      return decideOnSend({
        readDraft: async () => draft,
        templates: DEFAULT_TEMPLATES,
        policies: settings.policies,
        now: () => Date.now() + mailbox.clockOffsetMs,
        log: async () => {
          const l = await services.log;
          const me = l ? await l.signIn.user().catch(() => null) : null;
          return l && me ? { service: l.service, me: me.upn } : null;
        },
      });
    });
  }
  logEvent("pane.started", mailbox.isEmulator ? "harness" : "outlook");
  root.render(<App services={services} />);
}

void start();
