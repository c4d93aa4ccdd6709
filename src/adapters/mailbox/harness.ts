/**
 * The local harness's mailbox: the pane runs in an iframe of the harness page, which plays the part
 * of Outlook and answers over postMessage (same origin only). Used when the pane is opened with
 * `?host=harness`; nothing here reaches beyond the page.
 */
import type { Address, ItemListener, MailItem, MailboxAdapter, SendAnswer } from "./types";

export type { SendAnswer } from "./types";

export const HARNESS_PROTOCOL = "member-triage-harness/1";

export type PaneToHarness =
  | { protocol: typeof HARNESS_PROTOCOL; type: "hello" }
  | { protocol: typeof HARNESS_PROTOCOL; type: "getItem"; requestId: number }
  | { protocol: typeof HARNESS_PROTOCOL; type: "reply"; html: string; all: boolean }
  | { protocol: typeof HARNESS_PROTOCOL; type: "forward"; to: string; html: string }
  | { protocol: typeof HARNESS_PROTOCOL; type: "openMessage"; internetMessageId: string }
  | { protocol: typeof HARNESS_PROTOCOL; type: "sendDecision"; requestId: number; allowEvent: boolean; errorMessage?: string; promptUser?: boolean };

export type HarnessToPane =
  | { protocol: typeof HARNESS_PROTOCOL; type: "welcome"; clockOffsetMs: number }
  | { protocol: typeof HARNESS_PROTOCOL; type: "item"; requestId: number; item: unknown }
  | { protocol: typeof HARNESS_PROTOCOL; type: "itemChanged" }
  /** The advocate pressed Send on a draft: the harness's stand-in for Outlook's OnMessageSend event. */
  | { protocol: typeof HARNESS_PROTOCOL; type: "send"; requestId: number; text: string; conversationId: string };

export const SEND_CHECK_UNAVAILABLE = "The send check could not run, so this message was not checked or recorded. Send it anyway, or go back and try Send again in a moment.";

export type SendHandler = (draft: { readonly text: string; readonly conversationId: string | null }) => Promise<SendAnswer>;

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

function addr(v: unknown): Address {
  const o = (typeof v === "object" && v !== null ? v : {}) as Record<string, unknown>;
  return { name: str(o["name"]), address: str(o["address"]).toLowerCase() };
}

/** Reads an item from the other side of postMessage as untrusted data. */
export function parseItem(v: unknown): MailItem | null {
  if (typeof v !== "object" || v === null) return null;
  const o = v as Record<string, unknown>;
  const body = (typeof o["body"] === "object" && o["body"] !== null ? o["body"] : {}) as Record<string, unknown>;
  return {
    itemId: str(o["itemId"]),
    internetMessageId: str(o["internetMessageId"]),
    conversationId: str(o["conversationId"]),
    subject: str(o["subject"]),
    from: addr(o["from"]),
    to: Array.isArray(o["to"]) ? o["to"].map(addr) : [],
    cc: Array.isArray(o["cc"]) ? o["cc"].map(addr) : [],
    body: { type: body["type"] === "html" ? "html" : "text", content: str(body["content"]) },
    receivedAt: str(o["receivedAt"]),
    mailboxAddress: str(o["mailboxAddress"]).toLowerCase(),
    // the stand-in's messages all sit in a shared mailbox the advocate may act in, as Outlook reports one
    ...(str(o["mailboxAddress"]) ? { shared: { owner: str(o["mailboxAddress"]).toLowerCase(), canAct: o["readOnly"] !== true } } : {}),
  };
}

export class HarnessMailbox implements MailboxAdapter {
  readonly hostName = "Local harness";
  readonly isEmulator = true;
  clockOffsetMs = 0;
  private nextId = 1;
  private readonly pending = new Map<number, (item: MailItem | null) => void>();
  private readonly listeners = new Set<ItemListener>();

  private constructor(private readonly win: Window) {
    win.addEventListener("message", this.onMessage);
  }

