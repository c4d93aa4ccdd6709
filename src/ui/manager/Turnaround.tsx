/**
 * The manager's view in the pane: for inquiries received in a period, the share acknowledged,
 * answered and resolved within the business-day goals — overall, per mailbox, per advocate and per
 * week — with the charts and the numbers behind them (the same report as `npm run report -- tat`).
 */
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { InquiryLogService } from "../../adapters/graph/log-service";
import type { BusinessCalendar } from "../../domain/calendar/calendar";
import { isoOfDayNumber as isoOfDay } from "../../domain/calendar/calendar";
import { dayOf } from "../../domain/calendar/zone";
import { ANSWER_DAYS, POLICY_CLOCKS, RESOLUTION_DAYS, RESOLUTION_GOALS, turnaroundReport, type TatFigures, type TatReport } from "../../domain/reports/turnaround";
import type { SlaPolicy } from "../../domain/sla/policies";
import { logEvent } from "../log";
import { TatChart } from "./TatChart";

const useStyles = makeStyles({
  section: { display: "grid", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  period: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalS },
  met: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  missed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  goals: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  number: { textAlign: "right" },
  figures: { width: "100%" },
  // below 500 px: a card per group, one figure a line, the column's name in front of it
  figuresHead: { "@media (max-width: 499px)": { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" } },
  figuresRow: {
    "@media (max-width: 499px)": {
      display: "grid",
      gridTemplateColumns: "minmax(0, 1fr)",
      padding: `${tokens.spacingVerticalXS} 0`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  figuresKey: { "@media (max-width: 499px)": { display: "block", fontWeight: tokens.fontWeightSemibold, height: "auto" } },
  figuresCell: {
    "@media (max-width: 499px)": {
      display: "flex",
      justifyContent: "space-between",
      gap: tokens.spacingHorizontalS,
      height: "auto",
      minHeight: "unset",
      "::before": { content: 'attr(data-label) / ""', textAlign: "start", color: tokens.colorNeutralForeground2 },
    },
  },
});

export interface TurnaroundProps {
  readonly service: InquiryLogService;
  readonly calendar: BusinessCalendar;
  readonly policies: readonly SlaPolicy[];
  readonly now: number;
}

/** Whole percentages in the narrow pane; the CSV and HTML report carry the decimals. */
const pct = (n: number, of: number) => (of ? `${Math.round((100 * n) / of)}%` : "–");

const COLUMNS = ["Received", "Ack ≤ 1 day", `Answered ≤ ${ANSWER_DAYS.join(" / ")}`, `Resolved ≤ ${RESOLUTION_DAYS.join(" / ")}`, "Open", "Policy clocks met: ack / response / resolution"] as const;

/**
 * A table wide enough for seven columns from 500 px on; narrower (Outlook's 320 px pane) each group
 * is a card: its name, then one line per figure with the column's name beside it (decision 60).
 * The roles are explicit, so the table stays a table to a screen reader whatever its display.
 */
function FiguresTable({ caption, figures, testId }: { caption: string; figures: readonly TatFigures[]; testId: string }) {
  const styles = useStyles();
  const cells = (f: TatFigures) => [
    String(f.received),
    pct(f.acknowledgedWithin1, f.received),
    ANSWER_DAYS.map((d) => pct(f.answeredWithin[d], f.received)).join(" / "),
    RESOLUTION_DAYS.map((d) => pct(f.resolvedWithin[d], f.received)).join(" / "),
    String(f.open),
    POLICY_CLOCKS.map((k) => pct(f.policyClocks[k].met, f.policyClocks[k].decided)).join(" / "),
  ];
  return (
    <Table size="small" role="table" aria-label={caption} data-testid={testId} className={styles.figures}>
      <TableHeader role="rowgroup" className={styles.figuresHead}>
        <TableRow role="row">
          <TableHeaderCell role="columnheader">{caption}</TableHeaderCell>
          {COLUMNS.map((c) => (
            <TableHeaderCell key={c} role="columnheader">
              {c}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody role="rowgroup">
        {figures.map((f) => (
          <TableRow key={f.key} role="row" data-key={f.key} className={styles.figuresRow}>
            <TableCell role="rowheader" className={styles.figuresKey}>
              {f.key}
            </TableCell>
            {cells(f).map((text, i) => (
              <TableCell key={COLUMNS[i]} role="cell" className={`${styles.number} ${styles.figuresCell}`} data-label={COLUMNS[i]}>
                {text}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function Turnaround({ service, calendar, policies, now }: TurnaroundProps) {
  const styles = useStyles();
  const today = dayOf(calendar.zone.toLocal(now));
  const [from, setFrom] = useState(() => isoOfDay(today - 28));
  const [to, setTo] = useState(() => isoOfDay(today));
  const [report, setReport] = useState<TatReport | null>(null);
  const [state, setState] = useState<"idle" | "loading" | "error">("idle");
  const [message, setMessage] = useState<string | null>(null);

  const show = async () => {
    const start = Date.parse(`${from}T00:00:00Z`);
    const end = Date.parse(`${to}T00:00:00Z`);
    if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) {
      setMessage("Choose a first day on or before the last day.");
      return;
    }
    setMessage(null);
    setState("loading");
    const fromUtc = calendar.zone.fromLocal(start);
    const toUtc = calendar.zone.fromLocal(end + 86_400_000);
    try {
      const records = await service.receivedBetween(fromUtc, toUtc);
      setReport(turnaroundReport(records, calendar, fromUtc, toUtc, { policies, now }));
      setState("idle");
    } catch {
      logEvent("turnaround.read-failed");
      setState("error");
    }
  };

  const o = report?.overall;
  return (
    <div className={styles.section}>
      <h2 className={styles.heading}>Turnaround against the goals</h2>
      <div className={styles.period}>
        <Field label="First day received">
          <Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} data-testid="tat-from" />
        </Field>
        <Field label="Last day received">
          <Input type="date" value={to} onChange={(_, d) => setTo(d.value)} data-testid="tat-to" />
        </Field>
        <Button appearance="primary" onClick={() => void show()} data-testid="tat-show">
          Show
        </Button>
      </div>
      {message ? <Text role="alert">{message}</Text> : null}
      {state === "loading" ? <Spinner size="tiny" label="Reading the list…" /> : null}
      {state === "error" ? (
        <MessageBar intent="warning">
          <MessageBarBody>SharePoint did not answer. Try again in a moment.</MessageBarBody>
        </MessageBar>
      ) : null}
      {o ? (
        <>
          <Text data-testid="tat-summary">
            {o.received} inquiries received from {from} to {to}; {o.open} not yet resolved. Business days count from effective receipt, as the clocks do.
          </Text>
          <ul className={styles.goals} data-testid="tat-goals">
            {RESOLUTION_GOALS.map((g) => {
              const share = o.received ? o.resolvedWithin[g.days] / o.received : 0;
              const met = share >= g.share;
              return (
                <li key={g.days}>
                  Resolved within {g.days} business days: <strong>{(share * 100).toFixed(1)}%</strong> (goal {g.share * 100}%){" "}
                  <span className={met ? styles.met : styles.missed}>{met ? "met" : "not met"}</span>
                </li>
              );
            })}
          </ul>
          {(
            [
              ["by mailbox", report.byMailbox, "mailbox"],
              ["by advocate", report.byAdvocate, "advocate"],
              ["by week", report.byWeek, "week"],
            ] as const
          ).map(([title, figures, id]) =>
            figures.length ? (
              <section key={id} aria-labelledby={`tat-${id}`} className={styles.section}>
                <h3 id={`tat-${id}`} className={styles.heading}>
                  {title[0]!.toUpperCase() + title.slice(1)}
                </h3>
                <TatChart title={title} figures={figures} id={`tat-chart-${id}`} />
                <FiguresTable caption={title[3]!.toUpperCase() + title.slice(4)} figures={figures} testId={`tat-table-${id}`} />
              </section>
            ) : null,
          )}
        </>
      ) : null}
    </div>
  );
}
