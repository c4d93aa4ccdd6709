/**
 * The lead's queue: open inquiries that are unassigned, at risk or late, across the shared
 * mailboxes, most urgent first (business time left); each advocate's open work; and assignment of
 * one or several at once, to a chosen advocate or spread by the suggestion. Assignments go through
 * the log's outbox like every other action: one that someone else beat is refused and shown, never
 * written over theirs.
 */
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { InquiryLogService, LogStatus } from "../../adapters/graph/log-service";
import type { KeyValueStore } from "../../adapters/storage/types";
import type { BusinessCalendar } from "../../domain/calendar/calendar";
import { dayOf } from "../../domain/calendar/zone";
import { assign as assignInquiry } from "../../app/inquiry";
import type { InquiryRecord } from "../../domain/inquiry/record";
import { leadQueue, openWork, suggestMany, workloads, type WorkItem } from "../../domain/team/queue";
import { MAILBOXES, PRIORITIES, type Mailbox, type Priority } from "../../domain/sla/policies";
import { allPickedState, keepPicks, pick, pickAll, viewQueue, type QueueFilter, type QueueSort, type QueueState, type QueueViewState } from "../../app/queue-view";
import { PRIORITY_LABELS } from "../format";
import type { TeamMember } from "../../domain/team/roles";
import type { SlaPolicy } from "../../domain/sla/policies";
import { logEvent } from "../log";
import { useOpenWork } from "./useOpenWork";
import { WorkTable } from "./WorkTable";

