/**
 * The pane's state: the open item (re-read on every item change, and its logged state again when the
 * pane regains focus or an action is refused), the advocate's correction, and a minute clock. The
 * email is classified once per item (and mailbox); each minute only the clocks are recomputed.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { SignedInUser } from "../adapters/auth/types";
import type { InquiryLogService, LogStatus } from "../adapters/graph/log-service";
import { channelAddresses, type MailItem } from "../adapters/mailbox/types";
import { applyAction, correctRecord, mergeCorrection, recordFromFields, type InquiryRecord } from "../domain/inquiry/record";
import type { LogOp } from "../adapters/storage/outbox";
import { TransitionError, allowedActions, type Action } from "../domain/inquiry/status";
import { placeholdersOf, type Template } from "../domain/templates/templates";
import { renderSafe } from "./safe-template";
import { neutraliseBidi } from "../domain/text/bidi";
import { triage, type Correction, type TriageView } from "../domain/inquiry/triage";
import { actionForPurpose } from "../domain/templates/drafts";
import { classifyOnce } from "./classify-once";
import { policyFor, type Mailbox } from "../domain/sla/policies";
import { rolesOf, type Role } from "../domain/team/roles";
import { logEvent } from "./log";
import type { PaneServices } from "./services";
import { destinationOf, handOff, type HandOffTarget } from "../app/forward";
import { hoursIn } from "../domain/settings";

export type ItemState =
  | { readonly status: "loading" }
  | { readonly status: "empty" }
  | { readonly status: "error"; readonly message: string }
  | { readonly status: "ready"; readonly item: MailItem };

/** Date.now() plus the host's offset, re-rendered at each minute boundary. */
export function useMinuteClock(offsetMs: number): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      const t = Date.now() + offsetMs;
      timer = setTimeout(() => {
        setNow(Date.now() + offsetMs);
        schedule();
      }, 60_000 - (t % 60_000) + 50);
    };
    setNow(Date.now() + offsetMs);
    schedule();
    return () => clearTimeout(timer);
  }, [offsetMs]);
  return now;
}

/** A reply the pane drafted from a template, not yet known to be sent: what sending it records. */
export interface DraftOffer {
  readonly messageId: string;
  readonly action: Action;
  readonly templateTitle: string;
}

/** The item as the pane shows it: bidi override and isolate characters out of everything displayed (ids kept exact, they are keys). */
function shown(item: MailItem): MailItem {
  const person = (a: MailItem["from"]) => ({ name: neutraliseBidi(a.name), address: neutraliseBidi(a.address) });
  return { ...item, subject: neutraliseBidi(item.subject), from: person(item.from), to: item.to.map(person), cc: item.cc.map(person), body: { ...item.body, content: neutraliseBidi(item.body.content) } };
}

/** A write still waiting in the outbox, applied as the list will apply it (one that will be refused is left out). */
function replay(record: InquiryRecord, op: LogOp): InquiryRecord {
  try {
    if (op.kind === "action" && op.action) {
      if (op.action.kind === "assign" && op.expectedAssignee !== undefined && (record.assignee ?? null) !== (op.expectedAssignee ?? null)) return record;
      return applyAction(record, op.action, op.at, op.by);
    }
    if (op.kind === "correct" && op.corrected) return mergeCorrection(record, op.corrected, op.saw).record;
    if (op.kind === "draft" && op.template) return { ...record, templatesUsed: [...(record.templatesUsed ?? []), op.template] };
  } catch (e) {
    if (!(e instanceof TransitionError)) throw e;
  }
  return record;
}

function messageKey(item: MailItem): string {
  return item.internetMessageId || item.itemId;
}

function itemKey(item: MailItem): string {
  return `correction:${messageKey(item)}`;
}

/** The inquiry as this pane knows it before the list answers: classified, never worked. */
function recordOf(item: MailItem, view: TriageView): InquiryRecord {
  return {
    internetMessageId: messageKey(item),
    ...(item.conversationId ? { conversationId: item.conversationId } : {}),
    ...(item.itemId ? { itemId: item.itemId } : {}),
    subject: item.subject,
    mailbox: view.mailbox,
    receivedAt: view.receivedAt,
    senderAddress: item.from.address,
    senderType: view.classification.senderType,
    category: view.category,
    priority: view.priority,
    flags: view.classification.flags,
    policy: view.policy,
    status: "new",
    assignee: null,
    assignedBy: null,
    assignedAt: null,
    confirmationNumber: null,
    correctedFrom: view.corrected,
    notes: "",
    history: [],
    events: [],
  };
}

