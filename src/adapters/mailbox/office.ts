/**
 * The Outlook mailbox through office.js: reads the open message (subject, people, text body, time,
 * ids, the mailbox it came to) and listens for item changes while the pane is pinned. Every
 * asynchronous Office call goes through one SerialQueue.
 */
import { SerialQueue } from "./queue";
import type { Address, HostTheme, ItemListener, MailItem, MailboxAdapter, SharedMailbox } from "./types";

/** The part of the Office global this adapter uses; tests pass a fake with the same shape. */
export type OfficeApi = Pick<typeof Office, "context" | "EventType" | "CoercionType" | "AsyncResultStatus">;

function toAddress(d: Office.EmailAddressDetails | undefined | null): Address {
  return { name: d?.displayName ?? "", address: (d?.emailAddress ?? "").toLowerCase() };
}

function asyncCall<T>(start: (callback: (r: Office.AsyncResult<T>) => void) => void, office: OfficeApi): Promise<T> {
  return new Promise((resolve, reject) => {
    try {
      start((r) => {
        if (r.status === office.AsyncResultStatus.Succeeded) resolve(r.value);
        else reject(new Error(`Outlook could not complete the request (${r.error?.code ?? "unknown"})`));
      });
    } catch (e) {
      reject(e instanceof Error ? e : new Error("Outlook call failed"));
    }
  });
}

/** DelegatePermissions is a bitmask: Read 1, Write 2, DeleteOwn 4, DeleteAll 8, EditOwn 16, EditAll 32. */
const WRITE = 2;
const EDIT_ALL = 32;

/** Acting on a shared mailbox's mail (replying from it, moving it along) needs Write or EditAll. */
export function canAct(delegatePermissions: number): boolean {
  return (delegatePermissions & (WRITE | EDIT_ALL)) !== 0;
}

function isoWithOffset(d: Date | undefined): string {
  if (!d || Number.isNaN(d.getTime())) return "";
  return d.toISOString();
}

export class OfficeMailbox implements MailboxAdapter {
  readonly hostName = "Outlook";
  readonly isEmulator = false;
  readonly clockOffsetMs = 0;
  private readonly queue = new SerialQueue();
  private readonly listeners = new Set<ItemListener>();
  private subscribed = false;

  constructor(private readonly office: OfficeApi) {}

  readonly readItem = async (): Promise<MailItem | null> => {
    const office = this.office;
    const item = office.context.mailbox.item as Office.MessageRead | null | undefined;
    if (!item || typeof item.subject !== "string") return null; // nothing selected, or compose mode
    const body = await this.queue.run(() =>
      asyncCall<string>((cb) => item.body.getAsync(office.CoercionType.Text, cb), office),
    );
    const own = (office.context.mailbox.userProfile?.emailAddress ?? "").toLowerCase();
    const shared = await this.sharedProperties(item);
    return {
      itemId: item.itemId ?? "",
      internetMessageId: item.internetMessageId ?? "",
      conversationId: item.conversationId ?? "",
      subject: item.subject ?? "",
      from: toAddress(item.from),
      to: (item.to ?? []).map(toAddress),
      cc: (item.cc ?? []).map(toAddress),
      body: { type: "text", content: body ?? "" },
      receivedAt: isoWithOffset(item.dateTimeCreated),
      mailboxAddress: shared?.owner || own,
      ...(shared ? { shared } : {}),
      userAddress: own,
    };
  };

  /**
   * The shared folder or shared mailbox the item is in (its owner's address and whether this user
   * may act in it), or null when it is in the user's own mailbox. getSharedPropertiesAsync is
   * Mailbox 1.8 for shared folders (delegate access) and 1.13 for shared mailboxes; it fails for an
   * item in the user's own mailbox, and for a shared mailbox opened as its own account (web "Open
   * another mailbox", a promoted account in new Outlook), where the recipients then decide.
   * `targetMailbox` is a client-dependent location for REST calls, never an address: not used.
   */
  private async sharedProperties(item: Office.MessageRead): Promise<SharedMailbox | null> {
    const office = this.office;
    if (typeof item.getSharedPropertiesAsync !== "function" || !office.context.requirements?.isSetSupported("Mailbox", "1.8")) return null;
    try {
      const props = await this.queue.run(() => asyncCall<Office.SharedProperties>((cb) => item.getSharedPropertiesAsync(cb), office));
      const owner = (props?.owner ?? "").trim().toLowerCase();
      if (!owner) return null;
      return { owner, canAct: canAct(Number(props.delegatePermissions ?? 0)) };
    } catch {
      return null; // not in a shared folder or shared mailbox
    }
  }

  readonly reply = async (html: string, all: boolean): Promise<void> => {
    const item = this.office.context.mailbox.item as Office.MessageRead | null | undefined;
    if (!item) throw new Error("no open message");
    const open = all ? item.displayReplyAllForm : item.displayReplyForm;
    if (typeof open !== "function") throw new Error("this host cannot open a reply");
    open.call(item, html); // Mailbox 1.1: HTML on top of the reply
  };

