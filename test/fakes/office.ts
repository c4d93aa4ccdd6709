/**
 * A typed fake of the part of the Office global the Outlook adapter uses. Each asynchronous call
 * completes on a later tick, and the fake records how many were in flight at once, so a test can
 * hold the adapter to "one Office call at a time".
 */
import type { OfficeApi } from "../../src/adapters/mailbox/office";

export interface FakeCompose {
  bodyType: "html" | "text";
  draft: string;
  inserted: { data: string; coercion: string }[];
}

export interface FakeMessage {
  subject?: string;
  from?: { displayName: string; emailAddress: string };
  to?: { displayName: string; emailAddress: string }[];
  cc?: { displayName: string; emailAddress: string }[];
  body?: string;
  bodyFails?: boolean;
  internetMessageId?: string;
  conversationId?: string;
  itemId?: string;
  dateTimeCreated?: Date;
  /**
   * What getSharedPropertiesAsync answers for this item, as the Outlook client gives it; absent, the
   * call fails as Outlook's does for an item in the user's own mailbox. Use one of OUTLOOK_CLIENTS.
   */
  shared?: { owner: string; targetMailbox: string; delegatePermissions: number; targetRestUrl?: string };
}

/** DelegatePermissions bits (Office.MailboxEnums.DelegatePermissions). */
export const PERMISSIONS = { Read: 1, Write: 2, DeleteOwn: 4, DeleteAll: 8, EditOwn: 16, EditAll: 32 } as const;
const FULL_ACCESS = PERMISSIONS.Read | PERMISSIONS.Write | PERMISSIONS.DeleteOwn | PERMISSIONS.DeleteAll | PERMISSIONS.EditOwn | PERMISSIONS.EditAll;

/**
 * How each Outlook client describes an item in a shared mailbox, after Microsoft's SharedProperties
 * reference and its shared-folders article: `owner` is the mailbox's SMTP address (in the case the
 * directory holds it), `targetMailbox` is a client-dependent location for REST calls (not an
 * address to match), and a shared mailbox opened as its own account (Outlook on the web's "Open
 * another mailbox" in its own tab, a promoted account in new Outlook) has no shared properties at
 * all: the call fails, and userProfile is the signed-in advocate.
 */
export const OUTLOOK_CLIENTS = {
  /** Outlook on the web (same tab) and new Outlook (not promoted): shared folder of the mailbox. */
  web: (owner: string, delegatePermissions: number = FULL_ACCESS) => ({
    owner,
    targetMailbox: `${owner.split("@")[0]!.toUpperCase()}-mbx-00000000-0000-0000-0000-0000000000ab@plan.onmicrosoft.test`,
    targetRestUrl: "https://outlook.office.com/api",
    delegatePermissions,
  }),
  /** Classic Outlook on Windows (automapped shared mailbox). */
  classicWindows: (owner: string, delegatePermissions: number = FULL_ACCESS) => ({
    owner,
    targetMailbox: "AAMkADQ5ZmYwMTc0LTJhYzUtNDk4Mi04NTFlLWU0NjA2ZTk0MDk3ZQAuAAAAAAD4",
    targetRestUrl: "https://outlook.office.com/api",
    delegatePermissions,
  }),
  /** Outlook on Mac. */
  mac: (owner: string, delegatePermissions: number = FULL_ACCESS) => ({ owner, targetMailbox: owner, targetRestUrl: "https://outlook.office.com/api", delegatePermissions }),
} as const;

export interface FakeOffice {
  readonly office: OfficeApi;
  readonly stats: { inFlight: number; maxInFlight: number; calls: string[] };
  select(message: FakeMessage | null): void;
  compose(draft: FakeCompose): void;
  fireItemChanged(): void;
  /** Outlook's theme changes (OfficeThemeChanged, Mailbox 1.14). */
  setTheme(theme: { isDarkTheme: boolean }): void;
}