export function usePane(services: PaneServices) {
  const { mailbox, store } = services;
  const [state, setState] = useState<ItemState>({ status: "loading" });
  const [correction, setCorrection] = useState<Correction | undefined>(undefined);
  const generation = useRef(0);
  const loadedAt = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    setState({ status: "loading" });
    try {
      const read = await mailbox.readItem();
      if (mine !== generation.current) return;
      const item = read ? shown(read) : null;
      if (!item) {
        setState({ status: "empty" });
        return;
      }
      const saved = await store.get<Correction>(itemKey(item));
      if (mine !== generation.current) return;
      loadedAt.current = performance.now();
      performance.mark("triage:item-loaded");
      setCorrection(saved ?? undefined);
      setState({ status: "ready", item });
    } catch {
      if (mine !== generation.current) return;
      logEvent("item.read-failed");
      setState({ status: "error", message: "The pane could not read this email from the mailbox. Select it again, or reopen the pane." });
    }
  }, [mailbox, store]);

  useEffect(() => {
    void load();
    return mailbox.onItemChanged(() => void load());
  }, [mailbox, load]);

  const now = useMinuteClock(mailbox.clockOffsetMs);
  const item = state.status === "ready" ? state.item : null;

  // the SharePoint log: loaded after the first paint
  const [log, setLog] = useState<{ service: InquiryLogService; user: SignedInUser; signIn: () => Promise<void> } | null>(null);
  const [logStatus, setLogStatus] = useState<LogStatus | null>(null);
  const [needsSignIn, setNeedsSignIn] = useState<(() => Promise<void>) | null>(null);
  const [templates, setTemplates] = useState<readonly Template[]>(services.templates);
  useEffect(() => {
    let off: (() => void) | undefined;
    let cancelled = false;
    void services.log.then(async (l) => {
      if (!l || cancelled) return;
      let user: SignedInUser;
      try {
        user = await l.signIn.user();
      } catch {
        // not signed in yet: the pane offers a button, since a sign-in popup needs a click
        setNeedsSignIn(() => async () => {
          await l.signIn.getAccessToken().catch(() => logEvent("sign-in.failed"));
          const u = await l.signIn.user().catch(() => null);
          if (!u) return;
          setNeedsSignIn(null);
          setLog({ service: l.service, user: u, signIn: async () => l.service.retryNow() });
          off = l.service.subscribe(setLogStatus);
        });
        return;
      }
      if (cancelled) return;
      void l.templates.then((t) => {
        if (!cancelled && t.length) setTemplates(t);
      });
      const signIn = async () => {
        await l.signIn.getAccessToken().catch(() => logEvent("sign-in.failed"));
        l.service.retryNow();
      };
      setLog({ service: l.service, user, signIn });
      off = l.service.subscribe(setLogStatus);
    }, () => logEvent("log.unavailable"));
    return () => {
      cancelled = true;
      off?.();
    };
  }, [services.log]);

  const [worked, setWorked] = useState<InquiryRecord | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const key = item ? messageKey(item) : null;
  const events = worked && worked.internetMessageId === key ? worked.events : undefined;

  // one classification per item (and mailbox): the minute clock recomputes the clocks only
  const classifier = useMemo(() => classifyOnce(services.classifier), [item, services.classifier]);
  const view: TriageView | null = useMemo(() => {
    if (!item) return null;
    return triage(
      {
        email: {
          from: item.from.address,
          to: item.to.map((a) => a.address),
          cc: item.cc.map((a) => a.address),
          subject: item.subject,
          body: item.body.content,
          bodyType: item.body.type,
          receivedAt: item.receivedAt,
        },
        deliveredTo: channelAddresses(item),
        ...(correction ? { correction } : {}),
        ...(events ? { events } : {}),
        now,
      },
      { ...services, classifier },
    );
  }, [item, correction, now, services, events, classifier]);

  // on each new email: what the list already holds for it
  const viewRef = useRef(view);
  viewRef.current = view;
  const [draft, setDraft] = useState<DraftOffer | null>(null);
  const reads = useRef(0);
  /** Reads the open inquiry's logged state and shows it (the list's word over anything the pane assumed). */
  const reread = useCallback(
    async (first: boolean) => {
      const v = viewRef.current;
      if (!item || !v || !log) return;
      const base = recordOf(item, v);
      const mine = ++reads.current;
      if (first) {
        setActionError(null);
        setDraft(null);
        setWorked(base);
      }
      try {
        const stored = await log.service.lookup(base.internetMessageId);
        if (mine !== reads.current) return;
        // first sight of mail to a shared mailbox: log its arrival, so leads see it in the queue
        if (!stored && first && v.mailbox) void log.service.intake(base, log.user.upn, Date.now() + mailbox.clockOffsetMs);
        if (!stored) return;
        // the list's state, with this device's writes that are still on their way on top
        let record = recordFromFields(stored.fields, base);
        for (const op of await log.service.pendingFor(base.internetMessageId)) record = replay(record, op);
        if (mine !== reads.current) return;
        setWorked(record);
        if (Object.keys(record.correctedFrom).length) {
          setCorrection({ category: record.category, priority: record.priority, ...(record.mailbox ? { mailbox: record.mailbox } : {}) });
        }
      } catch {
        logEvent("log.lookup-failed");
      }
    },
    [item, log, mailbox.clockOffsetMs],
  );
  useEffect(() => {
    void reread(true);
    return () => {
      reads.current++;
    };
  }, [reread]);
  // back to the pane after working elsewhere: someone may have changed the inquiry meanwhile
  useEffect(() => {
    const onFocus = () => void reread(false);
    const onVisible = () => document.visibilityState === "visible" && onFocus();
    window.addEventListener("focus", onFocus);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.removeEventListener("focus", onFocus);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [reread]);
  // an action of this pane refused (someone else changed the inquiry): drop what the pane assumed, show the list's state
  const seenConflicts = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!logStatus) return;
    const ids = logStatus.conflicts.map((c) => c.opId);
    if (seenConflicts.current === null) {
      seenConflicts.current = new Set(ids);
      return;
    }
    const fresh = logStatus.conflicts.filter((c) => !seenConflicts.current!.has(c.opId));
    for (const id of ids) seenConflicts.current.add(id);
    if (key && fresh.some((c) => c.messageId === key)) void reread(false);
  }, [logStatus, key, reread]);

  const roles: ReadonlySet<Role> = useMemo(() => rolesOf(log?.user ?? { upn: "" }, services.settings.team), [log, services.settings.team]);
  const clock = useCallback(() => Date.now() + mailbox.clockOffsetMs, [mailbox.clockOffsetMs]);

  const act = useCallback(
    async (action: Action) => {
      if (!log || !worked || !item) return;
      setActionError(null);
      reads.current++; // a re-read under way predates this action: its answer is dropped
      const at = Date.now() + mailbox.clockOffsetMs;
      try {
        const next = applyAction(worked, action, at, log.user.upn);
        setWorked(next);
        await log.service.act(worked, action, log.user.upn, at, action.kind === "assign" ? worked.assignee : undefined);
      } catch (e) {
        setActionError(e instanceof TransitionError ? e.message : "The action could not be stored; try again.");
      }
    },
    [log, worked, item, mailbox.clockOffsetMs],
  );

  const correct = useCallback(
    async (next: Correction | undefined) => {
      if (!item) return;
      setCorrection(next);
      if (next && Object.keys(next).length) await store.set(itemKey(item), next);
      else await store.delete(itemKey(item));
      if (log && worked && view) {
        const classified = { category: view.classification.category, priority: view.classification.priority, mailbox: (view.corrected.mailbox ?? view.mailbox) as Mailbox | null };
        const corrected = correctRecord(worked, next ?? {}, classified, (m, p) => policyFor(m ?? "member-services-email", p, services.settings.routes));
        reads.current++;
        setWorked(corrected);
        await log.service.correct(corrected, log.user.upn, Date.now() + mailbox.clockOffsetMs, worked);
      }
    },
    [item, store, log, worked, view, services.settings.routes, mailbox.clockOffsetMs],
  );

  const [templateError, setTemplateError] = useState<string | null>(null);
  const insertTemplate = useCallback(
    async (template: Template, typed: Record<string, string>, all: boolean) => {
      if (!item || !view) return;
      setTemplateError(null);
      const org = services.settings.organisation;
      const values: Record<string, string> = {
        memberName: item.from.name,
        organisationName: org.name,
        memberServicesPhone: org.memberServicesPhone,
        ttyPhone: org.ttyPhone,
        ...(hoursIn(org, template.language) ? { hours: hoursIn(org, template.language)! } : {}),
        missingFields: view.classification.missingFields.join("\n"),
        ...typed,
      };
      if (placeholdersOf(template.body).includes("confirmationNumber")) {
        if (!log || !worked) {
          setTemplateError("Confirmation numbers come from the SharePoint list, which this pane cannot reach.");
          return;
        }
        try {
          values["confirmationNumber"] = await log.service.confirmationNumber(worked);
        } catch {
          setTemplateError("SharePoint did not answer, so there is no confirmation number yet. Try again in a moment.");
          return;
        }
      }
      const r = renderSafe(template, values, services.settings.templateLinkHosts);
      if (!r.ok) {
        setTemplateError(`Fill in: ${r.missing.join(", ")}.`);
        return;
      }
      try {
        await mailbox.reply(r.html, all);
      } catch {
        setTemplateError("Outlook could not open the reply. Open it yourself and try again.");
        return;
      }
      // a draft is not a reply: the log records the draft (and takes the inquiry if nobody has it);
      // the reply is recorded when it is sent (the on-send check) or when the advocate says so
      const action = actionForPurpose(template.purpose);
      if (log && worked) {
        let record = worked;
        const at = Date.now() + mailbox.clockOffsetMs;
        if (!record.assignee && allowedActions(record.status).includes("assign")) {
          await log.service.act(record, { kind: "assign", to: log.user.upn }, log.user.upn, at, null);
          record = applyAction(record, { kind: "assign", to: log.user.upn }, at, log.user.upn);
        }
        const used = `${template.id}@${template.approval.version}`;
        await log.service.drafted(record, log.user.upn, at, used);
        record = { ...record, templatesUsed: [...(record.templatesUsed ?? []), used] };
        reads.current++;
        setWorked(record);
        setDraft(action ? { messageId: record.internetMessageId, action, templateTitle: template.title } : null);
      }
    },
    [item, view, log, worked, mailbox, services.settings.organisation, services.settings.templateLinkHosts],
  );

  // the hand-off to A&G or clinical staff: the forward opens, then the log records it (src/app/forward.ts)
  const [handOffNote, setHandOffNote] = useState<{ readonly id: string; readonly text: string } | null>(null);
  const forwardTo = useCallback(
    async (target: HandOffTarget) => {
      if (!log || !worked || !view) return;
      const d = destinationOf(target, services.settings.organisation);
      const what = target === "clinical" ? "a clinical question" : view.category === "appeal" ? "an appeal" : "a grievance";
      const at = Date.now() + mailbox.clockOffsetMs;
      reads.current++;
      const out = await handOff(worked, d, what, { me: log.user.upn, at, openForward: mailbox.forward, log: (r, a) => log.service.act(r, a, log.user.upn, at, a.kind === "assign" ? r.assignee : undefined) });
      if ("error" in out) return setActionError(out.error);
      setWorked(out.record);
      setHandOffNote({ id: out.record.internetMessageId, text: `Forward to ${d.short} opened${d.address ? ` to ${d.address}` : ""}; the hand-off is logged. Send it from Outlook.` });
    },
    [log, worked, view, mailbox, services.settings.organisation],
  );

  /** The advocate says the drafted reply went: record what it stands for. */
  const markDraftSent = useCallback(async () => {
    if (!draft || !worked || draft.messageId !== worked.internetMessageId) return;
    setDraft(null);
    if (allowedActions(worked.status).includes(draft.action.kind)) await act(draft.action);
  }, [draft, worked, act]);

  const draftOffer = draft && worked && draft.messageId === worked.internetMessageId && worked.internetMessageId === key && allowedActions(worked.status).includes(draft.action.kind) ? draft : null;
  return { state, view, correction, correct, insertTemplate, templateError, draftOffer, markDraftSent, dismissDraft: () => setDraft(null), now, reload: load, loadedAt, worked: worked && worked.internetMessageId === key ? worked : null, act, actionError, logStatus, logUser: log?.user ?? null, signIn: log?.signIn, needsSignIn, logService: log?.service ?? null, templates, roles, clock, forwardTo, handOffNote: handOffNote && handOffNote.id === key ? handOffNote.text : null };
}