const useStyles = makeStyles({
  section: { display: "grid", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  bar: { display: "flex", flexWrap: "wrap", justifyContent: "space-between", alignItems: "end", gap: tokens.spacingHorizontalS },
  assign: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalS },
  number: { textAlign: "right" },
  filters: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(8.5rem, 1fr))", gap: tokens.spacingHorizontalS },
  // stays in sight while the lead scrolls the queue: select-all, whom to, and Assign
  sticky: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    flexWrap: "wrap",
    alignItems: "end",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

const STATE_LABELS: Readonly<Record<QueueState, string>> = { all: "Any state", unassigned: "Not assigned", atRisk: "At risk", breached: "Late" };
const SORT_LABELS: Readonly<Record<QueueSort, string>> = { timeLeft: "Least time left", received: "Oldest first", priority: "Priority" };

export interface TeamQueueProps {
  readonly service: InquiryLogService;
  readonly me: string;
  readonly status: LogStatus | null;
  readonly team: readonly TeamMember[];
  readonly store: KeyValueStore;
  readonly calendar: BusinessCalendar;
  readonly policies: readonly SlaPolicy[];
  readonly now: number;
  /** The host's time now (the harness may run at a fixed time). */
  readonly clock: () => number;
  /** Filter, sort and picks: kept by the pane, so they outlast the open email changing. */
  readonly view: QueueViewState;
  readonly onViewChange: (next: QueueViewState) => void;
  /** Opens the inquiry's email. */
  readonly onOpen?: (item: WorkItem) => Promise<void>;
}

const SUGGESTED = "suggested";

export function TeamQueue({ service, me, status, team, store, calendar, policies, now, clock, view, onViewChange, onOpen }: TeamQueueProps) {
  const styles = useStyles();
  const { records, error, refresh, setRecords } = useOpenWork(useCallback(() => service.openInquiries(), [service]), status);
  const selected = view.picked;
  const setSelected = (picked: ReadonlySet<string>) => onViewChange({ ...view, picked });
  const setFilter = (f: Partial<QueueFilter>) => onViewChange({ ...view, filter: { ...view.filter, ...f } });
  const [target, setTarget] = useState(SUGGESTED);
  const [notice, setNotice] = useState<string | null>(null);
  const [since] = useState(() => Date.now());

  // who is away today: the lead's own note on this device, for the suggestion only
  const awayKey = `away:${dayOf(calendar.zone.toLocal(now))}`;
  const [away, setAway] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    let live = true;
    void store.get<string[]>(awayKey).then((v) => live && setAway(new Set(v ?? [])));
    return () => {
      live = false;
    };
  }, [store, awayKey]);
  const toggleAway = useCallback(
    (address: string, isAway: boolean) => {
      const next = new Set(away);
      if (isAway) next.add(address);
      else next.delete(address);
      setAway(next);
      void store.set(awayKey, [...next]);
    },
    [away, store, awayKey],
  );

  const open = useMemo(() => openWork(records ?? [], calendar, policies, now), [records, calendar, policies, now]);
  const queue = useMemo(() => (records ? leadQueue(open) : null), [records, open]);
  const loads = useMemo(() => workloads(open, team), [open, team]);
  const shown = useMemo(() => (queue ? viewQueue(queue, view.filter) : null), [queue, view.filter]);
  // a pick whose inquiry left the queue (assigned, resolved) is dropped; the others stay
  useEffect(() => {
    if (queue && keepPicks(selected, queue) !== selected) onViewChange({ ...view, picked: keepPicks(selected, queue) });
  }, [queue, selected, view, onViewChange]);
  const picked = useMemo(() => (queue ?? []).filter((w) => selected.has(w.record.internetMessageId)), [queue, selected]);
  const plan = useMemo(() => suggestMany(picked, loads, away), [picked, loads, away]);
  const conflicts = (status?.conflicts ?? []).filter((c) => c.by === me && c.action?.kind === "assign" && c.createdAt >= since);

  const onSelectedChange = (id: string, on: boolean) => setSelected(pick(selected, id, on));
  const allState = shown ? allPickedState(selected, shown) : false;

  const assign = async () => {
    const member = team.find((m) => m.address === target);
    const at = clock();
    const done: InquiryRecord[] = [];
    for (const w of picked) {
      const to = target === SUGGESTED ? plan.get(w.record.internetMessageId) : member;
      if (!to) continue;
      try {
        done.push(await assignInquiry(service, w.record, to.address, me, at));
      } catch {
        logEvent("queue.assign-failed");
      }
    }
    const byId = new Map(done.map((r) => [r.internetMessageId, r]));
    setRecords((rs) => (rs ? rs.map((r) => byId.get(r.internetMessageId) ?? r) : rs));
    setSelected(new Set());
    setNotice(done.length ? `Assigned ${done.length} inquir${done.length === 1 ? "y" : "ies"}; saving to SharePoint.` : "Nothing was assigned.");
  };

  const suggestionText = picked.length
    ? [...new Set(picked.map((w) => plan.get(w.record.internetMessageId)?.name).filter(Boolean))].join(", ") || "nobody is working"
    : "";

  return (
    <div className={styles.section}>
      <section aria-labelledby="queue-heading" className={styles.section}>
        <div className={styles.bar}>
          <h2 id="queue-heading" className={styles.heading}>
            Needs a lead{queue ? ` (${queue.length})` : ""}
          </h2>
          <Button size="small" onClick={() => void refresh()} data-testid="queue-refresh">
            Refresh
          </Button>
        </div>
        <Text size={200}>Unassigned, at risk or late, across the shared mailboxes; least business time left first.</Text>
        {error ? (
          <MessageBar intent="warning">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        ) : null}
        <div className={styles.filters} role="search" aria-label="Filter the queue">
          <Field label="Search">
            <Input type="search" value={view.filter.search} onChange={(_, d) => setFilter({ search: d.value })} placeholder="Confirmation no., subject, sender" data-testid="queue-search" />
          </Field>
          <Field label="Mailbox">
            <Select value={view.filter.mailbox} onChange={(_, d) => setFilter({ mailbox: d.value as Mailbox | "all" })} data-testid="queue-filter-mailbox">
              <option value="all">All mailboxes</option>
              {MAILBOXES.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Priority">
            <Select value={view.filter.priority} onChange={(_, d) => setFilter({ priority: d.value as Priority | "all" })} data-testid="queue-filter-priority">
              <option value="all">Any priority</option>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {PRIORITY_LABELS[p]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="State">
            <Select value={view.filter.state} onChange={(_, d) => setFilter({ state: d.value as QueueState })} data-testid="queue-filter-state">
              {(Object.keys(STATE_LABELS) as QueueState[]).map((k) => (
                <option key={k} value={k}>
                  {STATE_LABELS[k]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Sort">
            <Select value={view.filter.sort} onChange={(_, d) => setFilter({ sort: d.value as QueueSort })} data-testid="queue-sort">
              {(Object.keys(SORT_LABELS) as QueueSort[]).map((k) => (
                <option key={k} value={k}>
                  {SORT_LABELS[k]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className={styles.sticky} data-testid="queue-action-bar">
          <Checkbox
            label={shown && queue && shown.length !== queue.length ? `All ${shown.length} shown` : "All"}
            checked={allState}
            disabled={!shown?.length}
            onChange={(_, d) => shown && setSelected(pickAll(selected, shown, d.checked === true))}
            data-testid="queue-select-all"
          />
          <Field label="Assign to" hint={target === SUGGESTED && picked.length ? `Suggested: ${suggestionText}` : null}>
            <Select value={target} onChange={(_, d) => setTarget(d.value)} data-testid="queue-assign-to">
              <option value={SUGGESTED}>Suggested (least loaded, urgent ones spread)</option>
              {team.map((m) => (
                <option key={m.address} value={m.address}>
                  {m.name}
                </option>
              ))}
            </Select>
          </Field>
          <Button appearance="primary" disabled={!picked.length} onClick={() => void assign()} data-testid="queue-assign">
            Assign {picked.length || ""} picked
          </Button>
        </div>
        {shown ? (
          <WorkTable
            caption="Inquiries that need a lead"
            items={shown}
            calendar={calendar}
            testId="queue"
            selected={selected}
            onSelectedChange={onSelectedChange}
            {...(onOpen
              ? {
                  onOpen: (w: WorkItem) =>
                    void onOpen(w).catch(() => {
                      logEvent("queue.open-failed");
                      setNotice("Outlook could not open this email from the queue (an email taken in before the pane kept Outlook's item id); find it in its mailbox.");
                    }),
                }
              : {})}
            {...(target === SUGGESTED ? { suggestionOf: (id: string) => plan.get(id)?.name } : {})}
            emptyText={queue?.length ? "No inquiry in the queue matches the filter." : "Nothing here."}
          />
        ) : (
          <Spinner size="tiny" label="Reading the list…" />
        )}
        {notice ? (
          <Text size={200} aria-live="polite" data-testid="queue-notice">
            {notice}
          </Text>
        ) : null}
        {conflicts.length ? (
          <MessageBar intent="warning" layout="multiline" data-testid="queue-conflicts">
            <MessageBarBody>
              Not assigned, so nothing was overwritten:
              <ul>
                {conflicts.map((c) => (
                  <li key={c.opId}>
                    {c.record.subject || c.record.confirmationNumber || "an inquiry"}: {c.message}
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </section>
      <section aria-labelledby="loads-heading" className={styles.section}>
        <h2 id="loads-heading" className={styles.heading}>
          Open work by advocate
        </h2>
        {team.length ? (
          <Table size="small" aria-label="Open work by advocate" data-testid="workloads">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Advocate</TableHeaderCell>
                <TableHeaderCell>Open</TableHeaderCell>
                <TableHeaderCell>At risk</TableHeaderCell>
                <TableHeaderCell>Late</TableHeaderCell>
                <TableHeaderCell>Away today</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {loads.map((l) => (
                <TableRow key={l.member.address} data-testid="workload-row" data-address={l.member.address}>
                  <TableCell>{l.member.name}</TableCell>
                  <TableCell className={styles.number} data-testid="workload-open">{l.open}</TableCell>
                  <TableCell className={styles.number}>{l.atRisk}</TableCell>
                  <TableCell className={styles.number}>{l.late}</TableCell>
                  <TableCell>
                    <Checkbox aria-label={`${l.member.name} is away today`} checked={away.has(l.member.address)} onChange={(_, d) => toggleAway(l.member.address, d.checked === true)} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Text>No advocates are named in this deployment's settings (team.advocates).</Text>
        )}
      </section>
    </div>
  );
}
