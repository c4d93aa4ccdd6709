/**
 * The lead's queue as a work surface: which inquiries are shown (mailbox, priority, state, a search
 * by confirmation number, subject or sender) in which order, and which are picked. Picks survive
 * the open email changing (the pane keeps this state above the queue view) and are dropped only
 * when their inquiry leaves the queue. Framework-free.
 */
import type { Mailbox, Priority } from "../domain/sla/policies";
import { byTimeLeft, type WorkItem } from "../domain/team/queue";

export type QueueState = "all" | "unassigned" | "atRisk" | "breached";
export type QueueSort = "timeLeft" | "received" | "priority";

export interface QueueFilter {
  readonly mailbox: Mailbox | "all";
  readonly priority: Priority | "all";
  readonly state: QueueState;
  /** Matched, case- and accent-insensitively, against the confirmation number, subject and sender. */
  readonly search: string;
  readonly sort: QueueSort;
}

export interface QueueViewState {
  readonly filter: QueueFilter;
  /** Picked internet message ids. */
  readonly picked: ReadonlySet<string>;
}

export const ALL_OF_QUEUE: QueueFilter = { mailbox: "all", priority: "all", state: "all", search: "", sort: "timeLeft" };
export const EMPTY_QUEUE_VIEW: QueueViewState = { filter: ALL_OF_QUEUE, picked: new Set() };

const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
const PRIORITY_RANK: Readonly<Record<Priority, number>> = { high: 0, escalated: 1, routine: 2 };

function matchesState(w: WorkItem, state: QueueState): boolean {
  switch (state) {
    case "all":
      return true;
    case "unassigned":
      return !w.record.assignee;
    case "atRisk":
      return w.standing === "atRisk";
    case "breached":
      return w.standing === "breached";
  }
}

/** The queue as the lead has filtered and sorted it (the input is not changed). */
export function viewQueue(items: readonly WorkItem[], f: QueueFilter): WorkItem[] {
  const words = fold(f.search.slice(0, 200)).split(/\s+/).filter(Boolean);
  const shown = items.filter((w) => {
    const r = w.record;
    if (f.mailbox !== "all" && r.mailbox !== f.mailbox) return false;
    if (f.priority !== "all" && r.priority !== f.priority) return false;
    if (!matchesState(w, f.state)) return false;
    if (!words.length) return true;
    const hay = fold(`${r.confirmationNumber ?? ""} ${r.subject} ${r.senderAddress}`);
    return words.every((word) => hay.includes(word));
  });
  if (f.sort === "received") return shown.sort((a, b) => a.record.receivedAt - b.record.receivedAt || byTimeLeft(a, b));
  if (f.sort === "priority") return shown.sort((a, b) => PRIORITY_RANK[a.record.priority] - PRIORITY_RANK[b.record.priority] || byTimeLeft(a, b));
  return shown.sort(byTimeLeft);
}

/** Picks one on or off. */
export function pick(picked: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  const next = new Set(picked);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/** Select-all over what is shown: on picks every shown one (keeping picks outside the filter), off unpicks them. */
export function pickAll(picked: ReadonlySet<string>, shown: readonly WorkItem[], on: boolean): ReadonlySet<string> {
  const next = new Set(picked);
  for (const w of shown) {
    if (on) next.add(w.record.internetMessageId);
    else next.delete(w.record.internetMessageId);
  }
  return next;
}

/** The select-all box: every shown one picked, some, or none. */
export function allPickedState(picked: ReadonlySet<string>, shown: readonly WorkItem[]): boolean | "mixed" {
  const n = shown.filter((w) => picked.has(w.record.internetMessageId)).length;
  return n === 0 ? false : n === shown.length ? true : "mixed";
}

/** Picks whose inquiry is still in the queue (assigned elsewhere or resolved ones drop out). */
export function keepPicks(picked: ReadonlySet<string>, queue: readonly WorkItem[]): ReadonlySet<string> {
  const ids = new Set(queue.map((w) => w.record.internetMessageId));
  const next = new Set([...picked].filter((id) => ids.has(id)));
  return next.size === picked.size ? picked : next;
}
