/**
 * The pane's work, framework-free: the open item (re-read on every item change, and its logged
 * state again when the pane regains focus or an action is refused), the advocate's correction, the
 * SharePoint log once signed in, and a minute clock. The email is classified once per item (and
 * mailbox); each minute only the clocks are recomputed. The React hook `ui/usePane.ts` binds to it:
 * `subscribe` and `snapshot` for useSyncExternalStore, the methods for the buttons.
 */
import type { SignedInUser } from "../adapters/auth/types";
import type { InquiryLogService, LogStatus } from "../adapters/graph/log-service";
import { channelAddresses, type MailItem } from "../adapters/mailbox/types";
import type { InquiryRecord } from "../domain/inquiry/record";
import { TransitionError, allowedActions, type Action } from "../domain/inquiry/status";
import { triage, type Correction, type TriageView } from "../domain/inquiry/triage";
import type { Classifier, EmailInput } from "../domain/classify/classifier";
import { rolesOf, type Role } from "../domain/team/roles";
import type { Template } from "../domain/templates/templates";
import type { CorrectionRecord } from "../adapters/sharepoint/corrections-list";
import type { LinearModel } from "../domain/classify/model";
import { classifyOnce } from "./classify-once";
import type { TrainingRecorder, TriagedEmail } from "./corrections";
import { actOn, correctInquiry, loggedInquiry, messageKey, recordOf, shownItem } from "./inquiry";
import { replyWithTemplate, templateProblemText, type DraftOffer } from "./template-reply";
import { destinationOf, handOff, type HandOffTarget } from "./forward";
import { logEvent } from "./log";
import type { PaneServices } from "./services";

export type { DraftOffer } from "./template-reply";

export type ItemState =
  | { readonly status: "loading" }
  | { readonly status: "empty" }
  | { readonly status: "error"; readonly message: string }
  | { readonly status: "ready"; readonly item: MailItem };

interface SignedInLog {
  readonly service: InquiryLogService;
  readonly user: SignedInUser;
  readonly signIn: () => Promise<void>;
  readonly corrections?: ((record: CorrectionRecord) => Promise<void>) | undefined;
}

