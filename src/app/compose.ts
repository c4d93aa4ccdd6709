/**
 * The composition root: the one place the product is put together from a deployment's settings.
 * The pane (ui/main.tsx), the event-based commands runtime (ui/commands.ts) and the command lines
 * (cli/) take their calendar, classifier, log and services from here, so each is wired once. The
 * log's code (Graph client, IndexedDB outbox, MSAL) is loaded with a dynamic import, after the
 * pane's first paint; the harness's local sign-in and emulator exist in the harness build only.
 */
import type { HarnessMailbox } from "../adapters/mailbox/harness";
import { OfficeMailbox } from "../adapters/mailbox/office";
import type { MailboxAdapter } from "../adapters/mailbox/types";
export { fetchModel } from "../adapters/model/fetch-model";
import { LocalStore } from "../adapters/storage/local";
import type { KeyValueStore } from "../adapters/storage/types";
import { BusinessCalendar } from "../domain/calendar/calendar";
import { Classifier } from "../domain/classify/classifier";
import type { LinearModel } from "../domain/classify/model";
import type { DeploymentSettings } from "../domain/settings";
import { DEFAULT_TEMPLATES } from "../domain/templates/defaults";
import type { LogDeps, PaneLog } from "./log-setup";
import { logEvent } from "./log";
import type { OnSendDeps } from "./on-send";
import type { PaneServices } from "./services";

/** True in the harness build only (vite.config.ts). */
declare const __HARNESS__: boolean;

/** The business calendar the settings describe. */
export function calendarFor(settings: DeploymentSettings): BusinessCalendar {
  return new BusinessCalendar(settings.calendar);
}

/** The classifier on a model, with the settings' internal domains and mailbox routes. */
export function classifierFor(settings: DeploymentSettings, model: LinearModel): Classifier {
  return new Classifier({ model, internalDomains: settings.internalDomains, routes: settings.routes });
}

/** What the log needs to write an inquiry's row: the SLA rules of the settings and the host's clock. */
export function logDeps(settings: DeploymentSettings, now: () => number, calendar: BusinessCalendar = calendarFor(settings)): LogDeps {
  return { calendar, policies: settings.policies, routes: settings.routes, now };
}

/** Where the log is: the local emulator (harness build), the tenant's list through Graph, or none. */
export type LogPlace =
  | { readonly kind: "harness"; readonly origin: string; readonly upn: string }
  | { readonly kind: "microsoft"; readonly office: typeof Office; readonly silentOnly?: boolean }
  | { readonly kind: "none" };

/** Opens the log (dynamic imports: none of its code is in the pane's first JavaScript); null where there is none. */
export function openLog(settings: DeploymentSettings, place: LogPlace, deps: LogDeps): Promise<PaneLog | null> {
  if (__HARNESS__ && place.kind === "harness") return import("./log-setup").then((m) => m.harnessLog(place.origin, place.upn, deps));
  if (place.kind === "microsoft" && settings.sharePoint) {
    const sharePoint = settings.sharePoint;
    return import("./microsoft-log").then((m) => m.microsoftLog(sharePoint, deps, place.office, place.silentOnly ? { silentOnly: true } : {}));
  }
  return Promise.resolve(null);
}

/** The log and the signed-in advocate for recording a sent reply, or null when either is missing. */
export function sentReplyLog(log: Promise<PaneLog | null>): OnSendDeps["log"] {
  return async () => {
    const l = await log;
    const me = l ? await l.signIn.user().catch(() => null) : null;
    return l && me ? { service: l.service, me: me.upn } : null;
  };
}

/** The pane's services: the mailbox it runs beside, the settings, the classifier and the log (loaded after the first paint). */
export function paneServices(mailbox: MailboxAdapter, settings: DeploymentSettings, model: LinearModel, place: LogPlace): PaneServices {
  const classifier = classifierFor(settings, model);
  const calendar = calendarFor(settings);
  const log = openLog(
    settings,
    place,
    logDeps(settings, () => Date.now() + mailbox.clockOffsetMs, calendar),
  );
  log.catch(() => logEvent("log.unavailable"));
  return {
    mailbox,
    store: new LocalStore("member-triage"),
    settings,
    classifier,
    calendar,
    templates: DEFAULT_TEMPLATES,
    log: log.catch(() => null),
    models: { shared: model, classifierOn: (m) => classifierFor(settings, m) },
  };
}

const OFFICE_WAIT_MS = 8000;

/** Outlook's mailbox once office.js is ready; Office.onReady never resolves when office.js cannot load, so the wait is bounded. */
export function waitForOutlook(waitMs = OFFICE_WAIT_MS): Promise<MailboxAdapter> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), waitMs);
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

/** The local harness's mailbox (harness build only: a dynamic import the production build drops). */
export function connectHarness(win: Window): Promise<MailboxAdapter> {
  return __HARNESS__ ? import("../adapters/mailbox/harness").then((m) => m.HarnessMailbox.connect(win)) : Promise.reject(new Error("no-harness"));
}

/** The harness's Send button runs the same check and records the same as Outlook's OnMessageSend event. */
export function checkHarnessSends(mailbox: MailboxAdapter, services: PaneServices): void {
  (mailbox as HarnessMailbox).onSend(async (draft) => {
    const { decideOnSend } = await import("./on-send");
    return decideOnSend({
      readDraft: async () => draft,
      templates: DEFAULT_TEMPLATES,
      policies: services.settings.policies,
      now: () => Date.now() + mailbox.clockOffsetMs,
      log: sentReplyLog(services.log),
    });
  });
}

/**
 * The frame's session storage, for what must outlive one reload of the pane and no more (the view
 * to open again, decision 83); undefined where the browser refuses even to name it.
 */
export function sessionStore(): KeyValueStore | undefined {
  try {
    return new LocalStore("member-triage", window.sessionStorage);
  } catch {
    return undefined;
  }
}
