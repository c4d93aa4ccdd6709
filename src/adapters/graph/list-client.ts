/**
 * The inquiries list through Microsoft Graph (`@microsoft/microsoft-graph-client`): find an item by
 * its message id (an indexed column, one request), create, update with If-Match on the item's
 * eTag. The client's own RetryHandler retries 429/503/504 after Retry-After; what still fails comes
 * back as a ListError with the status, so the caller can decide.
 */
import { Client, MiddlewareFactory, RetryHandler, RetryHandlerOptions, type AuthenticationProvider } from "@microsoft/microsoft-graph-client";
import { LIST_NAME, schemaProblems } from "../sharepoint/schema";
import { filterEq, filterParam, odataString, pathSegment } from "./odata";

export interface StoredItem {
  readonly id: string;
  readonly eTag: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface BatchOutcome {
  readonly status: number;
  readonly eTag: string;
  readonly retryAfterSeconds: number | null;
}

/** One page of list items as Graph returns it. */
type PageBody = { readonly value?: readonly unknown[]; readonly "@odata.nextLink"?: unknown };

export class ListError extends Error {
  override name = "ListError";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
  /** Worth trying again later: throttled, unavailable, or no answer at all. */
  get transient(): boolean {
    return this.status === 0 || this.status === 429 || this.status === 503 || this.status === 504 || this.status >= 500;
  }
}

export interface ListClientOptions {
  /** "https://graph.microsoft.com/" in production; the emulator's address in the harness and tests. */
  readonly baseUrl: string;
  readonly site: string;
  readonly list?: string;
  readonly authProvider: AuthenticationProvider;
}

function toListError(e: unknown): ListError {
  const raw = typeof (e as { statusCode?: unknown })?.statusCode === "number" ? (e as { statusCode: number }).statusCode : 0;
  const status = raw < 0 ? 0 : raw; // the Graph client's -1: no answer at all
  const code = (e as { code?: unknown })?.code;
  return new ListError(status, typeof code === "string" && code ? code : status ? `HTTP ${status}` : "no answer from the list");
}

/**
 * The longest Retry-After any one request waits (in the client's retries and in a batch round).
 * Longer, the request fails as throttled and its op waits in the outbox, so one answer cannot hold
 * the send loop (or a report) for minutes.
 */
export const MAX_RETRY_AFTER_SECONDS = 30;

/** Seconds a response's Retry-After asks for (delta-seconds or an HTTP date), or null without one. */
export function retryAfterSeconds(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const n = Number(value);
  if (Number.isFinite(n)) return Math.max(0, n);
  const t = Date.parse(value);
  return Number.isFinite(t) ? Math.max(0, (t - now) / 1000) : null;
}

const shouldRetry = (_delay: number, _attempt: number, _request: unknown, _options: unknown, response: Response) => {
  const wait = retryAfterSeconds(response?.headers?.get?.("Retry-After"));
  return wait === null || wait <= MAX_RETRY_AFTER_SECONDS;
};

/** A Graph client for the given base URL; the auth header goes to that host only; Retry-After capped. */
export function makeGraphClient(baseUrl: string, authProvider: AuthenticationProvider): Client {
  const middleware = MiddlewareFactory.getDefaultMiddlewareChain(authProvider).map((m) => (m instanceof RetryHandler ? new RetryHandler(new RetryHandlerOptions(3, 3, shouldRetry)) : m));
  return Client.initWithMiddleware({ middleware, baseUrl, defaultVersion: "v1.0", customHosts: new Set([new URL(baseUrl).hostname.toLowerCase()]) });
}

export class InquiryListClient {
  private readonly client: Client;
  private readonly itemsPath: string;
  private readonly columnsPath: string;
  private readonly versionRoot: string;

