/**
 * What the pane needs from a mailbox, whatever the host: the open item, and word when it changes.
 * Outlook (office.ts) and the local harness (harness.ts) implement it; nothing else in the pane
 * knows which one it has.
 */

export interface Address {
  readonly name: string;
  readonly address: string;
}

export interface MailItem {
  /** Outlook's item id (REST/EWS form as the host gives it). */
  readonly itemId: string;
  readonly internetMessageId: string;
  readonly conversationId: string;
  readonly subject: string;
  readonly from: Address;
  readonly to: readonly Address[];
  readonly cc: readonly Address[];
  readonly body: { readonly type: "text" | "html"; readonly content: string };
  /** ISO 8601 with offset, or "" when the host gave none. */
  readonly receivedAt: string;
  /** The address of the mailbox the item is in: a shared mailbox's owner, else the user's own. */
  readonly mailboxAddress: string;
  /** Set when Outlook says the item is in a shared folder or shared mailbox (getSharedPropertiesAsync). */
  readonly shared?: SharedMailbox;
  /** The signed-in user's own address (Outlook's userProfile), when the host gives it. */
  readonly userAddress?: string;
}

export interface SharedMailbox {
  /** The shared mailbox's (or delegating owner's) address, lower case. */
  readonly owner: string;
  /** False when this user may read the mailbox but not write to it (no Write or EditAll permission). */
  readonly canAct: boolean;
}

/**
 * The addresses that decide an item's channel, in Microsoft's documented order: the shared
 * mailbox's owner (getSharedPropertiesAsync), then the recipients (the first that the settings
 * know wins), then the user's own mailbox.
 */
export function channelAddresses(item: Pick<MailItem, "shared" | "to" | "cc" | "mailboxAddress" | "userAddress">): string[] {
  const recipients = [...item.to.map((a) => a.address), ...item.cc.map((a) => a.address)];
  if (item.shared) return [item.shared.owner, ...recipients];
  return [...recipients, item.userAddress ?? item.mailboxAddress];
}

export type ItemListener = () => void;

export interface MailboxAdapter {
  /** "Outlook" or "Local harness": shown to the advocate so nobody mistakes the emulator for production. */
  readonly hostName: string;
  readonly isEmulator: boolean;
  /** The open item, or null when none is selected (or the pane is in compose mode). */
  readonly readItem: () => Promise<MailItem | null>;
  /** Called on every item change while the pane is pinned. Returns an unsubscribe function. */
  readonly onItemChanged: (listener: ItemListener) => () => void;
  /** Milliseconds to add to Date.now(): the harness can freeze its clock for tests and demos. */
  readonly clockOffsetMs: number;
  /** Opens a reply (or reply-all) to the open message with this HTML on top. */
  readonly reply: (html: string, all: boolean) => Promise<void>;
  /**
   * Opens a new message to `to` with the open message attached and this HTML on top: the hand-off
   * to the A&G coordinator or clinical staff. The advocate sends it. Absent: the host cannot.
   */
  readonly forward?: (to: string, html: string) => Promise<void>;
  /** Opens the message with this Outlook item id (or, in the harness, this internet message id). */
  readonly openMessage?: (ref: { readonly itemId?: string; readonly internetMessageId: string }) => Promise<void>;
  /** True when the pane is beside a message being written (compose mode). */
  readonly isComposing: () => boolean;
  /** Compose mode: puts the text at the cursor, as HTML or plain text to match the draft. */
  readonly insertAtCursor: (html: string, text: string) => Promise<void>;
  /** Compose mode: the draft's text so far. */
  readonly readDraftText: () => Promise<string>;
  /** Office's theme as the host reports it (Outlook: Mailbox 1.14), or null when it does not. */
  readonly theme?: () => HostTheme | null;
  /** Called when the advocate changes Office's theme (OfficeThemeChanged). Returns an unsubscribe function. */
  readonly onThemeChanged?: (listener: () => void) => () => void;
}

/** What the pane needs of Office's theme: dark or not (high contrast comes from the system's forced colours). */
export interface HostTheme {
  readonly isDark: boolean;
}

/** What the send check answers (OnMessageSend), as Outlook's event.completed takes it. */
export interface SendAnswer {
  readonly allowEvent: boolean;
  readonly errorMessage?: string;
  /** Offer "Send anyway" (Mailbox 1.14); without it the alert only lets the advocate go back and edit. */
  readonly promptUser?: boolean;
}
