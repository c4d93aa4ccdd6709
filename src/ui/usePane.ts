/**
 * The pane's binding to its session (src/app/pane-session.ts): one session per set of services,
 * its snapshot as React state, and the browser's focus events (back to the pane after working
 * elsewhere) as a re-read. The work itself — reading the item, the log, acting, correcting,
 * replying — is the session's.
 */
import { useEffect, useMemo, useSyncExternalStore } from "react";
import { PaneSession } from "../app/pane-session";
import type { PaneServices } from "../app/services";

export type { DraftOffer, ItemState } from "../app/pane-session";

export function usePane(services: PaneServices) {
  const session = useMemo(() => new PaneSession(services), [services]);
  useEffect(() => session.start(), [session]);
  useEffect(() => {
    const onVisible = () => document.visibilityState === "visible" && session.refresh();
    window.addEventListener("focus", session.refresh);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.removeEventListener("focus", session.refresh);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [session]);
  const snapshot = useSyncExternalStore(session.subscribe, session.snapshot);
  return {
    ...snapshot,
    act: session.act,
    correct: session.correct,
    insertTemplate: session.insertTemplate,
    markDraftSent: session.markDraftSent,
    forwardTo: session.forwardTo,
    dismissDraft: session.dismissDraft,
    reload: session.reload,
    loadedAt: session.loadedAt,
    clock: session.clock,
  };
}