  /** Connects to the harness page; resolves once it has answered, or rejects after `timeoutMs`. */
  static connect(win: Window = window, timeoutMs = 3000): Promise<HarnessMailbox> {
    const mailbox = new HarnessMailbox(win);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the harness page did not answer")), timeoutMs);
      mailbox.welcome = (offset) => {
        clearTimeout(timer);
        mailbox.clockOffsetMs = offset;
        resolve(mailbox);
      };
      mailbox.post({ protocol: HARNESS_PROTOCOL, type: "hello" });
    });
  }

  private welcome: ((offset: number) => void) | undefined;

  private post(message: PaneToHarness): void {
    this.win.parent.postMessage(message, this.win.location.origin);
  }

  private readonly onMessage = (event: MessageEvent): void => {
    if (event.origin !== this.win.location.origin || event.source !== this.win.parent) return;
    const data = event.data as Partial<HarnessToPane> | null;
    if (!data || data.protocol !== HARNESS_PROTOCOL) return;
    if (data.type === "welcome") {
      const offset = typeof data.clockOffsetMs === "number" && Number.isFinite(data.clockOffsetMs) ? data.clockOffsetMs : 0;
      this.welcome?.(offset);
      this.welcome = undefined;
    } else if (data.type === "item" && typeof data.requestId === "number") {
      const resolve = this.pending.get(data.requestId);
      this.pending.delete(data.requestId);
      resolve?.(parseItem(data.item));
    } else if (data.type === "itemChanged") {
      for (const l of this.listeners) l();
    } else if (data.type === "send" && typeof data.requestId === "number") {
      const requestId = data.requestId;
      const draft = { text: str(data.text).slice(0, 1_000_000), conversationId: str(data.conversationId) || null };
      // a check that could not run holds the message and says so; the advocate may still send it
      const held: SendAnswer = { allowEvent: false, promptUser: true, errorMessage: SEND_CHECK_UNAVAILABLE };
      const answer = this.sendHandler ? this.sendHandler(draft).catch((): SendAnswer => held) : Promise.resolve<SendAnswer>(held);
      void answer.then((a) => this.post({ protocol: HARNESS_PROTOCOL, type: "sendDecision", requestId, ...a }));
    }
  };

  private sendHandler: SendHandler | undefined;

  /** Registers the send check, as the manifest registers onMessageSendHandler with Outlook. */
  onSend(handler: SendHandler): void {
    this.sendHandler = handler;
  }

  readonly readItem = (): Promise<MailItem | null> =>
    new Promise((resolve) => {
      const requestId = this.nextId++;
      this.pending.set(requestId, resolve);
      this.post({ protocol: HARNESS_PROTOCOL, type: "getItem", requestId });
    });

  readonly reply = async (html: string, all: boolean): Promise<void> => {
    this.post({ protocol: HARNESS_PROTOCOL, type: "reply", html, all });
  };

  readonly forward = async (to: string, html: string): Promise<void> => {
    this.post({ protocol: HARNESS_PROTOCOL, type: "forward", to, html });
  };

  /** The harness selects the sample with this message id, as a click in its message list would. */
  readonly openMessage = async (ref: { readonly itemId?: string; readonly internetMessageId: string }): Promise<void> => {
    this.post({ protocol: HARNESS_PROTOCOL, type: "openMessage", internetMessageId: ref.internetMessageId });
  };

  /** The stand-in's Office theme: the pane's ?theme=dark (the harness page passes its own on). */
  readonly theme = (): { isDark: boolean } | null => {
    const t = new URLSearchParams(this.win.location.search).get("theme");
    return t === "dark" ? { isDark: true } : t === "light" ? { isDark: false } : null;
  };

  /** The harness shows read mode only; compose mode is Outlook's. */
  readonly isComposing = (): boolean => false;

  readonly insertAtCursor = async (): Promise<void> => {
    throw new Error("the harness has no compose mode");
  };

  readonly readDraftText = async (): Promise<string> => {
    throw new Error("the harness has no compose mode");
  };

  readonly onItemChanged = (listener: ItemListener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}
