import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  ToggleButton,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Suspense, lazy, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { ActionBar } from "./ActionBar";
import { ComposePanel } from "./ComposePanel";
import { ConfirmationLookup } from "./ConfirmationLookup";
import { TemplatesPanel } from "./TemplatesPanel";
import { ClockList } from "./ClockList";
import { CorrectionForm } from "./CorrectionForm";
import { InstructionList } from "./InstructionList";
import { TriageSummary } from "./TriageSummary";
import { hasFollowUp } from "../domain/sla/policies";
import { STATUS_LABELS, TARGET_OF } from "../domain/inquiry/status";
import type { PaneServices } from "../app/services";
import { templateValues } from "../app/template-values";
import { usePane } from "./usePane";
import { PANE_THEMES, usePaneTheme } from "./theme";
import { destinationOf, handOffOf, withHandOffs } from "../app/forward";
import { formatInstant } from "./format";
import { EMPTY_QUEUE_VIEW, type QueueViewState } from "../app/queue-view";
import { SHORTCUTS, useShortcut } from "./shortcuts";
import { PartBoundary } from "./PartBoundary";
import { hoursIn } from "../domain/settings";

// the team views load when first opened, keeping them out of the pane's first JavaScript
const PART_IMPORTS = {
  mine: () => import("./team/MyWork").then((m) => ({ default: m.MyWork })),
  queue: () => import("./team/TeamQueue").then((m) => ({ default: m.TeamQueue })),
  turnaround: () => import("./manager/Turnaround").then((m) => ({ default: m.Turnaround })),
};
// each try is a new lazy component, so "Try again" imports afresh
const loadParts = () => ({ MyWork: lazy(PART_IMPORTS.mine), TeamQueue: lazy(PART_IMPORTS.queue), Turnaround: lazy(PART_IMPORTS.turnaround) });

export type PaneTab = "email" | "mine" | "queue" | "turnaround";