export function createFakeOffice(
  options: { requirementSets?: Record<string, string>; userEmail?: string; itemChangedSupported?: boolean; officeTheme?: { isDarkTheme: boolean } } = {},
): FakeOffice {
  const stats = { inFlight: 0, maxInFlight: 0, calls: [] as string[] };
  let handler: (() => void) | undefined;
  let themeHandler: (() => void) | undefined;
  let current: FakeMessage | null = null;
  let composing: FakeCompose | null = null;
  const sets = options.requirementSets ?? { Mailbox: "1.13" };

  const later = <T>(name: string, callback: (r: Office.AsyncResult<T>) => void, value: T, fail = false) => {
    stats.calls.push(name);
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    setTimeout(() => {
      stats.inFlight--;
      callback({
        status: (fail ? "failed" : "succeeded") as unknown as Office.AsyncResultStatus,
        value,
        error: fail ? ({ code: 9002, name: "InternalError", message: "fake failure" } as Office.Error) : (undefined as unknown as Office.Error),
        asyncContext: undefined,
        diagnostics: undefined,
      } as Office.AsyncResult<T>);
    }, 2);
  };

  const mailbox = {
    get item() {
      if (composing) {
        const c = composing;
        return {
          subject: { getAsync: () => undefined },
          body: {
            getTypeAsync: (cb: (r: Office.AsyncResult<string>) => void) => later("body.getTypeAsync", cb, c.bodyType),
            getAsync: (coercion: string, cb: (r: Office.AsyncResult<string>) => void) => later(`body.getAsync:${coercion}`, cb, c.draft),
            setSelectedDataAsync: (data: string, opts: { coercionType: string }, cb: (r: Office.AsyncResult<void>) => void) => {
              c.inserted.push({ data, coercion: opts.coercionType });
              later("body.setSelectedDataAsync", cb, undefined);
            },
          },
        };
      }
      if (!current) return null;
      const m = current;
      return {
        subject: m.subject ?? "",
        from: m.from,
        to: m.to ?? [],
        cc: m.cc ?? [],
        internetMessageId: m.internetMessageId ?? "<fake@example.test>",
        conversationId: m.conversationId ?? "conv",
        itemId: m.itemId ?? "item",
        dateTimeCreated: m.dateTimeCreated ?? new Date("2026-03-04T16:00:00Z"),
        body: {
          getAsync: (coercion: string, cb: (r: Office.AsyncResult<string>) => void) =>
            later(`body.getAsync:${coercion}`, cb, m.body ?? "", m.bodyFails === true),
        },
        getSharedPropertiesAsync: (cb: (r: Office.AsyncResult<Office.SharedProperties>) => void) => {
          if (!m.shared) later("getSharedPropertiesAsync", cb, undefined as unknown as Office.SharedProperties, true);
          else later("getSharedPropertiesAsync", cb, { ...m.shared } as unknown as Office.SharedProperties);
        },
      };
    },
    userProfile: { emailAddress: options.userEmail ?? "advocate@plan.example" },
    addHandlerAsync: (type: string, h: () => void, cb: (r: Office.AsyncResult<void>) => void) => {
      if (type === "officeThemeChanged") {
        themeHandler = h;
        later("addHandlerAsync:theme", cb, undefined);
        return;
      }
      if (options.itemChangedSupported === false) {
        later("addHandlerAsync", cb, undefined, true);
        return;
      }
      handler = h;
      later("addHandlerAsync", cb, undefined);
    },
  };

  const office = {
    context: {
      mailbox,
      ...(options.officeTheme ? { officeTheme: options.officeTheme } : {}),
      requirements: {
        isSetSupported: (name: string, version?: string) => {
          const have = sets[name];
          if (have === undefined) return false;
          if (version === undefined) return true;
          // requirement-set versions compare part by part: 1.13 is after 1.8
          const [a1 = 0, a2 = 0] = have.split(".").map(Number);
          const [b1 = 0, b2 = 0] = version.split(".").map(Number);
          return a1 > b1 || (a1 === b1 && a2 >= b2);
        },
      },
    },
    EventType: { ItemChanged: "olkItemSelectedChanged", OfficeThemeChanged: "officeThemeChanged" },
    CoercionType: { Text: "text", Html: "html" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  } as unknown as OfficeApi;

  return {
    office,
    stats,
    select: (m) => {
      current = m;
      composing = null;
    },
    compose: (c) => {
      composing = c;
    },
    fireItemChanged: () => handler?.(),
    setTheme: (theme) => {
      (office.context as unknown as { officeTheme: { isDarkTheme: boolean } }).officeTheme = theme;
      themeHandler?.();
    },
  };
}
