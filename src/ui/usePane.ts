/** The pane's state: the open item (re-read on every item change), the advocate's correction, and a minute clock. */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { MailItem } from "../adapters/mailbox/types";
import { triage, type Correction, type TriageView } from "../domain/inquiry/triage";
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

function itemKey(item: MailItem): string {
  return `correction:${item.internetMessageId || item.itemId}`;
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
        deliveredTo: [item.mailboxAddress, ...item.to.map((a) => a.address), ...item.cc.map((a) => a.address)],
        ...(correction ? { correction } : {}),
        now,
      },
      services,
    );
  }, [item, correction, now, services]);

  const correct = useCallback(
    async (next: Correction | undefined) => {
      if (!item) return;
      setCorrection(next);
      if (next && Object.keys(next).length) await store.set(itemKey(item), next);
      else await store.delete(itemKey(item));
    },
    [item, store],
  );

  return { state, view, correction, correct, now, reload: load, loadedAt };
}
