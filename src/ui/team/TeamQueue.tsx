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
import { leadQueue, openWork, suggestMany, workloads } from "../../domain/team/queue";
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
});

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
}

const SUGGESTED = "suggested";

export function TeamQueue({ service, me, status, team, store, calendar, policies, now, clock }: TeamQueueProps) {
  const styles = useStyles();
  const { records, error, refresh, setRecords } = useOpenWork(useCallback(() => service.openInquiries(), [service]), status);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
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
  const picked = useMemo(() => (queue ?? []).filter((w) => selected.has(w.record.internetMessageId)), [queue, selected]);
  const plan = useMemo(() => suggestMany(picked, loads, away), [picked, loads, away]);
  const conflicts = (status?.conflicts ?? []).filter((c) => c.by === me && c.action?.kind === "assign" && c.createdAt >= since);

  const onSelectedChange = useCallback((id: string, on: boolean) => {
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

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
        {queue ? (
          <WorkTable caption="Inquiries that need a lead" items={queue} calendar={calendar} testId="queue" selected={selected} onSelectedChange={onSelectedChange} />
        ) : (
          <Spinner size="tiny" label="Reading the list…" />
        )}
        <div className={styles.assign}>
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
