/**
 * Open inquiries as stacked cards (the pane is 320 px wide: a card per inquiry reads there and
 * wider alike): what it is, when it arrived, who has it, how much business time is left and, in the
 * lead's queue, whom the suggestion would give it to. A card's subject opens its email.
 */
import { Checkbox, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { BusinessCalendar } from "../../domain/calendar/calendar";
import type { WorkItem } from "../../domain/team/queue";
import { CATEGORY_LABELS, CLOCK_LABELS, PRIORITY_LABELS, STANDING_LABELS, formatBusinessMinutes, formatInstant } from "../format";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalXS },
  card: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    alignItems: "start",
    columnGap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  plain: { gridTemplateColumns: "minmax(0, 1fr)" },
  picked: { backgroundColor: tokens.colorBrandBackground2, borderTopColor: tokens.colorBrandStroke1, borderRightColor: tokens.colorBrandStroke1, borderBottomColor: tokens.colorBrandStroke1, borderLeftColor: tokens.colorBrandStroke1 },
  body: { display: "grid", minWidth: 0 },
  subject: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere", textAlign: "start" },
  detail: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  atRisk: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  breached: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  time: { fontSize: tokens.fontSizeBase200 },
});

export function timeLeftText(w: WorkItem): string {
  if (w.minutesLeft === null || !w.clock) return "No clock running";
  const which = CLOCK_LABELS[w.clock.name];
  return w.minutesLeft < 0 ? `${which}: ${formatBusinessMinutes(w.minutesLeft)} overdue` : `${which}: ${formatBusinessMinutes(w.minutesLeft)} left`;
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
  /** Opens the inquiry's email (the subject becomes a link). */
  readonly onOpen?: (item: WorkItem) => void;
  /** The suggestion's name for a picked row, shown on that row. */
  readonly suggestionOf?: (id: string) => string | undefined;
  /** Shown instead of "Nothing here." when there are no items. */
  readonly emptyText?: string;
}

export function WorkTable({ caption, items, calendar, testId, selected, onSelectedChange, showAssignee = true, onOpen, suggestionOf, emptyText }: WorkTableProps) {
  const styles = useStyles();
  if (!items.length) return <Text data-testid={`${testId}-empty`}>{emptyText ?? "Nothing here."}</Text>;
  return (
    <ul className={styles.list} aria-label={caption} data-testid={testId}>
      {items.map((w) => {
        const r = w.record;
        const id = r.internetMessageId;
        const label = r.subject || r.confirmationNumber || "an inquiry";
        const standing = w.standing === "atRisk" ? styles.atRisk : w.standing === "breached" ? styles.breached : undefined;
        const isPicked = selected?.has(id) ?? false;
        const suggestion = isPicked ? suggestionOf?.(id) : undefined;
        const cls = [styles.card, onSelectedChange ? "" : styles.plain, isPicked ? styles.picked : ""].filter(Boolean).join(" ");
        return (
          <li key={id} className={cls} data-testid={`${testId}-row`} data-message-id={id} data-minutes-left={w.minutesLeft ?? ""} data-assignee={r.assignee ?? ""}>
            {onSelectedChange ? <Checkbox aria-label={`Pick ${label}`} checked={isPicked} onChange={(_, d) => onSelectedChange(id, d.checked === true)} /> : null}
            <div className={styles.body}>
              {onOpen ? (
                <Link as="button" className={styles.subject} onClick={() => onOpen(w)} data-testid={`${testId}-open`} aria-label={`Open ${label}`}>
                  {r.subject || "(no subject)"}
                </Link>
              ) : (
                <span className={styles.subject}>{r.subject || "(no subject)"}</span>
              )}
              <span className={styles.time}>
                <span className={standing}>{timeLeftText(w)}</span>
                {w.standing !== "none" && w.standing !== "onTrack" ? ` · ${STANDING_LABELS[w.standing]}` : ""}
              </span>
              <span className={styles.detail}>
                {CATEGORY_LABELS[r.category]} · {PRIORITY_LABELS[r.priority]}
                {r.confirmationNumber ? ` · ${r.confirmationNumber}` : ""} · received {formatInstant(r.receivedAt, calendar.zone.name)}
              </span>
              {showAssignee ? (
                <span className={styles.detail} data-testid={`${testId}-holder`}>
                  {r.assignee ? `With ${r.assignee}` : "Not assigned"}
                </span>
              ) : null}
              {suggestion ? (
                <span className={styles.detail} data-testid={`${testId}-suggestion`}>
                  Suggested: {suggestion}
                </span>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