  /** Mailbox 1.1 displayNewMessageForm; the open message goes along as an item attachment. */
  readonly forward = async (to: string, html: string): Promise<void> => {
    const mailbox = this.office.context.mailbox;
    const item = mailbox.item as Office.MessageRead | null | undefined;
    if (!item || typeof mailbox.displayNewMessageForm !== "function") throw new Error("this host cannot open a new message");
    const subject = typeof item.subject === "string" ? item.subject : "";
    mailbox.displayNewMessageForm({
      toRecipients: to ? [to] : [],
      subject: `FW: ${subject}`.slice(0, 255),
      htmlBody: html,
      ...(item.itemId ? { attachments: [{ type: "item", itemId: item.itemId, name: subject.slice(0, 255) || "Message" }] } : {}),
    });
  };

  /** Mailbox 1.1 displayMessageForm, with the EWS item id stored when the email was taken in. */
  readonly openMessage = async (ref: { readonly itemId?: string; readonly internetMessageId: string }): Promise<void> => {
    const mailbox = this.office.context.mailbox;
    if (!ref.itemId) throw new Error("no item id was stored for this email");
    if (typeof mailbox.displayMessageForm !== "function") throw new Error("this host cannot open a message");
    mailbox.displayMessageForm(ref.itemId);
  };

  private composeItem(): Office.MessageCompose | null {
    const item = this.office.context.mailbox.item as unknown as { subject?: unknown } | null | undefined;
    return item && typeof item.subject === "object" && item.subject !== null ? (item as unknown as Office.MessageCompose) : null;
  }

  readonly isComposing = (): boolean => this.composeItem() !== null;

  /** Compose mode: the conversation the draft belongs to (a reply's), or null for a new message. */
  readonly draftConversationId = (): string | null => {
    const id = (this.composeItem() as unknown as { conversationId?: unknown } | null)?.conversationId;
    return typeof id === "string" && id ? id : null;
  };

  readonly insertAtCursor = async (html: string, text: string): Promise<void> => {
    const item = this.composeItem();
    if (!item) throw new Error("not composing");
    const office = this.office;
    const type = await this.queue.run(() => asyncCall<Office.CoercionType>((cb) => item.body.getTypeAsync(cb), office));
    const asHtml = String(type) === String(office.CoercionType.Html);
    await this.queue.run(() =>
      asyncCall<void>((cb) => item.body.setSelectedDataAsync(asHtml ? html : text, { coercionType: asHtml ? office.CoercionType.Html : office.CoercionType.Text }, cb), office),
    );
  };

  readonly readDraftText = async (): Promise<string> => {
    const item = this.composeItem();
    if (!item) throw new Error("not composing");
    const office = this.office;
    return this.queue.run(() => asyncCall<string>((cb) => item.body.getAsync(office.CoercionType.Text, cb), office));
  };

  readonly onItemChanged = (listener: ItemListener): (() => void) => {
    this.listeners.add(listener);
    if (!this.subscribed) {
      this.subscribed = true;
      const office = this.office;
      void this.queue
        .run(() =>
          asyncCall<void>(
            (cb) =>
              office.context.mailbox.addHandlerAsync(
                office.EventType.ItemChanged,
                () => {
                  for (const l of this.listeners) l();
                },
                cb,
              ),
            office,
          ),
        )
        .catch(() => {
          // hosts without ItemChanged (not pinnable) simply reopen the pane per item
        });
    }
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Office's theme (Office.context.officeTheme, Mailbox 1.14 in Outlook). */
  readonly theme = (): HostTheme | null => {
    const ctx = this.office.context as { officeTheme?: { isDarkTheme?: unknown; bodyBackgroundColor?: unknown } };
    if (!this.office.context.requirements?.isSetSupported("Mailbox", "1.14") || !ctx.officeTheme) return null;
    const t = ctx.officeTheme;
    if (typeof t.isDarkTheme === "boolean") return { isDark: t.isDarkTheme };
    return null;
  };

  private readonly themeListeners = new Set<() => void>();
  private themeSubscribed = false;

  readonly onThemeChanged = (listener: () => void): (() => void) => {
    this.themeListeners.add(listener);
    const office = this.office;
    const type = (office.EventType as unknown as Record<string, string | undefined>)["OfficeThemeChanged"];
    if (!this.themeSubscribed && type && office.context.requirements?.isSetSupported("Mailbox", "1.14")) {
      this.themeSubscribed = true;
      void this.queue
        .run(() =>
          asyncCall<void>(
            (cb) =>
              office.context.mailbox.addHandlerAsync(
                type as unknown as Office.EventType,
                () => {
                  for (const l of this.themeListeners) l();
                },
                cb,
              ),
            office,
          ),
        )
        .catch(() => {
          // the theme then stays as the pane opened
        });
    }
    return () => {
      this.themeListeners.delete(listener);
    };
  };
}