  constructor(options: ListClientOptions) {
    this.versionRoot = `${options.baseUrl.replace(/\/$/, "")}/v1.0`;
    this.client = makeGraphClient(options.baseUrl, options.authProvider);
    const listPath = `/sites/${pathSegment(options.site)}/lists/${pathSegment(options.list ?? LIST_NAME)}`;
    this.itemsPath = `${listPath}/items`;
    this.columnsPath = `${listPath}/columns`;
  }

  private static item(raw: unknown): StoredItem {
    const o = (raw ?? {}) as { id?: unknown; eTag?: unknown; "@odata.etag"?: unknown; fields?: unknown };
    return {
      id: String(o.id ?? ""),
      eTag: String(o.eTag ?? o["@odata.etag"] ?? ""),
      fields: (typeof o.fields === "object" && o.fields !== null ? o.fields : {}) as Record<string, unknown>,
    };
  }

  /** The item for a message id, or null: one request on an indexed column. */
  find(internetMessageId: string): Promise<StoredItem | null> {
    return this.findBy("InternetMessageId", internetMessageId);
  }

  /** The first item whose indexed column has this value, or null (one request). */
  async findBy(column: "InternetMessageId" | "ConfirmationNumber" | "ConversationId" | "AuditKey", value: string): Promise<StoredItem | null> {
    try {
      const res = (await this.client.api(this.itemsPath).expand("fields").filter(filterEq(column, value)).top(2).get()) as { value?: unknown[] };
      // the list compares exactly; a value that reached it altered would find another item, so check
      const first = res.value?.find((raw) => InquiryListClient.item(raw).fields[column] === value);
      return first ? InquiryListClient.item(first) : null;
    } catch (e) {
      throw toListError(e);
    }
  }

  /** A next-page link as a path the client resolves against its own base (it parses only https:// links itself). */
  private nextPath(link: string): string {
    return link.startsWith(this.versionRoot) ? link.slice(this.versionRoot.length) : link;
  }

  /** Collects a page and the pages after it (following @odata.nextLink), up to `limit` items. */
  private async collect(first: Promise<unknown> | PageBody, limit: number, out: StoredItem[] = []): Promise<StoredItem[]> {
    try {
      let page = (await first) as PageBody;
      for (;;) {
        for (const raw of page.value ?? []) out.push(InquiryListClient.item(raw));
        const next = typeof page["@odata.nextLink"] === "string" ? page["@odata.nextLink"] : null;
        if (!next || out.length >= limit) break;
        page = (await this.client.api(this.nextPath(next)).get()) as PageBody;
      }
    } catch (e) {
      throw e instanceof ListError ? e : toListError(e);
    }
    return out.slice(0, limit);
  }

  /**
   * Every item whose indexed column holds one of `values`: one $batch with a filtered query per
   * value, then the next pages of any that have more, up to `limit` items in all.
   */
  async findAll(column: "Status" | "Assignee", values: readonly string[], limit = 2000): Promise<StoredItem[]> {
    const pages: PageBody[] = [];
    for (let i = 0; i < values.length; i += 20) {
      const chunk = values.slice(i, i + 20);
      let res: { responses?: { id?: unknown; status?: unknown; body?: unknown }[] };
      try {
        res = (await this.client.api("/$batch").post({
          requests: chunk.map((v, n) => ({
            id: String(n),
            method: "GET",
            url: `${this.itemsPath}?$expand=fields&$top=500&$filter=${filterEq(column, v)}`,
          })),
        })) as typeof res;
      } catch (e) {
        throw toListError(e);
      }
      for (const r of res.responses ?? []) {
        const status = typeof r.status === "number" ? r.status : 0;
        if (status !== 200) throw new ListError(status, `HTTP ${status}`);
        pages.push((r.body ?? {}) as PageBody);
      }
    }
    const out: StoredItem[] = [];
    for (const page of pages) if (out.length < limit) await this.collect(page, limit, out);
    return out.slice(0, limit);
  }