const useStyles = makeStyles({
  root: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  main: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    minWidth: 0,
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "40rem",
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
  header: { display: "flex", flexWrap: "wrap", alignItems: "baseline", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  views: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  emulator: {
    fontSize: tokens.fontSizeBase100,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
  },
});

export interface AppProps {
  readonly services: PaneServices;
  /** The view to open first (after the pane was reloaded to fetch a part again). */
  readonly initialTab?: PaneTab;
  /**
   * Reloads the pane, opening this view again. "Try again" needs it when the browser keeps a
   * failed module fetch for the page's lifetime (Chromium does): only a new page fetches again.
   */
  readonly onReloadPane?: (tab: PaneTab) => void;
}

export function App({ services, initialTab = "email", onReloadPane }: AppProps) {
  const styles = useStyles();
  const { state, view, correction, correct, loadedAt, worked, act, actionError, logStatus, logUser, signIn, needsSignIn, insertTemplate, templateError, draftOffer, markDraftSent, dismissDraft, logService, templates, roles, clock, now, forwardTo, handOffNote } =
    usePane(services);
  const [chosenTab, setTab] = useState<PaneTab>(initialTab);
  const [partsTry, setPartsTry] = useState(0);
  // a retry (partsTry) makes new lazy parts, so a part that failed to load is fetched again
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const { MyWork, TeamQueue, Turnaround } = useMemo(() => loadParts(), [partsTry]);
  // the queue's filter and picks live here, so opening an email from the queue keeps them
  const [queueView, setQueueView] = useState<QueueViewState>(EMPTY_QUEUE_VIEW);
  const themeName = usePaneTheme(services.mailbox);
  const openItem = state.status === "ready" ? state.item.itemId : null;
  // read-only access to the shared mailbox (delegatePermissions without Write): read, but no acting
  const readOnly = state.status === "ready" && state.item.shared?.canAct === false;
  // a newly selected email is shown at once (not the first one the pane opens with)
  const shownItem = useRef<string | null>(null);
  useEffect(() => {
    if (shownItem.current !== null && openItem !== shownItem.current) setTab("email");
    if (openItem !== null) shownItem.current = openItem;
  }, [openItem]);
  const isLead = roles.has("lead");
  const isManager = roles.has("manager");
  // a view the signed-in user's roles do not include is never shown
  const tab: PaneTab = (chosenTab === "queue" && !isLead) || (chosenTab === "turnaround" && !isManager) ? "email" : chosenTab;
  const retryPart = (): void => {
    if (tab === "email") return;
    PART_IMPORTS[tab]().then(
      () => setPartsTry((n) => n + 1),
      () => (onReloadPane ? onReloadPane(tab) : setPartsTry((n) => n + 1)),
    );
  };
  const canForwardAg = tab === "email" && !!worked && !!logUser && !readOnly && worked.status !== "resolved" && !handOffOf(worked, destinationOf("appealsGrievances", services.settings.organisation)) && !!view?.instructions.some((i) => i.kind === "appealsGrievances");
  useShortcut(SHORTCUTS.forward, () => void forwardTo("appealsGrievances"), canForwardAg);

  useLayoutEffect(() => {
    if (view && loadedAt.current) {
      const start = loadedAt.current;
      loadedAt.current = 0;
      requestAnimationFrame(() => {
        performance.mark("triage:visible");
        performance.measure("triage:item-to-visible", { start, end: performance.now() });
      });
    }
  }, [view, loadedAt]);

  return (
    <FluentProvider theme={PANE_THEMES[themeName]} className={styles.root} data-theme={themeName}>
      <main className={styles.main} aria-labelledby="pane-title" aria-busy={state.status === "loading"}>
        <header className={styles.header}>
          <h1 id="pane-title" className={styles.title}>
            Member inbox triage
          </h1>
          {logUser ? (
            <Text size={200} data-testid="signed-in-as">
              Signed in as {logUser.upn}
            </Text>
          ) : null}
          {services.mailbox.isEmulator ? (
            <span className={styles.emulator} data-testid="emulator-banner" role="note">
              Local harness: sample emails and a local SharePoint emulator
            </span>
          ) : null}
        </header>
        {logService && logUser ? (
          // toggle buttons, not a TabList: its focus helpers are aria-hidden yet focusable (a known axe finding)
          <div role="group" aria-label="Pane views" className={styles.views}>
            {(
              [
                ["email", "This email"],
                ["mine", "My work"],
                ...(isLead ? ([["queue", "Team queue"]] as const) : []),
                ...(isManager ? ([["turnaround", "Turnaround"]] as const) : []),
              ] as const
            ).map(([value, label]) => (
              <ToggleButton key={value} size="small" appearance={tab === value ? "primary" : "subtle"} checked={tab === value} onClick={() => setTab(value)} data-testid={`tab-${value}`}>
                {label}
              </ToggleButton>
            ))}
          </div>
        ) : null}
        {logService && logUser && tab !== "email" ? (
          <PartBoundary key={`${tab}-${partsTry}`} part={tab === "mine" ? "your work" : tab === "turnaround" ? "the turnaround view" : "the team queue"} onRetry={retryPart}>
          <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>
            {tab === "mine" ? (
              <MyWork service={logService} me={logUser.upn} status={logStatus} calendar={services.calendar} policies={services.settings.policies} now={now} />
            ) : tab === "turnaround" ? (
              <Turnaround service={logService} calendar={services.calendar} policies={services.settings.policies} now={now} />
            ) : (
              <TeamQueue
                service={logService}
                me={logUser.upn}
                status={logStatus}
                team={services.settings.team.advocates}
                store={services.store}
                calendar={services.calendar}
                policies={services.settings.policies}
                now={now}
                clock={clock}
                view={queueView}
                onViewChange={setQueueView}
                {...(services.mailbox.openMessage ? { onOpen: (w: { record: { internetMessageId: string; itemId?: string } }) => services.mailbox.openMessage!({ internetMessageId: w.record.internetMessageId, ...(w.record.itemId ? { itemId: w.record.itemId } : {}) }) } : {})}
              />
            )}
          </Suspense>
          </PartBoundary>
        ) : null}
        {tab !== "email" ? null : state.status === "loading" && !view ? <Spinner label="Reading the email…" size="small" /> : null}
        {tab !== "email" ? null : state.status === "empty" && services.mailbox.isComposing() ? (
          <ComposePanel mailbox={services.mailbox} templates={templates} organisation={services.settings.organisation} linkHosts={services.settings.templateLinkHosts} />
        ) : state.status === "empty" ? (
          <Text data-testid="no-item">Select an email to see its triage.</Text>
        ) : null}
        {tab === "email" && state.status === "error" ? (
          <MessageBar intent="error" data-testid="pane-error">
            <MessageBarBody>{state.message}</MessageBarBody>
          </MessageBar>
        ) : null}
        {tab === "email" && state.status === "ready" && view ? (
          <>
            <TriageSummary view={view} subject={state.item.subject} from={state.item.from.name || state.item.from.address} />
            {view.warnings.length ? (
              <MessageBar intent="warning" layout="multiline" data-testid="input-warnings">
                <MessageBarBody>{view.warnings.join(" ")}</MessageBarBody>
              </MessageBar>
            ) : null}
            {readOnly ? (
              <MessageBar intent="warning" layout="multiline" data-testid="read-only-mailbox">
                <MessageBarBody>
                  You can read {state.item.mailboxAddress} but not act in it: your access to this mailbox is read-only, so replies,
                  templates and logged actions are off here. Ask your Exchange administrator for full access to the mailbox.
                </MessageBarBody>
              </MessageBar>
            ) : null}
            <InstructionList
              instructions={withHandOffs(view.instructions, worked, services.settings.organisation, (ms) => formatInstant(ms, services.calendar.zone.name))}
              {...(worked && logUser && !readOnly
                ? {
                    actions: Object.fromEntries(
                      (["appealsGrievances", "clinical"] as const)
                        .map((target) => destinationOf(target, services.settings.organisation))
                        .filter((d) => !handOffOf(worked, d) && worked.status !== "resolved")
                        .map((d) => [d.target, { label: `Forward to ${d.short}`, testId: `forward-${d.target}`, onAct: () => void forwardTo(d.target) }]),
                    ),
                  }
                : {})}
            />
            {handOffNote ? (
              <Text size={200} role="status" data-testid="handoff-note">
                {handOffNote}
              </Text>
            ) : null}
            <ClockList sla={view.sla} calendar={services.calendar} receivedAt={view.receivedAt} />
            {needsSignIn ? (
              <MessageBar intent="info" data-testid="sign-in-needed">
                <MessageBarBody>
                  Sign in to save your work to SharePoint.{" "}
                  <Button size="small" appearance="primary" onClick={() => void needsSignIn()}>
                    Sign in
                  </Button>
                </MessageBarBody>
              </MessageBar>
            ) : null}
            {worked && logUser && !readOnly ? (
              <ActionBar
                record={worked}
                me={logUser.upn}
                hasFollowUp={hasFollowUp(view.policy, services.settings.policies)}
                status={logStatus}
                error={actionError}
                onAct={(a) => void act(a)}
                {...(isLead ? { team: services.settings.team.advocates } : {})}
                {...(signIn ? { onSignIn: () => void signIn() } : {})}
              />
            ) : null}
            {draftOffer ? (
              <MessageBar intent="info" layout="multiline" data-testid="draft-offer">
                <MessageBarBody>
                  Reply drafted from “{draftOffer.templateTitle}”. It is not recorded as sent: {services.mailbox.isEmulator ? "sending it from the reading pane records it, or" : "Outlook records it when you send it where it runs the send check, or"} mark it here once it has gone.{" "}
                  <Button size="small" appearance="primary" data-testid="draft-mark-sent" onClick={() => void markDraftSent()}>
                    Mark {STATUS_LABELS[TARGET_OF[draftOffer.action.kind]].toLowerCase()}
                  </Button>{" "}
                  <Button size="small" data-testid="draft-dismiss" onClick={dismissDraft}>
                    I discarded it
                  </Button>
                </MessageBarBody>
              </MessageBar>
            ) : null}
            {readOnly ? null : (
              <TemplatesPanel
                key={state.item.internetMessageId || state.item.itemId}
                templates={templates}
                context={{
                  category: view.category,
                  flags: view.classification.flags,
                  policy: view.policy,
                  language: view.classification.language,
                  mailbox: view.mailbox,
                }}
                known={templateValues(services.settings.organisation, { memberName: state.item.from.name, missingFields: view.classification.missingFields })}
                needsConfirmation={true}
                linkHosts={services.settings.templateLinkHosts}
                error={templateError}
                onInsert={(t, values, all) => void insertTemplate(t, values, all)}
                hoursFor={(language) => hoursIn(services.settings.organisation, language)}
              />
            )}
            <CorrectionForm view={view} correction={correction} onCorrect={(next) => void correct(next)} />
            {logService ? <ConfirmationLookup log={logService} /> : null}
          </>
        ) : null}
      </main>
    </FluentProvider>
  );
}
