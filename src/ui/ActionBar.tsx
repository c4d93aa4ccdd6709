import { Button, Field, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { SHORTCUTS, ariaShortcut, useShortcut } from "./shortcuts";
import type { LogStatus } from "../adapters/graph/log-service";
import type { InquiryRecord } from "../domain/inquiry/record";
import { STATUS_LABELS, allowedActions, type Action } from "../domain/inquiry/status";
import type { TeamMember } from "../domain/team/roles";

const useStyles = makeStyles({
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
  detail: { display: "block", color: tokens.colorNeutralForeground2 },
  status: { display: "block", fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
});

const LABELS: Partial<Record<Action["kind"], string>> = {
  assign: "Assign to me",
  acknowledge: "Acknowledge",
  awaitInformation: "Awaiting information",
  respond: "Mark responded",
  followUp: "Follow-up sent",
  resolve: "Resolve",
  reopen: "Reopen",
};

export interface ActionBarProps {
  readonly record: InquiryRecord;
  readonly me: string;
  readonly hasFollowUp: boolean;
  readonly status: LogStatus | null;
  readonly error: string | null;
  readonly onAct: (action: Action) => void;
  /** Shown when saving waits for a new sign-in: runs sign-in from the click (popups need one). */
  readonly onSignIn?: () => void;
  /** For a lead: the advocates this inquiry can be given to. */
  readonly team?: readonly TeamMember[];
}

export function ActionBar({ record, me, hasFollowUp, status, error, onAct, onSignIn, team }: ActionBarProps) {
  const styles = useStyles();
  const [assignTo, setAssignTo] = useState("");
  const allowed = allowedActions(record.status).filter((k) => LABELS[k] && (k !== "followUp" || hasFollowUp));
  const mine = record.assignee === me;
  const conflict = status?.conflicts.filter((c) => c.messageId === record.internetMessageId).sort((a, b) => b.seq - a.seq)[0];
  // after an action its button may be gone: focus goes to the status line, which says what happened
  const statusLine = useRef<HTMLSpanElement>(null);
  const acted = useRef(false);
  useEffect(() => {
    if (acted.current) statusLine.current?.focus();
    acted.current = false;
  }, [record.status, record.assignee]);
  const run = (action: Action) => {
    acted.current = true;
    onAct(action);
  };
  const can = (k: Action["kind"]) => allowed.includes(k);
  useShortcut(SHORTCUTS.assign, () => run({ kind: "assign", to: me }), can("assign") && !mine);
  useShortcut(SHORTCUTS.acknowledge, () => run({ kind: "acknowledge" }), can("acknowledge"));
  useShortcut(SHORTCUTS.respond, () => run({ kind: "respond" }), can("respond"));
  const keysOf: Partial<Record<Action["kind"], string>> = { assign: SHORTCUTS.assign, acknowledge: SHORTCUTS.acknowledge, respond: SHORTCUTS.respond };
  const waitedMinutes = status?.oldestPendingAt ? Math.floor((Date.now() - status.oldestPendingAt) / 60_000) : 0;
  return (
    <section aria-labelledby="work-heading">
      <h3 id="work-heading" className={styles.heading}>
        Work on it
      </h3>
      <span data-testid="inquiry-status" role="status" tabIndex={-1} ref={statusLine} className={styles.status}>
        {STATUS_LABELS[record.status]}
        {record.assignee ? ` · ${mine ? "assigned to you" : `assigned to ${record.assignee}`}` : " · not assigned"}
      </span>
      <div className={styles.row}>
        {allowed
          .filter((k) => !(k === "assign" && mine))
          .map((k) => (
            <Button
              key={k}
              size="small"
              appearance={k === "assign" || k === "resolve" ? "primary" : "secondary"}
              data-testid={`action-${k}`}
              {...(keysOf[k] ? { "aria-keyshortcuts": ariaShortcut(keysOf[k]!), title: `${LABELS[k]} (Alt+Shift+${keysOf[k]})` } : {})}
              onClick={() => run(k === "assign" ? { kind: "assign", to: me } : ({ kind: k } as Action))}
            >
              {LABELS[k]}
            </Button>
          ))}
      </div>
      {team?.length && allowed.includes("assign") ? (
        <div className={styles.row}>
          <Field label="Give it to" size="small">
            <Select size="small" value={assignTo} onChange={(_, d) => setAssignTo(d.value)} data-testid="assign-to">
              <option value="">Choose an advocate</option>
              {team
                .filter((m) => m.address !== record.assignee)
                .map((m) => (
                  <option key={m.address} value={m.address}>
                    {m.name}
                  </option>
                ))}
            </Select>
          </Field>
          <Button size="small" disabled={!assignTo} data-testid="assign-to-button" onClick={() => (run({ kind: "assign", to: assignTo }), setAssignTo(""))} style={{ alignSelf: "end" }}>
            Assign
          </Button>
        </div>
      ) : null}
      {error ? (
        <MessageBar intent="error" data-testid="action-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Text size={200} className={styles.detail} data-testid="log-status" aria-live="polite">
        {status === null
          ? "Not logged: the SharePoint list is not configured for this deployment."
          : status.pending === 0 && status.lastProblem
            ? `Not logging: ${status.lastProblem}.`
            : status.pending === 0 && conflict
            ? "Your other changes are saved to SharePoint; the one below was not."
            : status.pending === 0
            ? "All changes saved to SharePoint."
            : `${status.pending} change${status.pending === 1 ? "" : "s"} waiting to be saved to SharePoint${status.lastProblem ? ` (${status.lastProblem})` : ""}.`}
      </Text>
      {status?.problem?.code === "signIn" && onSignIn ? (
        <Button appearance="primary" size="small" onClick={onSignIn} data-testid="sign-in-again">
          Sign in again
        </Button>
      ) : null}
      {status && status.pending > 0 && waitedMinutes >= 5 ? (
        <MessageBar intent="warning" data-testid="log-stale">
          <MessageBarBody>A change has waited {waitedMinutes} minutes to be saved. Keep this pane open; it keeps trying.</MessageBarBody>
        </MessageBar>
      ) : null}
      {conflict ? (
        <MessageBar intent="warning" layout="multiline" data-testid="log-conflicts">
          <MessageBarBody>Not saved: {conflict.message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