  /** The items received in [from, to) (UTC ms): one range query on the indexed ReceivedAt column, then its pages. */
  receivedBetween(from: number, to: number, limit = 200_000): Promise<StoredItem[]> {
    const range = filterParam(`fields/ReceivedAt ge ${odataString(new Date(from).toISOString())} and fields/ReceivedAt lt ${odataString(new Date(to).toISOString())}`);
    return this.collect(this.client.api(this.itemsPath).expand("fields").filter(range).top(999).get() as Promise<unknown>, limit);
  }

  /** Every item of the list, page by page (for the reports and the audit, not the pane). */
  all(limit = 1_000_000): Promise<StoredItem[]> {
    return this.collect(this.client.api(this.itemsPath).expand("fields").top(999).get() as Promise<unknown>, limit);
  }

  async get(id: string): Promise<StoredItem> {
    try {
      return InquiryListClient.item(await this.client.api(`${this.itemsPath}/${pathSegment(id)}`).expand("fields").get());
    } catch (e) {
      throw toListError(e);
    }
  }

  /** Creates the item; a 409 (someone created it first) is answered with the existing item. */
  async create(fields: Record<string, unknown>): Promise<StoredItem> {
    try {
      return InquiryListClient.item(await this.client.api(this.itemsPath).post({ fields }));
    } catch (e) {
      const err = toListError(e);
      if (err.status === 409 && typeof fields["InternetMessageId"] === "string") {
        const existing = await this.find(fields["InternetMessageId"]);
        if (existing) return existing;
      }
      throw err;
    }
  }

  /** Updates the changed fields if the item is still at `eTag`; a ListError with status 412 if not. */
  async update(id: string, eTag: string, fields: Record<string, unknown>): Promise<string> {
    try {
      const res = (await this.client.api(`${this.itemsPath}/${pathSegment(id)}/fields`).header("If-Match", eTag).patch(fields)) as {
        "@odata.etag"?: unknown;
      };
      return String(res["@odata.etag"] ?? "");
    } catch (e) {
      throw toListError(e);
    }
  }

  /**
   * Several updates in Graph $batch requests of at most 20, each with its own If-Match. Returns each
   * update's own status (a 429 inside a 200 envelope included) with its new eTag or Retry-After.
   */
  async updateMany(updates: readonly { key: string; id: string; eTag: string; fields: Record<string, unknown> }[]): Promise<Map<string, BatchOutcome>> {
    const out = new Map<string, BatchOutcome>();
    for (let i = 0; i < updates.length; i += 20) {
      const chunk = updates.slice(i, i + 20);
      let res: { responses?: { id?: unknown; status?: unknown; headers?: Record<string, string>; body?: unknown }[] };
      try {
        res = (await this.client.api("/$batch").post({
          requests: chunk.map((u, n) => ({
            id: String(n),
            method: "PATCH",
            url: `${this.itemsPath}/${pathSegment(u.id)}/fields`,
            headers: { "If-Match": u.eTag, "Content-Type": "application/json" },
            body: u.fields,
          })),
        })) as typeof res;
      } catch (e) {
        throw toListError(e);
      }
      for (const r of res.responses ?? []) {
        const u = chunk[Number(r.id)];
        if (!u) continue;
        const status = typeof r.status === "number" ? r.status : 0;
        const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
        const body = (r.body ?? {}) as Record<string, unknown>;
        const retryAfter = Number(headers["retry-after"]);
        out.set(u.key, {
          status,
          eTag: typeof body["@odata.etag"] === "string" ? body["@odata.etag"] : headers["etag"] ?? "",
          retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : null,
        });
      }
      for (const u of chunk) if (!out.has(u.key)) out.set(u.key, { status: 0, eTag: "", retryAfterSeconds: null });
    }
    return out;
  }

  /** What the list lacks (missing, or columns missing or not indexed), each problem in words. */
  async schemaProblems(): Promise<string[]> {
    try {
      return schemaProblems(await this.client.api(this.columnsPath).get());
    } catch (e) {
      const err = toListError(e);
      if (err.status === 404) return schemaProblems(null);
      throw err;
    }
  }
}
