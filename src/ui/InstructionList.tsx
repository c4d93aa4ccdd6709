import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { Instruction } from "../domain/inquiry/triage";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalS },
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300 },
});

const INTENT = { urgent: "error", warning: "warning", info: "info" } as const;

export interface InstructionListProps {
  readonly instructions: readonly Instruction[];
}

export function InstructionList({ instructions }: InstructionListProps) {
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
            <li key={ins.kind} data-kind={ins.kind}>
              <MessageBar intent={INTENT[ins.tone]} layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{ins.title}</MessageBarTitle> {ins.detail}
                </MessageBarBody>
              </MessageBar>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
