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
  sharedMailbox?: string;
}

export interface FakeOffice {
  readonly office: OfficeApi;
  readonly stats: { inFlight: number; maxInFlight: number; calls: string[] };
  select(message: FakeMessage | null): void;
  compose(draft: FakeCompose): void;
  fireItemChanged(): void;
}

export function createFakeOffice(options: { requirementSets?: Record<string, string>; userEmail?: string; itemChangedSupported?: boolean } = {}): FakeOffice {
  const stats = { inFlight: 0, maxInFlight: 0, calls: [] as string[] };
  let handler: (() => void) | undefined;
  let current: FakeMessage | null = null;
  let composing: FakeCompose | null = null;
  const sets = options.requirementSets ?? { Mailbox: "1.8" };

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
          if (!m.sharedMailbox) later("getSharedPropertiesAsync", cb, {} as Office.SharedProperties, true);
          else later("getSharedPropertiesAsync", cb, { targetMailbox: m.sharedMailbox } as Office.SharedProperties);
        },
      };
    },
    userProfile: { emailAddress: options.userEmail ?? "advocate@plan.example" },
    addHandlerAsync: (_type: string, h: () => void, cb: (r: Office.AsyncResult<void>) => void) => {
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
      requirements: {
        isSetSupported: (name: string, version?: string) => {
          const have = sets[name];
          return have !== undefined && (version === undefined || Number(have) >= Number(version));
        },
      },
    },
    EventType: { ItemChanged: "olkItemSelectedChanged" },
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
  };
}
