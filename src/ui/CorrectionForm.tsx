import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { CATEGORIES, type Category } from "../domain/classify/labels";
import type { Correction, TriageView } from "../domain/inquiry/triage";
import { MAILBOXES, PRIORITIES, type Mailbox, type Priority } from "../domain/sla/policies";
import { CATEGORY_LABELS, PRIORITY_LABELS } from "./format";

const useStyles = makeStyles({
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300 },
  grid: { display: "grid", gap: tokens.spacingVerticalS },
});

export interface CorrectionFormProps {
  readonly view: TriageView;
  readonly correction: Correction | undefined;
  readonly onCorrect: (next: Correction | undefined) => void;
}

export function CorrectionForm({ view, correction, onCorrect }: CorrectionFormProps) {
  const styles = useStyles();
  const c = view.classification;
  const update = (patch: { [K in keyof Correction]?: Correction[K] | undefined }) => {
    const next: Record<string, string> = { ...(correction ?? {}) } as Record<string, string>;
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) delete next[k];
      else next[k] = v;
    }
    if (next["category"] === c.category) delete next["category"];
    if (next["priority"] === c.priority) delete next["priority"];
    onCorrect(Object.keys(next).length ? (next as Correction) : undefined);
  };
  return (
    <section aria-labelledby="correct-heading">
      <h3 id="correct-heading" className={styles.heading}>
        Correct the classification
      </h3>
      <div className={styles.grid}>
        <Field label="Category">
          <Select
            value={view.category}
            onChange={(_, d) => update({ category: d.value as Category })}
            data-testid="correct-category"
          >
            {CATEGORIES.map((k) => (
              <option key={k} value={k}>
                {CATEGORY_LABELS[k]}
                {k === c.category ? " (suggested)" : ""}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Priority">
          <Select
            value={view.priority}
            onChange={(_, d) => update({ priority: d.value as Priority })}
            data-testid="correct-priority"
          >
            {PRIORITIES.map((k) => (
              <option key={k} value={k}>
                {PRIORITY_LABELS[k]}
                {k === c.priority ? " (suggested)" : ""}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Mailbox" hint={view.mailbox ? null : "Not recognised from the address: choose one."}>
          <Select
            value={view.mailbox ?? ""}
            onChange={(_, d) => update({ mailbox: (d.value || undefined) as Mailbox | undefined })}
            data-testid="correct-mailbox"
          >
            {view.mailbox ? null : <option value="">Choose the mailbox…</option>}
            {MAILBOXES.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </Select>
        </Field>
        {correction ? (
          <Button appearance="secondary" onClick={() => onCorrect(undefined)} data-testid="undo-correction">
            Undo correction
          </Button>
        ) : null}
      </div>
    </section>
  );
}
