import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import { SHORTCUTS, ariaShortcut, useShortcut } from "./shortcuts";
import { checkPlainLanguage } from "../domain/templates/plain-language";
import { placeholdersOf, suggestTemplates, type SuggestionContext, type Template } from "../domain/templates/templates";
import { neutraliseBidi } from "../domain/text/bidi";
import { renderSafe } from "../app/safe-template";

const useStyles = makeStyles({
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300 },
  grid: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalS },
  preview: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    "& p": { margin: `0 0 ${tokens.spacingVerticalS}` },
    maxHeight: "14rem",
    overflow: "auto",
  },
});

/** Placeholders the pane fills itself; the advocate types the rest. */
export interface KnownValues {
  readonly [placeholder: string]: string | undefined;
}

export interface TemplatesPanelProps {
  readonly templates: readonly Template[];
  readonly context: SuggestionContext;
  readonly known: KnownValues;
  /** The pane supplies the confirmation number (from the log) when the reply is inserted. */
  readonly needsConfirmation: boolean;
  /** The hosts a template's links may point to (settings). */
  readonly linkHosts: readonly string[];
  readonly error: string | null;
  readonly onInsert: (template: Template, values: Record<string, string>, all: boolean) => void;
  /** The opening hours in a template's language (undefined: none in the settings, so the advocate types them). */
  readonly hoursFor?: (language: string) => string | undefined;
}

const LABELS: Readonly<Record<string, string>> = {
  memberName: "Name to greet",
  departmentName: "Team it was sent to",
  guidance: "Where to get help",
  specialty: "Specialty",
  location: "Near (town or ZIP code)",
  providerList: "Offices (one per line)",
  expectedDate: "Answer expected by",
  resolutionSummary: "The answer",
  missingFields: "What is missing",
  hours: "Opening hours, in the reply's language",
  confirmationNumber: "Confirmation number",
};

export function TemplatesPanel({ templates, context, known: knownAll, needsConfirmation, linkHosts, error, onInsert, hoursFor }: TemplatesPanelProps) {
  const styles = useStyles();
  const suggestions = useMemo(() => suggestTemplates(templates, context), [templates, context]);
  const [chosenId, setChosenId] = useState<string>("");
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [all, setAll] = useState(false);
  const chosen = suggestions.find((t) => t.id === chosenId) ?? suggestions[0];
  const panel = useRef<HTMLElement>(null);
  // Alt+Shift+T: to the Insert button, or to the first field still empty (Enter then inserts)
  useShortcut(SHORTCUTS.insertTemplate, () => {
    const el = panel.current?.querySelector<HTMLElement>('[data-testid="template-insert"]:not([disabled])') ?? panel.current?.querySelector<HTMLElement>('input[data-testid^="template-field-"]') ?? panel.current?.querySelector<HTMLElement>("select");
    el?.focus();
  }, !!chosen);
  if (!chosen) return null;
  const known: KnownValues = hoursFor ? { ...knownAll, hours: hoursFor(chosen.language) } : knownAll;
  const preview: Record<string, string | undefined> = {
    ...known,
    ...(needsConfirmation ? { confirmationNumber: known["confirmationNumber"] ?? "(given when you insert)" } : {}),
    ...typed,
  };
  const asked = placeholdersOf(chosen.body).filter((p) => !(p === "confirmationNumber" && needsConfirmation) && !(known[p] ?? "").trim());
  // the preview is the sanitised HTML itself: exactly what goes into the reply
  const shown = renderSafe(chosen, Object.fromEntries(placeholdersOf(chosen.body).map((p) => [p, (preview[p] ?? "").trim() || `[${LABELS[p] ?? p}]`])), linkHosts);
  const previewText = shown.ok ? shown.text : "";
  const previewHtml = shown.ok ? shown.html : "";
  const plain = previewText ? checkPlainLanguage(previewText, { language: chosen.language }) : null;
  const missing = asked.filter((p) => !(typed[p] ?? "").trim());
  return (
    <section aria-labelledby="templates-heading" ref={panel}>
      <h3 id="templates-heading" className={styles.heading}>
        Reply with an approved template
      </h3>
      <div className={styles.grid}>
        <Field label="Template (best fit first)">
          <Select value={chosen.id} onChange={(_, d) => setChosenId(d.value)} data-testid="template-select">
            {suggestions.map((t) => (
              <option key={t.id} value={t.id}>
                {neutraliseBidi(t.title)} ({t.language})
              </option>
            ))}
          </Select>
        </Field>
        {asked.map((p) => (
          <Field key={p} label={LABELS[p] ?? p} required>
            <Input value={typed[p] ?? ""} onChange={(_, d) => setTyped({ ...typed, [p]: d.value })} data-testid={`template-field-${p}`} />
          </Field>
        ))}
        <div role="region" tabIndex={0} className={styles.preview} data-testid="template-preview" aria-label="Preview of the reply" dangerouslySetInnerHTML={{ __html: previewHtml }} />
        {plain && !plain.passes ? (
          <MessageBar intent="warning" layout="multiline" data-testid="plain-language">
            <MessageBarBody>Plain language: {plain.findings.map((f) => `“${f.text}”: ${f.suggestion}`).join("; ")}.</MessageBarBody>
          </MessageBar>
        ) : null}
        <Checkbox label="Reply all" checked={all} onChange={(_, d) => setAll(d.checked === true)} />
        <Button
          appearance="primary"
          disabled={missing.length > 0}
          onClick={() => onInsert(chosen, { ...typed }, all)}
          data-testid="template-insert"
          aria-keyshortcuts={ariaShortcut(SHORTCUTS.insertTemplate)}
        >
          {missing.length ? `Fill in: ${missing.map((p) => LABELS[p] ?? p).join(", ")}` : "Insert into reply"}
        </Button>
        {error ? (
          <MessageBar intent="error" data-testid="template-error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
    </section>
  );
}
