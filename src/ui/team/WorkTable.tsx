/** A table of open inquiries: when each arrived, what it is, who has it and how much business time is left. */
import { Checkbox, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { BusinessCalendar } from "../../domain/calendar/calendar";
import type { WorkItem } from "../../domain/team/queue";
import { CATEGORY_LABELS, CLOCK_LABELS, PRIORITY_LABELS, STANDING_LABELS, formatBusinessMinutes, formatInstant } from "../format";

const useStyles = makeStyles({
  table: { width: "100%", tableLayout: "auto" },
  subject: { display: "block", fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  detail: { display: "block", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  atRisk: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  breached: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export function timeLeftText(w: WorkItem): string {
  if (w.minutesLeft === null || !w.clock) return "No clock running";
  const which = CLOCK_LABELS[w.clock.name];
  return w.minutesLeft < 0 ? `${which}: overdue by ${formatBusinessMinutes(w.minutesLeft)}` : `${which}: ${formatBusinessMinutes(w.minutesLeft)} left`;
}

export interface WorkTableProps {
  readonly caption: string;
  readonly items: readonly WorkItem[];
  readonly calendar: BusinessCalendar;
  readonly testId: string;
  /** With selection: the selected message ids and how to change them. */
  readonly selected?: ReadonlySet<string>;
  readonly onSelectedChange?: (id: string, selected: boolean) => void;
  readonly showAssignee?: boolean;
}

export function WorkTable({ caption, items, calendar, testId, selected, onSelectedChange, showAssignee = true }: WorkTableProps) {
  const styles = useStyles();
  if (!items.length) return <Text data-testid={`${testId}-empty`}>Nothing here.</Text>;
  return (
    <Table size="small" className={styles.table} aria-label={caption} data-testid={testId}>
      <TableHeader>
        <TableRow>
          {onSelectedChange ? <TableHeaderCell style={{ width: "2.5rem" }}>Pick</TableHeaderCell> : null}
          <TableHeaderCell>Inquiry</TableHeaderCell>
          <TableHeaderCell>Time left</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((w) => {
          const r = w.record;
          const id = r.internetMessageId;
          const label = r.subject || r.confirmationNumber || "an inquiry";
          const standing = w.standing === "atRisk" ? styles.atRisk : w.standing === "breached" ? styles.breached : undefined;
          return (
            <TableRow key={id} data-testid={`${testId}-row`} data-message-id={id} data-minutes-left={w.minutesLeft ?? ""} data-assignee={r.assignee ?? ""}>
              {onSelectedChange ? (
                <TableCell>
                  <Checkbox aria-label={`Pick ${label}`} checked={selected?.has(id) ?? false} onChange={(_, d) => onSelectedChange(id, d.checked === true)} />
                </TableCell>
              ) : null}
              <TableCell>
                <span className={styles.subject}>{r.subject || "(no subject)"}</span>
                <span className={styles.detail}>
                  {CATEGORY_LABELS[r.category]} · {PRIORITY_LABELS[r.priority]}
                  {r.confirmationNumber ? ` · ${r.confirmationNumber}` : ""} · received {formatInstant(r.receivedAt, calendar.zone.name)}
                </span>
                {showAssignee ? <span className={styles.detail} data-testid={`${testId}-holder`}>{r.assignee ? `With ${r.assignee}` : "Not assigned"}</span> : null}
              </TableCell>
              <TableCell>
                <span className={standing}>{timeLeftText(w)}</span>
                {w.standing !== "none" && w.standing !== "onTrack" ? <span className={styles.detail}>{STANDING_LABELS[w.standing]}</span> : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
