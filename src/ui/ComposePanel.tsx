import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { MailboxAdapter } from "../adapters/mailbox/types";
import { checkConfirmationNumber } from "../domain/inquiry/confirmation";
import { hoursIn, type Organisation } from "../domain/settings";
import { checkPlainLanguage, type PlainLanguageResult } from "../domain/templates/plain-language";
import type { Template } from "../domain/templates/templates";
import { renderSafe } from "../app/safe-template";
import { templateValues } from "../app/template-values";
import { TemplatesPanel } from "./TemplatesPanel";

const useStyles = makeStyles({
  grid: { display: "grid", gap: tokens.spacingVerticalM },
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300 },
});

export interface ComposePanelProps {
  readonly mailbox: MailboxAdapter;
  readonly templates: readonly Template[];
  readonly organisation: Organisation;
  /** The hosts a template's links may point to (settings). */
  readonly linkHosts: readonly string[];
}

/** Beside a reply being written: approved templates at the cursor, and a plain-language check of the draft. */
export function ComposePanel({ mailbox, templates, organisation, linkHosts }: ComposePanelProps) {
  const styles = useStyles();
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<PlainLanguageResult | null>(null);
  const insert = async (template: Template, typed: Record<string, string>) => {
    setError(null);
    const values = templateValues(organisation, { language: template.language }, typed);
    if (values["confirmationNumber"] !== undefined) {
      const c = checkConfirmationNumber(values["confirmationNumber"]);
      if (!c.valid) {
        setError(c.reason);
        return;
      }
      values["confirmationNumber"] = c.normalized;
    }
    const r = renderSafe(template, values, linkHosts);
    if (!r.ok) {
      setError(`Fill in: ${r.missing.join(", ")}.`);
      return;
    }
    try {
      await mailbox.insertAtCursor(r.html, r.text);
    } catch {
      setError("Outlook could not insert the text. Click in the message and try again.");
    }
  };
  const checkDraft = async () => {
    try {
      setCheck(checkPlainLanguage(await mailbox.readDraftText()));
    } catch {
      setError("Outlook could not read the draft.");
    }
  };
  return (
    <div className={styles.grid}>
      <TemplatesPanel
        templates={templates}
        context={{ category: "general_inquiry", flags: [], policy: "", language: "en", mailbox: null }}
        known={{}}
        needsConfirmation={false}
        linkHosts={linkHosts}
        error={error}
        onInsert={(t, values) => void insert(t, values)}
        hoursFor={(language) => hoursIn(organisation, language)}
      />
      <section aria-labelledby="plain-heading">
        <h3 id="plain-heading" className={styles.heading}>
          Check your reply
        </h3>
        <Button onClick={() => void checkDraft()}>Check for plain language</Button>
        {check ? (
          <MessageBar intent={check.passes ? "success" : "warning"} layout="multiline">
            <MessageBarBody>
              {check.passes
                ? `Reads plainly${check.grade !== null ? ` (grade ${check.grade})` : ""}.`
                : check.findings.map((f) => `“${f.text}”: ${f.suggestion}`).join("; ")}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </section>
    </div>
  );
}
