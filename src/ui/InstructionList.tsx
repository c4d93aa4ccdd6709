import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Instruction, InstructionKind } from "../domain/inquiry/triage";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalXS },
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300 },
  item: {
    borderLeft: `${tokens.strokeWidthThicker} solid`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  urgent: { borderLeftColor: tokens.colorPaletteRedBorderActive, backgroundColor: tokens.colorPaletteRedBackground1 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorderActive, backgroundColor: tokens.colorPaletteYellowBackground1 },
  info: { borderLeftColor: tokens.colorBrandStroke1, backgroundColor: tokens.colorNeutralBackground2 },
  title: { display: "block", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  act: { display: "flex", marginTop: tokens.spacingVerticalXS },
});

/** A button that carries an instruction out (e.g. "Forward to A&G"). */
export interface InstructionAction {
  readonly label: string;
  readonly onAct: () => void;
  readonly testId: string;
}

const TONE_WORD = { urgent: "Now", warning: "Check", info: "Note" } as const;

export interface InstructionListProps {
  readonly instructions: readonly Instruction[];
  readonly actions?: Partial<Readonly<Record<InstructionKind, InstructionAction>>>;
}

export function InstructionList({ instructions, actions }: InstructionListProps) {
  const styles = useStyles();
  return (
    <section aria-labelledby="actions-heading">
      <h3 id="actions-heading" className={styles.heading}>
        What to do now
      </h3>
      {instructions.length === 0 ? (
        <p data-testid="no-instructions">Answer under the mailbox's usual standard; nothing needs special handling.</p>
      ) : (
        <ul className={styles.list} data-testid="instructions">
          {instructions.map((ins) => (
            <li key={ins.kind} data-kind={ins.kind} data-tone={ins.tone} className={`${styles.item} ${styles[ins.tone]}`}>
              <strong className={styles.title}>
                <span className="visually-hidden">{TONE_WORD[ins.tone]}: </span>
                {ins.title}
              </strong>
              {ins.detail}
              {actions?.[ins.kind] ? (
                <span className={styles.act}>
                  <Button size="small" appearance="primary" onClick={actions[ins.kind]!.onAct} data-testid={actions[ins.kind]!.testId}>
                    {actions[ins.kind]!.label}
                  </Button>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
