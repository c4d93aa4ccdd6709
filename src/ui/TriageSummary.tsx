import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { TriageView } from "../domain/inquiry/triage";
import { CATEGORY_LABELS, PRIORITY_LABELS, SENDER_LABELS } from "./format";

const useStyles = makeStyles({
  subject: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  from: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  reasons: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  reason: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface TriageSummaryProps {
  readonly view: TriageView;
  readonly subject: string;
  readonly from: string;
}

export function TriageSummary({ view, subject, from }: TriageSummaryProps) {
  const styles = useStyles();
  const c = view.classification;
  const priorityColor = view.priority === "high" ? "danger" : view.priority === "escalated" ? "warning" : "informative";
  const catColor = view.category === "appeal" || view.category === "grievance" ? "danger" : "brand";
  const why = c.reasons.filter((r) => r.field !== "flags" && r.field !== "input");
  return (
    <section aria-labelledby="triage-subject">
      <h2 id="triage-subject" className={styles.subject}>
        {subject || "(no subject)"}
      </h2>
      <Text size={200} className={styles.from}>
        From {from || "an unknown sender"}
      </Text>
      <div className={styles.badges} data-testid="badges">
        <Badge appearance="filled" color={catColor} data-testid="category-badge">
          {CATEGORY_LABELS[view.category]}
        </Badge>
        <Badge appearance="filled" color={priorityColor} data-testid="priority-badge">
          {PRIORITY_LABELS[view.priority]}
        </Badge>
        <Badge appearance="outline" color="informative" data-testid="sender-badge">
          {SENDER_LABELS[c.senderType]}
        </Badge>
        <Badge appearance="outline" color={c.confidence < 0.6 ? "warning" : "informative"} data-testid="confidence-badge">
          {c.confidence < 0.6 ? "Unsure" : "Confidence"} {Math.round(c.confidence * 100)}%
        </Badge>
      </div>
      {view.corrected.category || view.corrected.priority ? (
        <Text size={200} className={styles.warn} data-testid="corrected-note">
          Corrected by an advocate
          {view.corrected.category ? ` (category was ${CATEGORY_LABELS[view.corrected.category]})` : ""}
          {view.corrected.priority ? ` (priority was ${PRIORITY_LABELS[view.corrected.priority]})` : ""}
        </Text>
      ) : null}
      <ul className={styles.reasons} aria-label="Why the pane classified it so" data-testid="reasons">
        {why.slice(0, 4).map((r, i) => (
          <li key={i} className={styles.reason}>
            {r.text}
          </li>
        ))}
      </ul>
      <Text size={100} className={styles.from} data-testid="model-version">
        {/* "shared-… + tenant-vN" once the tenant's own model is in use (decision 74) */}
        Classified by model {c.modelVersion.split("+").join(" + ")}
      </Text>
    </section>
  );
}
