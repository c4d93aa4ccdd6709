import { neutraliseBidi } from "../domain/text/bidi";
import { Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { InquiryLogService } from "../adapters/graph/log-service";
import { checkConfirmationNumber } from "../domain/inquiry/confirmation";
import { STATUS_LABELS } from "../domain/inquiry/status";

const useStyles = makeStyles({
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end" },
});

export interface ConfirmationLookupProps {
  readonly log: InquiryLogService;
}

/** A member quotes a number on the phone: check it, then find the inquiry. */
export function ConfirmationLookup({ log }: ConfirmationLookupProps) {
  const styles = useStyles();
  const [value, setValue] = useState("");
  const [answer, setAnswer] = useState<{ tone: "error" | "none" | "success"; text: string } | null>(null);
  const find = async () => {
    const check = checkConfirmationNumber(value);
    if (!check.valid) {
      setAnswer({ tone: "error", text: check.reason });
      return;
    }
    try {
      const inquiry = await log.findByConfirmationNumber(check.normalized);
      if (!inquiry) {
        setAnswer({ tone: "none", text: `No inquiry has the number ${check.normalized}.` });
        return;
      }
      const who = inquiry.assignee ? `, with ${inquiry.assignee}` : "";
      setAnswer({ tone: "success", text: neutraliseBidi(`${check.normalized}: “${inquiry.subject}” — ${STATUS_LABELS[inquiry.status]}${who}.`) });
    } catch {
      setAnswer({ tone: "error", text: "SharePoint did not answer. Try again in a moment." });
    }
  };
  return (
    <section aria-labelledby="lookup-heading">
      <h3 id="lookup-heading" className={styles.heading}>
        Find by confirmation number
      </h3>
      {/* a form, so Enter in the field looks the number up */}
      <form
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault();
          void find();
        }}
      >
        <Field label="Confirmation number" validationState={answer?.tone === "error" ? "error" : "none"}>
          <Input value={value} onChange={(_, d) => setValue(d.value)} placeholder="K7QM-4TXB" data-testid="lookup-input" />
        </Field>
        <Button type="submit" data-testid="lookup-button">
          Find
        </Button>
      </form>
      {answer ? (
        <Text as="p" role="status" data-testid="lookup-answer">
          {answer.text}
        </Text>
      ) : null}
    </section>
  );
}
