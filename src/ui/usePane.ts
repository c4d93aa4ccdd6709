/** The pane's state: the open item (re-read on every item change), the advocate's correction, and a minute clock. */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { SignedInUser } from "../adapters/auth/types";
import type { InquiryLogService, LogStatus } from "../adapters/graph/log-service";
import { channelAddresses, type MailItem } from "../adapters/mailbox/types";
import { applyAction, correctRecord, recordFromFields, type InquiryRecord } from "../domain/inquiry/record";
import { TransitionError, allowedActions, type Action } from "../domain/inquiry/status";
import { placeholdersOf, renderTemplate, type Purpose, type Template } from "../domain/templates/templates";
import { triage, type Correction, type TriageView } from "../domain/inquiry/triage";
import { policyFor, type Mailbox } from "../domain/sla/policies";
import { rolesOf, type Role } from "../domain/team/roles";
import { logEvent } from "./log";
import type { PaneServices } from "./services";

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

/** The event a template's reply stands for. */
const ACTION_FOR_PURPOSE: Readonly<Record<Purpose, Action | null>> = {
  acknowledgement: { kind: "acknowledge" },
  researching: { kind: "acknowledge" },
  routed: { kind: "route", to: "another department" },
  requestInfo: { kind: "awaitInformation" },
  outOfScope: { kind: "respond" },
  generalInfoUntilVerified: { kind: "respond" },
  specialistInfo: { kind: "respond" },
  followUp: { kind: "followUp" },
  resolution: { kind: "respond" },
};

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
      const item = await mailbox.readItem();
      if (mine !== generation.current) return;
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
      services,
    );
  }, [item, correction, now, services, events]);

  // on each new email: what the list already holds for it
  const viewRef = useRef(view);
  viewRef.current = view;
  useEffect(() => {
    const v = viewRef.current;
    if (!item || !v || !log) return;
    const base = recordOf(item, v);
    setActionError(null);
    setWorked(base);
    let cancelled = false;
    log.service.lookup(base.internetMessageId).then(
      (stored) => {
        if (cancelled) return;
        // first sight of mail to a shared mailbox: log its arrival, so leads see it in the queue
        if (!stored && v.mailbox) void log.service.intake(base, log.user.upn, Date.now() + mailbox.clockOffsetMs);
        if (!stored) return;
        const record = recordFromFields(stored.fields, base);
        setWorked(record);
        if (Object.keys(record.correctedFrom).length) {
          setCorrection({ category: record.category, priority: record.priority, ...(record.mailbox ? { mailbox: record.mailbox } : {}) });
        }
      },
      () => logEvent("log.lookup-failed"),
    );
    return () => {
      cancelled = true;
    };
  }, [item, log, mailbox.clockOffsetMs]);

  const roles: ReadonlySet<Role> = useMemo(() => rolesOf(log?.user ?? { upn: "" }, services.settings.team), [log, services.settings.team]);
  const clock = useCallback(() => Date.now() + mailbox.clockOffsetMs, [mailbox.clockOffsetMs]);

  const act = useCallback(
    async (action: Action) => {
      if (!log || !worked || !item) return;
      setActionError(null);
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
        setWorked(corrected);
        await log.service.correct(corrected, log.user.upn, Date.now() + mailbox.clockOffsetMs);
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
        hours: org.hours,
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
      const r = renderTemplate(template, values);
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
      // the reply is an event of the inquiry: log it (assigning the inquiry first if nobody has it)
      const action = ACTION_FOR_PURPOSE[template.purpose];
      if (log && worked && action) {
        let record = worked;
        const at = Date.now() + mailbox.clockOffsetMs;
        if (!allowedActions(record.status).includes(action.kind) && allowedActions(record.status).includes("assign") && !record.assignee) {
          await log.service.act(record, { kind: "assign", to: log.user.upn }, log.user.upn, at, null);
          record = applyAction(record, { kind: "assign", to: log.user.upn }, at, log.user.upn);
        }
        if (allowedActions(record.status).includes(action.kind)) {
          const used = `${template.id}@${template.approval.version}`;
          await log.service.act(record, action, log.user.upn, at, undefined, used);
          record = { ...applyAction(record, action, at, log.user.upn), templatesUsed: [...(record.templatesUsed ?? []), used] };
        }
        setWorked(record);
      }
    },
    [item, view, log, worked, mailbox, services.settings.organisation],
  );

  return { state, view, correction, correct, insertTemplate, templateError, now, reload: load, loadedAt, worked: worked && worked.internetMessageId === key ? worked : null, act, actionError, logStatus, logUser: log?.user ?? null, signIn: log?.signIn, needsSignIn, logService: log?.service ?? null, templates, roles, clock };
}
