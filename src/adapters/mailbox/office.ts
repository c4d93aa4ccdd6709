/**
 * The Outlook mailbox through office.js: reads the open message (subject, people, text body, time,
 * ids, the mailbox it came to) and listens for item changes while the pane is pinned. Every
 * asynchronous Office call goes through one SerialQueue.
 */
import { SerialQueue } from "./queue";
import type { Address, ItemListener, MailItem, MailboxAdapter } from "./types";

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
    let mailboxAddress = "";
    const requirements = office.context.requirements;
    if (typeof item.getSharedPropertiesAsync === "function" && requirements?.isSetSupported("Mailbox", "1.8")) {
      try {
        const shared = await this.queue.run(() =>
          asyncCall<Office.SharedProperties>((cb) => item.getSharedPropertiesAsync(cb), office),
        );
        mailboxAddress = (shared.targetMailbox ?? "").toLowerCase();
      } catch {
        // not a shared folder: fall back to the user's own mailbox below
      }
    }
    if (!mailboxAddress) mailboxAddress = (office.context.mailbox.userProfile?.emailAddress ?? "").toLowerCase();
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
      mailboxAddress,
    };
  };

  readonly reply = async (html: string, all: boolean): Promise<void> => {
    const item = this.office.context.mailbox.item as Office.MessageRead | null | undefined;
    if (!item) throw new Error("no open message");
    const open = all ? item.displayReplyAllForm : item.displayReplyForm;
    if (typeof open !== "function") throw new Error("this host cannot open a reply");
    open.call(item, html); // Mailbox 1.1: HTML on top of the reply
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
}
