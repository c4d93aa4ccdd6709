import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { BusinessCalendar } from "../domain/calendar/calendar";
import type { Clock } from "../domain/sla/clocks";
import type { SlaResult } from "../domain/sla/clocks";
import { CLOCK_LABELS, STANDING_LABELS, clockSummary, formatInstant, viewerTimeZone } from "./format";

const useStyles = makeStyles({
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalS },
  clock: {
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  onTrack: { borderLeftColor: tokens.colorPaletteGreenBorderActive },
  atRisk: { borderLeftColor: tokens.colorPaletteDarkOrangeBorderActive },
  breached: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  met: { borderLeftColor: tokens.colorNeutralStroke1 },
  row: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  name: { fontWeight: tokens.fontWeightSemibold },
  detail: { display: "block", color: tokens.colorNeutralForeground2 },
  goals: { marginTop: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

const BADGE = { onTrack: "success", atRisk: "warning", breached: "danger", met: "informative" } as const;

export interface ClockListProps {
  readonly sla: SlaResult | null;
  readonly calendar: BusinessCalendar;
  readonly receivedAt: number;
}

function ClockItem({ clock, calendar }: { clock: Clock; calendar: BusinessCalendar }) {
  const styles = useStyles();
  const planZone = calendar.zone.name;
  const viewer = viewerTimeZone();
  const skipped = clock.state === "running" ? calendar.holidaysBetween(clock.startedAt, clock.dueAt) : [];
  return (
    <li className={`${styles.clock} ${styles[clock.standing]}`} data-testid={`clock-${clock.name}`} data-standing={clock.standing}>
      <div className={styles.row}>
        <span className={styles.name}>{CLOCK_LABELS[clock.name]}</span>
        <Badge appearance="filled" color={BADGE[clock.standing]} data-testid="clock-standing">
          {STANDING_LABELS[clock.standing]}
        </Badge>
      </div>
      <Text className={styles.detail} data-testid="clock-left">
        {clockSummary(clock)}
      </Text>
      <Text size={200} className={styles.detail} data-testid="clock-due">
        Due {formatInstant(clock.dueAt, planZone)} (plan time, {planZone})
        {viewer !== planZone ? ` · ${formatInstant(clock.dueAt, viewer)} your time` : ""}
      </Text>
      {skipped.length ? (
        <Text size={200} className={styles.detail}>
          Skips {skipped.map((h) => `${h.name} (${h.date})`).join(", ")}
        </Text>
      ) : null}
    </li>
  );
}

export function ClockList({ sla, calendar, receivedAt }: ClockListProps) {
  const styles = useStyles();
  if (!sla) return null;
  const effectiveLater = sla.effectiveReceivedAt !== receivedAt;
  return (
    <section aria-labelledby="clocks-heading">
      <h3 id="clocks-heading" className={styles.heading}>
        SLA clocks (business time)
      </h3>
      {effectiveLater ? (
        <Text size={200} className={styles.detail} data-testid="effective-receipt">
          Arrived outside business hours: counted from {formatInstant(sla.effectiveReceivedAt, calendar.zone.name)}.
        </Text>
      ) : null}
      <ul className={styles.list} data-testid="clocks">
        {sla.clocks.map((c) => (
          <ClockItem key={c.name} clock={c} calendar={calendar} />
        ))}
      </ul>
      <details className={styles.goals}>
        <summary>The procedure's goals</summary>
        <ul>
          {sla.clocks
            .filter((c) => c.goal)
            .map((c) => (
              <li key={c.name}>
                {CLOCK_LABELS[c.name]}: {c.goal}
              </li>
            ))}
        </ul>
      </details>
    </section>
  );
}