let keys = 0;
const newKey = () =>
  typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${(keys++).toString(36)}-${Math.random().toString(36).slice(2)}`;

/** What the pane shows, as one immutable value (a new one on every change). */
export interface PaneSnapshot {
  readonly state: ItemState;
  readonly view: TriageView | null;
  readonly correction: Correction | undefined;
  readonly now: number;
  /** The open inquiry as the log has it (with this pane's own writes on top), or null. */
  readonly worked: InquiryRecord | null;
  readonly actionError: string | null;
  readonly templateError: string | null;
  readonly draftOffer: DraftOffer | null;
  readonly logStatus: LogStatus | null;
  readonly logUser: SignedInUser | null;
  readonly logService: InquiryLogService | null;
  readonly signIn: (() => Promise<void>) | undefined;
  /** Set while the advocate must sign in with a click (a sign-in popup needs one). */
  readonly needsSignIn: (() => Promise<void>) | null;
  readonly templates: readonly Template[];
  readonly roles: ReadonlySet<Role>;
  /** After a forward to A&G or clinical staff: what was opened and logged (for the open email only). */
  readonly handOffNote: string | null;
}

const itemKey = (item: MailItem) => `correction:${messageKey(item)}`;

export class PaneSession {
  private listeners = new Set<() => void>();
  private item: MailItem | null = null;
  private state: ItemState = { status: "loading" };
  private correction: Correction | undefined;
  private now: number;
  private log: SignedInLog | null = null;
  private logStatus: LogStatus | null = null;
  private needsSignIn: (() => Promise<void>) | null = null;
  private templates: readonly Template[];
  private worked: InquiryRecord | null = null;
  private actionError: string | null = null;
  private templateError: string | null = null;
  private draft: DraftOffer | null = null;
  private handOff: { readonly id: string; readonly text: string } | null = null;
  /** The classifier in use: the shared model's, or with the tenant's adjustment once it has arrived (decision 74). */
  private base: Pick<Classifier, "classify">;
  private classifier: Pick<Classifier, "classify">;
  /** Loaded once signed in (a dynamic import: the feature hashing for examples is not in the first JavaScript). */
  private training: Promise<TrainingRecorder> | null = null;
  private view: TriageView | null = null;
  private viewInputs: readonly unknown[] = [];
  private roles: ReadonlySet<Role>;
  private generation = 0;
  private reads = 0;
  private seenConflicts: Set<string> | null = null;
  private current: PaneSnapshot;
  /** When the open item was read (performance.now()), for the pane's item-to-visible measure; the UI zeroes it. */
  readonly loadedAt = { current: 0 };

  constructor(private readonly services: PaneServices) {
    this.now = this.clock();
    this.templates = services.templates;
    this.base = services.classifier;
    this.classifier = classifyOnce(this.base);
    this.roles = rolesOf({ upn: "" }, services.settings.team);
    this.current = this.build();
  }

  /** The host's time now (the harness may run at a fixed time). */
  readonly clock = (): number => Date.now() + this.services.mailbox.clockOffsetMs;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): PaneSnapshot => this.current;

  /** Starts reading items, the minute clock and the log; returns the stop. */
  start(): () => void {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      timer = setTimeout(
        () => {
          this.now = this.clock();
          this.changed();
          tick();
        },
        60_000 - (this.clock() % 60_000) + 50,
      );
    };
    tick();
    void this.load();
    const offItem = this.services.mailbox.onItemChanged(() => void this.load());
    let offLog: (() => void) | undefined;
    const subscribeLog = (service: InquiryLogService) => {
      offLog = service.subscribe((s) => this.onLogStatus(s));
    };
    void this.services.log.then(
      async (l) => {
        if (!l || stopped) return;
        let user: SignedInUser;
        try {
          user = await l.signIn.user();
        } catch {
          // not signed in yet: the pane offers a button, since a sign-in popup needs a click
          this.needsSignIn = async () => {
            await l.signIn.getAccessToken().catch(() => logEvent("sign-in.failed"));
            const u = await l.signIn.user().catch(() => null);
            if (!u || stopped) return;
            this.needsSignIn = null;
            this.signedIn({ service: l.service, user: u, signIn: async () => l.service.retryNow(), corrections: l.corrections });
            if (l.tenantModel) void this.useTenantModel(l.tenantModel, () => stopped);
            subscribeLog(l.service);
          };
          this.changed();
          return;
        }
        if (stopped) return;
        void l.templates.then((t) => {
          if (!stopped && t.length) {
            this.templates = t;
            this.changed();
          }
        });
        const signIn = async () => {
          await l.signIn.getAccessToken().catch(() => logEvent("sign-in.failed"));
          l.service.retryNow();
        };
        this.signedIn({ service: l.service, user, signIn, corrections: l.corrections });
        subscribeLog(l.service);
        if (l.tenantModel) void this.useTenantModel(l.tenantModel, () => stopped);
      },
      () => logEvent("log.unavailable"),
    );
    return () => {
      stopped = true;
      clearTimeout(timer);
      offItem();
      offLog?.();
      this.generation++;
      this.reads++;
    };
  }

  /** Reads the open item again (the item changed, or the advocate asked). */
  readonly reload = async (): Promise<void> => {
    await this.load();
  };

  /** Back to the pane after working elsewhere: someone may have changed the inquiry meanwhile. */
  readonly refresh = (): void => void this.reread(false);

  /**
   * The tenant's model (decision 74): the pane has classified with the shared model from the first
   * paint; when the site's active adjustment arrives, the open email (and every later one) is
   * classified again with it. None, a failed read, or an adjustment fitted on another shared model:
   * the shared model stays.
   */
  private async useTenantModel(load: () => Promise<LinearModel | null>, stopped: () => boolean): Promise<void> {
    const models = this.services.models;
    if (!models) return;
    let adjustment: LinearModel | null;
    try {
      adjustment = await load();
    } catch {
      logEvent("tenant-model.unavailable");
      return;
    }
    if (!adjustment || stopped()) return;
    if (adjustment.header.trainedOn.corpusHash !== models.shared.header.version) {
      logEvent("tenant-model.other-shared-model"); // fitted on another release: the next training run fits one on this
      return;
    }
    try {
      const { applyAdjustment } = await import("../domain/classify/tenant");
      if (stopped()) return;
      this.base = models.classifierOn(applyAdjustment(models.shared, adjustment));
    } catch {
      logEvent("tenant-model.does-not-fit");
      return;
    }
    this.classifier = classifyOnce(this.base);
    this.changed();
  }

  private signedIn(log: SignedInLog): void {
    this.log = log;
    const models = this.services.models;
    const write = log.corrections;
    const internalDomains = this.services.settings.internalDomains;
    this.training = models && write ? import("./corrections").then((m) => new m.TrainingRecorder({ shared: models.shared, internalDomains, write, newKey })) : null;
    this.roles = rolesOf(log.user, this.services.settings.team);
    this.changed();
    void this.reread(true);
  }

  private async load(): Promise<void> {
    const mine = ++this.generation;
    this.reads++; // a re-read of the previous item is dropped
    this.setItem({ status: "loading" });
    try {
      const read = await this.services.mailbox.readItem();
      if (mine !== this.generation) return;
      const item = read ? shownItem(read) : null;
      if (!item) {
        this.setItem({ status: "empty" });
        return;
      }
      const saved = await this.services.store.get<Correction>(itemKey(item));
      if (mine !== this.generation) return;
      this.loadedAt.current = performance.now();
      performance.mark("triage:item-loaded");
      this.correction = saved ?? undefined;
      this.setItem({ status: "ready", item });
      void this.reread(true);
    } catch {
      if (mine !== this.generation) return;
      logEvent("item.read-failed");
      this.setItem({ status: "error", message: "The pane could not read this email from the mailbox. Select it again, or reopen the pane." });
    }
  }

  private setItem(state: ItemState): void {
    const item = state.status === "ready" ? state.item : null;
    // one classification per item (and mailbox): the minute clock recomputes the clocks only
    if (item !== this.item) this.classifier = classifyOnce(this.base);
    this.item = item;
    this.state = state;
    this.changed();
  }

  private key(): string | null {
    return this.item ? messageKey(this.item) : null;
  }

  /** Reads the open inquiry's logged state and shows it (the list's word over anything the pane assumed). */
  private async reread(first: boolean): Promise<void> {
    const item = this.item;
    const view = this.view;
    const log = this.log;
    if (!item || !view || !log) return;
    const base = recordOf(item, view);
    const mine = ++this.reads;
    if (first) {
      this.actionError = null;
      this.draft = null;
      this.worked = base;
      this.changed();
    }
    try {
      const record = await loggedInquiry(
        {
          lookupRecord: async (id, fallback) => {
            const stored = await log.service.lookupRecord(id, fallback);
            // first sight of mail to a shared mailbox: log its arrival, so leads see it in the queue
            if (!stored && first && view.mailbox && mine === this.reads) void log.service.intake(base, log.user.upn, this.clock());
            return stored;
          },
          pendingFor: (id) => log.service.pendingFor(id),
        },
        base,
      );
      if (mine !== this.reads || !record) return;
      this.worked = record;
      if (Object.keys(record.correctedFrom).length) {
        this.correction = { category: record.category, priority: record.priority, ...(record.mailbox ? { mailbox: record.mailbox } : {}) };
      }
      this.changed();
    } catch {
      logEvent("log.lookup-failed");
    }
  }

  /** An action of this pane refused (someone else changed the inquiry): drop what the pane assumed, show the list's state. */
  private onLogStatus(status: LogStatus): void {
    this.logStatus = status;
    this.changed();
    const ids = status.conflicts.map((c) => c.opId);
    if (this.seenConflicts === null) {
      this.seenConflicts = new Set(ids);
      return;
    }
    const fresh = status.conflicts.filter((c) => !this.seenConflicts!.has(c.opId));
    for (const id of ids) this.seenConflicts.add(id);
    const key = this.key();
    if (key && fresh.some((c) => c.messageId === key)) void this.reread(false);
  }

  readonly act = async (action: Action): Promise<void> => {
    const log = this.log;
    const worked = this.worked;
    if (!log || !worked || !this.item) return;
    this.actionError = null;
    this.reads++; // a re-read under way predates this action: its answer is dropped
    const acted = this.opened(); // the email as acted on, whatever is open when the outbox has the action
    try {
      await actOn(log.service, worked, action, log.user.upn, this.clock(), (next) => {
        this.worked = next;
        this.changed();
      });
      this.confirm(acted);
    } catch (e) {
      this.actionError = e instanceof TransitionError ? e.message : "The action could not be stored; try again.";
      this.changed();
    }
  };

  readonly correct = async (next: Correction | undefined): Promise<void> => {
    const { item, log, worked, view } = this; // the inquiry and its triage as the advocate saw them
    if (!item) return;
    this.correction = next;
    this.changed();
    // the training example (decision 74): the labels shown now, taken before anything else can change the open item
    const corrected = this.opened();
    if (log && corrected && this.training) {
      const at = new Date(this.clock());
      this.training.then((t) => t.corrected(corrected.key, corrected.triaged, log.user.upn, at)).catch(() => logEvent("training.record-failed"));
    }
    if (next && Object.keys(next).length) await this.services.store.set(itemKey(item), next);
    else await this.services.store.delete(itemKey(item));
    if (log && worked && view) {
      this.reads++;
      await correctInquiry(log.service, worked, next, view, this.services.settings.routes, log.user.upn, this.clock(), (corrected) => {
        this.worked = corrected;
        this.changed();
      });
    }
  };

  readonly insertTemplate = async (template: Template, typed: Record<string, string>, all: boolean): Promise<void> => {
    const { item, view, log, worked } = this;
    if (!item || !view) return;
    this.templateError = null;
    this.changed();
    const acted = this.opened();
    const { settings, mailbox } = this.services;
    const r = await replyWithTemplate(
      { item, view, template, typed, all, worked: log && worked ? { record: worked, log: log.service, me: log.user.upn } : null, at: this.clock },
      { mailbox, organisation: settings.organisation, linkHosts: settings.templateLinkHosts },
    );
    if (!r.ok) {
      this.templateError = templateProblemText(r.problem);
    } else if (r.record) {
      this.reads++;
      this.worked = r.record;
      this.draft = r.draft;
      this.confirm(acted);
    }
    this.changed();
  };

  /** The hand-off to A&G or clinical staff: the forward opens, then the log records it (app/forward.ts). */
  readonly forwardTo = async (target: HandOffTarget): Promise<void> => {
    const { log, worked, view } = this;
    if (!log || !worked || !view) return;
    const d = destinationOf(target, this.services.settings.organisation);
    const what = target === "clinical" ? "a clinical question" : view.category === "appeal" ? "an appeal" : "a grievance";
    const at = this.clock();
    this.actionError = null;
    this.reads++; // a re-read under way predates the hand-off: its answer is dropped
    const acted = this.opened();
    const out = await handOff(worked, d, what, {
      me: log.user.upn,
      at,
      openForward: this.services.mailbox.forward,
      log: async (r, a) => {
        await actOn(log.service, r, a, log.user.upn, at);
      },
    });
    if ("error" in out) {
      this.actionError = out.error;
    } else {
      this.worked = out.record;
      this.confirm(acted);
      this.handOff = { id: out.record.internetMessageId, text: `Forward to ${d.short} opened${d.address ? ` to ${d.address}` : ""}; the hand-off is logged. Send it from Outlook.` };
    }
    this.changed();
  };

  /** The advocate says the drafted reply went: record what it stands for. */
  readonly markDraftSent = async (): Promise<void> => {
    const { draft, worked } = this;
    if (!draft || !worked || draft.messageId !== worked.internetMessageId) return;
    this.draft = null;
    this.changed();
    if (allowedActions(worked.status).includes(draft.action.kind)) await this.act(draft.action);
  };

  readonly dismissDraft = (): void => {
    this.draft = null;
    this.changed();
  };

  /** The open email as triaged now, for a training example; null before it is triaged. */
  private opened(): { readonly key: string; readonly triaged: TriagedEmail } | null {
    const { item, view } = this;
    if (!item || !view) return null;
    const triaged = { email: { ...this.emailOf(item), mailbox: view.mailbox ?? "" }, classification: view.classification, category: view.category, priority: view.priority };
    return { key: messageKey(item), triaged };
  }

  /** An action on an email: a confirmation of its classification when it was left as classified (once per email per session). */
  private confirm(acted: ReturnType<PaneSession["opened"]>): void {
    const { log, training } = this;
    if (!acted || !log || !training) return;
    const at = new Date(this.clock());
    training.then((t) => t.confirmed(acted.key, acted.triaged, log.user.upn, at)).catch(() => logEvent("training.record-failed"));
  }

  private emailOf(item: MailItem): Omit<EmailInput, "mailbox"> {
    return {
      from: item.from.address,
      to: item.to.map((a) => a.address),
      cc: item.cc.map((a) => a.address),
      subject: item.subject,
      body: item.body.content,
      bodyType: item.body.type,
      receivedAt: item.receivedAt,
    };
  }

  /** The triage of the open item, recomputed only when what it reads changed (the item, the correction, the minute, the logged events). */
  private computeView(events: InquiryRecord["events"] | undefined): TriageView | null {
    const inputs = [this.item, this.correction, this.now, events, this.classifier];
    if (inputs.length === this.viewInputs.length && inputs.every((v, i) => v === this.viewInputs[i])) return this.view;
    this.viewInputs = inputs;
    const item = this.item;
    if (!item) return null;
    return triage(
      {
        email: this.emailOf(item),
        deliveredTo: channelAddresses(item),
        ...(this.correction ? { correction: this.correction } : {}),
        ...(events ? { events } : {}),
        now: this.now,
      },
      { ...this.services, classifier: this.classifier },
    );
  }

  private build(): PaneSnapshot {
    const key = this.key();
    const worked = this.worked && this.worked.internetMessageId === key ? this.worked : null;
    this.view = this.computeView(worked?.events);
    const draft = this.draft;
    const draftOffer =
      draft && worked && draft.messageId === worked.internetMessageId && allowedActions(worked.status).includes(draft.action.kind) ? draft : null;
    return {
      state: this.state,
      view: this.view,
      correction: this.correction,
      now: this.now,
      worked,
      actionError: this.actionError,
      templateError: this.templateError,
      draftOffer,
      logStatus: this.logStatus,
      logUser: this.log?.user ?? null,
      logService: this.log?.service ?? null,
      signIn: this.log?.signIn,
      needsSignIn: this.needsSignIn,
      templates: this.templates,
      roles: this.roles,
      handOffNote: this.handOff && this.handOff.id === key ? this.handOff.text : null,
    };
  }

  private changed(): void {
    this.current = this.build();
    for (const l of this.listeners) l();
  }
}
