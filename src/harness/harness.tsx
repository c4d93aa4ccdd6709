/**
 * A page that stands in for Outlook: a message list, a reading pane and the real task pane in an
 * iframe beside them, switching items as Outlook does for a pinned pane. Talks to the pane only
 * through the harness mailbox protocol (same-origin postMessage).
 */
import { StrictMode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { HARNESS_PROTOCOL, SEND_CHECK_UNAVAILABLE, type HarnessToPane, type PaneToHarness, type SendAnswer } from "../adapters/mailbox/harness";
import { htmlToText } from "../domain/classify/text";
import type { MailItem } from "../adapters/mailbox/types";
import { defuseHtml } from "./defuse";
import { MAILBOX_ADDRESS, SAMPLES, bodyOf, sampleConversationId, sampleMessageId, type SampleEmail } from "./samples";
import "./harness.css";

const params = new URLSearchParams(window.location.search);
const fixedNow = params.get("now");
const parsedNow = fixedNow ? Date.parse(fixedNow) : NaN;
const clockOffsetMs = Number.isFinite(parsedNow) ? parsedNow - Date.now() : 0;
const harnessNow = () => Date.now() + clockOffsetMs;

/**
 * The instant the samples' received times count back from: with ?now=, that fixed clock; else when
 * the local server started (the same on every reload, so clocks do not reset), else this page's load.
 */
const samplesBase: Promise<number | null> = Number.isFinite(parsedNow)
  ? Promise.resolve(null) // the page's own clock, as fixed by ?now= (and running on from there)
  : fetch("/harness/clock.json", { cache: "no-store" })
      .then((r) => r.json() as Promise<{ startedAt?: unknown; now?: unknown }>)
      // how long ago the server started, counted back on this page's own clock (which a test may set)
      .then((j) => (typeof j.startedAt === "number" && typeof j.now === "number" && j.now >= j.startedAt ? Date.now() - (j.now - j.startedAt) : Date.now()))
      .catch(() => Date.now());

/** The fictional team, to act as one of them (?user=). */
const USERS = ["ana@plan.example", "ben@plan.example", "cam@plan.example", "lead@plan.example", "manager@plan.example"] as const;
const currentUser = params.get("user") || USERS[0];

/** Task pane widths to try: Outlook opens the pane at about 320 px; wider when the user drags it. */
const PANE_WIDTHS = [320, 380, 500] as const;
const paneParam = Number(params.get("pane"));
const initialPaneWidth = paneParam >= 280 && paneParam <= 1000 ? Math.round(paneParam) : PANE_WIDTHS[0];

/** The sample's Outlook conversation: what a reply to it is sent in. */
const conversationOf = (sample: SampleEmail) => sampleConversationId(sample);

function toItem(sample: SampleEmail, now: number): MailItem {
  const mailboxAddress = MAILBOX_ADDRESS[sample.mailbox];
  return {
    itemId: `harness-${sample.id}`,
    internetMessageId: sampleMessageId(sample),
    conversationId: conversationOf(sample),
    subject: sample.subject,
    from: { name: sample.fromName, address: sample.from },
    to: [{ name: "Shared mailbox", address: mailboxAddress }],
    cc: [],
    body: { type: sample.bodyType, content: bodyOf(sample) },
    receivedAt: sample.receivedAtOverride ?? new Date(now - sample.receivedMinutesAgo * 60_000).toISOString(),
    mailboxAddress,
  };
}

/** HTML bodies are shown in a sandboxed frame whose policy forbids scripts, images and requests. */
function ReadingPane({ sample, onReply }: { sample: SampleEmail; onReply: () => void }) {
  const body = bodyOf(sample);
  const shown = body.length > 200_000 ? `${body.slice(0, 200_000)}\n\n[… ${Math.round(body.length / 1024)} KB in all]` : body;
  return (
    <article className="reading" aria-labelledby="reading-subject">
      <h2 id="reading-subject">{sample.subject}</h2>
      <p className="meta">
        From {sample.fromName} &lt;{sample.from}&gt; · to {MAILBOX_ADDRESS[sample.mailbox]}
      </p>
      <button type="button" className="reply" onClick={onReply} data-testid="harness-reply">
        Reply
      </button>
      {sample.bodyType === "html" ? (
        <iframe
          title="Message body"
          className="html-body"
          sandbox=""
          referrerPolicy="no-referrer"
          srcDoc={`<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">${defuseHtml(shown)}`}
        />
      ) : (
        <pre className="text-body">{shown || "(no body)"}</pre>
      )}
    </article>
  );
}

function Harness() {
  const initial = SAMPLES.find((s) => s.id === params.get("item")) ?? SAMPLES[0]!;
  const [selected, setSelected] = useState<SampleEmail>(initial);
  const [draft, setDraft] = useState<{ html: string; all: boolean; forwardTo?: string } | null>(null);
  // the draft's words as the advocate edits them, and what the send check said
  const [draftText, setDraftText] = useState("");
  const [alert, setAlert] = useState<SendAnswer | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const sendRequests = useRef(new Map<number, (a: SendAnswer) => void>());
  const nextSend = useRef(1);
  const selectedRef = useRef(selected);
  const frame = useRef<HTMLIFrameElement>(null);
  const [paneWidth, setPaneWidth] = useState<number>(initialPaneWidth);
  const choosePaneWidth = (width: number) => {
    setPaneWidth(width);
    // kept in the address, so a reload or a shared link opens the pane at the same width
    const url = new URL(window.location.href);
    url.searchParams.set("pane", String(width));
    window.history.replaceState(null, "", url);
  };
  // ?user= picks the signed-in advocate, so two browser windows can act as two advocates
  const paneUrl = useMemo(() => {
    const user = currentUser;
    const theme = params.get("theme"); // Office's theme, as Outlook would report it to the pane
    return `/taskpane.html?host=harness${user ? `&user=${encodeURIComponent(user)}` : ""}${theme ? `&theme=${encodeURIComponent(theme)}` : ""}`;
  }, []);

  const post = useCallback((message: HarnessToPane) => {
    frame.current?.contentWindow?.postMessage(message, window.location.origin);
  }, []);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || event.source !== frame.current?.contentWindow) return;
      const data = event.data as Partial<PaneToHarness> | null;
      if (!data || data.protocol !== HARNESS_PROTOCOL) return;
      if (data.type === "hello") post({ protocol: HARNESS_PROTOCOL, type: "welcome", clockOffsetMs });
      if (data.type === "reply" && typeof data.html === "string") {
        const html = data.html.slice(0, 200_000);
        setDraft({ html, all: data.all === true });
        setDraftText(htmlToText(html));
        setAlert(null);
        setSent(null);
      }
      if (data.type === "forward" && typeof data.html === "string" && typeof data.to === "string") {
        // a new message to the coordinator with the email attached, as displayNewMessageForm opens it
        const html = data.html.slice(0, 200_000);
        setDraft({ html, all: false, forwardTo: data.to.slice(0, 320) });
        setDraftText(htmlToText(html));
        setAlert(null);
        setSent(null);
      }
      if (data.type === "openMessage" && typeof data.internetMessageId === "string") {
        const wanted = data.internetMessageId;
        const found = SAMPLES.find((s) => sampleMessageId(s) === wanted);
        if (found) selectRef.current(found);
      }
      if (data.type === "sendDecision" && typeof data.requestId === "number") {
        const done = sendRequests.current.get(data.requestId);
        sendRequests.current.delete(data.requestId);
        done?.({ allowEvent: data.allowEvent === true, ...(typeof data.errorMessage === "string" ? { errorMessage: data.errorMessage.slice(0, 500) } : {}), ...(data.promptUser === true ? { promptUser: true } : {}) });
      }
      if (data.type === "getItem" && typeof data.requestId === "number") {
        // ?access=read: the advocate has read-only access to the shared mailbox, as delegatePermissions would say
        const readOnly = params.get("access") === "read";
        const requestId = data.requestId;
        void samplesBase.then((base) =>
          post({ protocol: HARNESS_PROTOCOL, type: "item", requestId, item: { ...toItem(selectedRef.current, base ?? harnessNow()), ...(readOnly ? { readOnly: true } : {}) } }),
        );
      }
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [post]);

  const finishSend = (how: "checked" | "anyway" | "unchecked") => {
    setDraft(null);
    setAlert(null);
    setSent(
      how === "checked"
        ? "Sent. (The harness sends nothing; the send was checked and recorded as Outlook would.)"
        : how === "anyway"
          ? "Sent anyway, against the send check's warning. (The harness sends nothing.)"
          : "Sent without the send check: it could not run, so nothing was checked or recorded for this send. (The harness sends nothing.)",
    );
  };

  /** Outlook's Send: the pane's send check answers before the mail would go. */
  const send = () => {
    const requestId = nextSend.current++;
    sendRequests.current.set(requestId, (answer) => (answer.allowEvent ? finishSend("checked") : setAlert(answer)));
    // a forward is a new message, in a conversation of its own
    post({ protocol: HARNESS_PROTOCOL, type: "send", requestId, text: draftText, conversationId: draft?.forwardTo !== undefined ? "" : conversationOf(selectedRef.current) });
  };

  const startReply = () => {
    setDraft({ html: "", all: false });
    setDraftText("");
    setAlert(null);
    setSent(null);
  };

  const select = (s: SampleEmail) => {
    setDraft(null);
    setAlert(null);
    setSent(null);
    selectedRef.current = s;
    setSelected(s);
    performance.mark("harness:item-selected");
    post({ protocol: HARNESS_PROTOCOL, type: "itemChanged" });
  };
  const selectRef = useRef(select);
  selectRef.current = select;

  return (
    <div className="layout" style={{ gridTemplateColumns: `300px minmax(280px, 1fr) ${paneWidth + 1}px` /* and the pane's 1 px border */ }} data-pane-width={paneWidth}>
      <header className="topbar">
        <h1>Outlook stand-in · Member inbox triage</h1>
        <p>
          Local harness: {SAMPLES.length} sample emails, no Microsoft account or network.
          {Number.isFinite(parsedNow) ? ` Clock fixed at ${new Date(parsedNow).toISOString()}.` : ""}
        </p>
        <label className="who">
          You are
          <select
            value={currentUser}
            onChange={(e) => {
              const url = new URL(window.location.href);
              url.searchParams.set("user", e.target.value);
              url.searchParams.set("item", selectedRef.current.id);
              window.location.assign(url);
            }}
            data-testid="harness-user"
          >
            {(USERS as readonly string[]).concat(USERS.includes(currentUser as (typeof USERS)[number]) ? [] : [currentUser]).map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </label>
        <div className="pane-width" role="group" aria-label="Task pane width">
          <span aria-hidden="true">Pane</span>
          {(PANE_WIDTHS as readonly number[]).concat(PANE_WIDTHS.includes(paneWidth as (typeof PANE_WIDTHS)[number]) ? [] : [paneWidth]).map((w) => (
            <button key={w} type="button" aria-pressed={w === paneWidth} onClick={() => choosePaneWidth(w)} data-testid={`pane-width-${w}`}>
              {w} px
            </button>
          ))}
        </div>
      </header>
      <nav className="list" aria-label="Messages">
        <ul>
          {SAMPLES.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className={s.id === selected.id ? "msg selected" : "msg"}
                aria-current={s.id === selected.id ? "true" : undefined}
                data-sample={s.id}
                onClick={() => select(s)}
              >
                <span className="from">{s.fromName}</span>
                <span className="subject">{s.subject}</span>
                <span className="shows">{s.mailbox} · {s.shows}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="reading-wrap">
        {sent ? (
          <p className="sent" role="status" data-testid="sent-note">
            {sent}
          </p>
        ) : null}
        {draft ? (
          <section className="draft" aria-labelledby="draft-title" data-testid="reply-draft">
            {draft.forwardTo !== undefined ? (
              <>
                <h2 id="draft-title">Forward: {selected.subject}</h2>
                <p className="meta" data-testid="forward-to">
                  To {draft.forwardTo || "(nobody yet)"} · attached: “{selected.subject}” (a draft; the harness sends nothing)
                </p>
              </>
            ) : (
              <>
                <h2 id="draft-title">{draft.all ? "Reply all" : "Reply"}: {selected.subject}</h2>
                <p className="meta">To {selected.fromName} &lt;{selected.from}&gt; (a draft; the harness sends nothing)</p>
              </>
            )}
            {draft.html ? (
              <iframe
                title="Reply body"
                className="html-body draft-body"
                sandbox=""
                // the pane's own HTML with escaped values: shown as it is, still sandboxed and with no network
                srcDoc={`<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">${draft.html}`}
              />
            ) : null}
            <label htmlFor="draft-text">Your reply as it will be sent (edit it, then Send)</label>
            <textarea id="draft-text" className="draft-text" rows={10} value={draftText} onChange={(e) => setDraftText(e.target.value)} data-testid="draft-text" />
            <div className="draft-actions">
              <button type="button" onClick={send} data-testid="draft-send">
                Send
              </button>
              <button type="button" onClick={() => (setDraft(null), setAlert(null))}>
                Discard
              </button>
            </div>
            {alert ? (
              <div className="smart-alert" role="alertdialog" aria-labelledby="smart-alert-title" aria-describedby="smart-alert-text" data-testid="smart-alert">
                <h3 id="smart-alert-title">Member Inbox Triage</h3>
                <p id="smart-alert-text">{alert.errorMessage ?? "This message can't be sent."}</p>
                <button type="button" autoFocus onClick={() => setAlert(null)} data-testid="smart-alert-back">
                  {alert.promptUser ? "Don't send" : "OK"}
                </button>
                {alert.promptUser ? (
                  <button type="button" onClick={() => finishSend(alert.errorMessage === SEND_CHECK_UNAVAILABLE ? "unchecked" : "anyway")} data-testid="smart-alert-send-anyway">
                    Send anyway
                  </button>
                ) : null}
              </div>
            ) : null}
          </section>
        ) : null}
        <ReadingPane sample={selected} onReply={startReply} />
      </main>
      <aside className="pane" aria-label="Task pane">
        <iframe ref={frame} title="Member inbox triage task pane" src={paneUrl} data-testid="taskpane" />
      </aside>
    </div>
  );
}

const el = document.getElementById("harness");
if (el) {
  createRoot(el).render(
    <StrictMode>
      <Harness />
    </StrictMode>,
  );
}
