/**
 * A local stand-in for the SharePoint list endpoints of Microsoft Graph, faithful where the product
 * depends on them: eTags and 412 on If-Match, filters only on indexed columns (and the error for a
 * non-indexed one past the 5,000-item view threshold), paging with @odata.nextLink, $batch with its
 * 20-request limit and per-request statuses (a 429 inside a 200 envelope), unique columns, and 429,
 * 503 and dropped connections on demand from a seeded random source. It is HTTP-agnostic: the
 * harness server and the tests hand it requests.
 *
 * As strict as Graph where the product relies on it (docs/emulator-fidelity.md lists each rule and
 * the Microsoft page it follows): columns have ids and are addressed by id (`columns/{column-id}`),
 * single-line text holds at most its maxLength (255), dateTime values come back in UTC with `Z`,
 * text compares case-insensitively (filters and unique columns) while field names must match a
 * column exactly, and a field the list does not have is refused.
 */

import { seededRandom } from "../../domain/random";
import { TimeZone } from "../../domain/calendar/zone";
import { CamlError, evaluate, parseCaml } from "./caml";

export interface ColumnDef {
  /** Graph's columnDefinition id (a GUID); the address of `columns/{column-id}`. */
  id: string;
  name: string;
  indexed: boolean;
  enforceUniqueValues: boolean;
  [kind: string]: unknown;
}

interface Item {
  id: string;
  guid: string;
  version: number;
  created: string;
  modified: string;
  fields: Record<string, unknown>;
}

export interface ViewDef {
  Title: string;
  ViewQuery: string;
  CustomFormatter: string;
  RowLimit: number;
  fields: string[];
}

interface List {
  id: string;
  displayName: string;
  columns: ColumnDef[];
  items: Item[];
  byId: Map<string, Item>;
  nextId: number;
  views: ViewDef[];
  /**
   * Per column, the items by their value as SharePoint compares it (equalityKey), in list order:
   * built on the first lookup of a column, kept up to date on insert, dropped on any other change.
   * An eq filter or a unique-value check then reads a few candidates, not every item.
   */
  byValue?: Map<string, Map<string, Item[]>>;
}

export interface Snapshot {
  lists: { id: string; displayName: string; columns: ColumnDef[]; items: Item[]; nextId: number; views?: ViewDef[] }[];
}

export interface Faults {
  /** Chance (0–1) of each kind of failure per request. */
  rate429: number;
  rate503: number;
  rateDrop: number;
  /** Seconds in Retry-After. */
  retryAfter: number;
  seed: number;
}

export interface EmuRequest {
  method: string;
  /** Path and query after the version segment, e.g. /sites/x/lists/y/items?$top=5 */
  url: string;
  headers: Record<string, string | undefined>;
  body?: unknown;
}

export interface EmuResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  /** Drop the connection: before (nothing done) or after (done, answer lost) the work. */
  drop?: "before" | "after";
}

const json = (status: number, body?: unknown, headers: Record<string, string> = {}): EmuResponse => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  ...(body === undefined ? {} : { body }),
});
const error = (status: number, code: string, message: string) => json(status, { error: { code, message } });

/** A stable GUID-shaped id for a list's column (Graph's column ids are GUIDs). */
function columnId(listId: string, name: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const ch of `${listId}/${name}`) {
    h1 = Math.imul(h1 ^ ch.charCodeAt(0), 16777619) >>> 0;
    h2 = Math.imul(h2 + ch.charCodeAt(0), 2246822519) >>> 0;
  }
  const hex = (h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0")).repeat(2);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Fields every list item has that a client may write (the rest of the built-ins are read-only). */
const WRITABLE_BUILT_INS = new Set(["Title"]);
/** Built-in fields Graph returns and ignores when sent back. */
const READ_ONLY_BUILT_INS = new Set(["id", "ID", "Created", "Modified", "AuthorLookupId", "EditorLookupId", "ContentType", "Attachments", "Edit", "LinkTitle", "LinkTitleNoMenu", "ItemChildCount", "FolderChildCount", "_UIVersionString"]);

/**
 * Text compares as SharePoint compares it: without regard to case (accents still count). ASCII is
 * folded in place, anything else through toLowerCase, so a lookup over a large list stays cheap
 * (a locale-aware comparison per item made the 10,000-id property test take minutes).
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== "string" || typeof b !== "string") return a === b;
  if (a === b) return true;
  if (a.length === b.length) {
    for (let i = 0; i < a.length; i++) {
      let x = a.charCodeAt(i);
      let y = b.charCodeAt(i);
      if (x === y) continue;
      if (x >= 128 || y >= 128) return a.toLowerCase() === b.toLowerCase();
      if (x >= 65 && x <= 90) x += 32;
      if (y >= 65 && y <= 90) y += 32;
      if (x !== y) return false;
    }
    return true;
  }
  // a different length can still be the same text only where a letter's lower case is longer
  return /[^\x00-\x7f]/.test(a) || /[^\x00-\x7f]/.test(b) ? a.toLowerCase() === b.toLowerCase() : false;
}

/** A literal of a $filter clause: 'text' (with '' for a quote), true, false or a number. */
function filterValue(raw: string): unknown {
  return raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw === "true" ? true : raw === "false" ? false : Number(raw);
}

/** A value's key in a column's index: two values sameValue calls equal always share it. */
function equalityKey(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === "string" ? `s${v.toLowerCase()}` : `${typeof v}${String(v)}`;
}

/** The items of `list` whose `column` may equal `value` (checked with sameValue by the caller), in list order. */
function candidates(list: List, column: string, value: unknown): readonly Item[] {
  const key = equalityKey(value);
  if (key === null) return [];
  list.byValue ??= new Map();
  let index = list.byValue.get(column);
  if (!index) {
    index = new Map();
    for (const item of list.items) {
      const k = equalityKey(item.fields[column]);
      if (k !== null) (index.get(k) ?? index.set(k, []).get(k)!).push(item);
    }
    list.byValue.set(column, index);
  }
  return index.get(key) ?? [];
}

/** Graph's form of a dateTime value: UTC, whole seconds, `Z` (as written it may carry any offset). */
function utc(value: string): string | null {
  const t = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}(T|$)/.test(value) || Number.isNaN(t)) return null;
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export class SharePointEmulator {
  private readonly lists = new Map<string, List>();
  private faults: Faults = { rate429: 0, rate503: 0, rateDrop: 0, retryAfter: 1, seed: 1 };
  private rand: () => number = seededRandom(1);
  /** Requests answered (batch envelopes and their parts counted apart), for the bench. */
  readonly counts = { requests: 0, batches: 0, batchParts: 0, throttled: 0, unavailable: 0, dropped: 0, preconditionFailed: 0 };
  private listeners: (() => void)[] = [];

  /** Messages sent through /me/sendMail or /users/{id}/sendMail, newest last (never sent anywhere). */
  readonly sentMail: unknown[] = [];
  /** The site's clock and regional time zone, for the views' [Today] and [Now]. */
  private clock: () => number = () => Date.now();
  private zone: TimeZone = TimeZone.of("America/Chicago");

  constructor(
    readonly viewThreshold = 5000,
    snapshot?: Snapshot,
  ) {
    for (const l of snapshot?.lists ?? []) {
      // a list saved before columns had ids gets them now
      const columns = l.columns.map((c) => (typeof c.id === "string" && c.id ? c : { ...c, id: columnId(l.id, c.name) }));
      const list: List = { ...l, columns, views: l.views ?? [], byId: new Map(l.items.map((i) => [i.id, i])) };
      this.lists.set(l.id, list);
    }
  }

  /** Sets the site's clock (a test's report time) and its regional time zone. */
  setClock(clock: () => number, timeZone?: string): void {
    this.clock = clock;
    if (timeZone) this.zone = TimeZone.of(timeZone);
  }

  setFaults(f: Partial<Faults>): void {
    this.faults = { ...this.faults, ...f };
    this.rand = seededRandom(this.faults.seed);
  }

  /** Called after every change (the server saves to disk). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  snapshot(): Snapshot {
    return {
      lists: [...this.lists.values()].map((l) => ({ id: l.id, displayName: l.displayName, columns: l.columns, items: l.items, nextId: l.nextId, views: l.views })),
    };
  }

  private findList(key: string): List | undefined {
    const decoded = decodeURIComponent(key);
    return this.lists.get(decoded) ?? [...this.lists.values()].find((l) => l.displayName.toLowerCase() === decoded.toLowerCase());
  }

  /** Adds many items at once (for tests and the bench: a 100,000-item list). */
  seed(listKey: string, count: number, make: (i: number) => Record<string, unknown>): void {
    const list = this.findList(listKey);
    if (!list) throw new Error(`no list ${listKey}`);
    // seeded items are held to the same rules as created ones (known fields, text limits, UTC dates)
    for (let i = 0; i < count; i++) {
      const checked = this.checkFields(list, make(i));
      if ("problem" in checked) throw new Error(`seed item ${i}: ${JSON.stringify(checked.problem.body)}`);
      this.insert(list, checked.fields);
    }
  }

  private insert(list: List, fields: Record<string, unknown>): Item {
    const id = String(list.nextId++);
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    const item: Item = { id, guid: `${list.id.slice(0, 8)}-${id.padStart(8, "0")}`, version: 1, created: now, modified: now, fields: { ...fields } };
    list.items.push(item);
    list.byId.set(id, item);
    for (const [column, index] of list.byValue ?? []) {
      const k = equalityKey(item.fields[column]);
      if (k !== null) (index.get(k) ?? index.set(k, []).get(k)!).push(item);
    }
    return item;
  }

  private etag(item: Item): string {
    return `"${item.guid},${item.version}"`;
  }

  private itemJson(item: Item): Record<string, unknown> {
    return {
      id: item.id,
      "@odata.etag": this.etag(item),
      eTag: this.etag(item),
      createdDateTime: item.created,
      lastModifiedDateTime: item.modified,
      fields: { "@odata.etag": this.etag(item), id: item.id, ...item.fields },
    };
  }

  /** Answers one request, with faults drawn first. */
  handle(req: EmuRequest, base = "http://localhost/graph/v1.0"): EmuResponse {
    this.counts.requests++;
    const f = this.faults;
    const r = this.rand();
    if (r < f.rate429) this.counts.throttled++;
    else if (r < f.rate429 + f.rate503) this.counts.unavailable++;
    else if (r < f.rate429 + f.rate503 + f.rateDrop) this.counts.dropped++;
    if (r < f.rate429) return json(429, { error: { code: "tooManyRequests", message: "Too many requests" } }, { "retry-after": String(f.retryAfter) });
    if (r < f.rate429 + f.rate503) return json(503, { error: { code: "serviceNotAvailable", message: "Service unavailable" } }, { "retry-after": String(f.retryAfter) });
    if (r < f.rate429 + f.rate503 + f.rateDrop) {
      if (this.rand() < 0.5) return { status: 0, headers: {}, drop: "before" };
      const done = this.route(req, base);
      return { ...done, drop: "after" };
    }
    return this.route(req, base);
  }

  private route(req: EmuRequest, base: string): EmuResponse {
    let url: URL;
    try {
      url = new URL(req.url, "http://emulator");
    } catch {
      return error(400, "invalidRequest", "Malformed URL");
    }
    const parts = url.pathname.split("/").filter(Boolean);
    const method = req.method.toUpperCase();
    if (parts[0] === "$batch" && method === "POST") return this.batch(req, base);
    if (method === "POST" && ((parts[0] === "me" && parts[1] === "sendMail" && parts.length === 2) || (parts[0] === "users" && parts[2] === "sendMail" && parts.length === 3))) {
      const message = (req.body as { message?: { toRecipients?: unknown[] } } | undefined)?.message;
      if (!message || !Array.isArray(message.toRecipients) || message.toRecipients.length === 0) return error(400, "ErrorInvalidRecipients", "At least one recipient is required");
      this.sentMail.push(req.body);
      return { status: 202, headers: {} };
    }
    if (parts[0] !== "sites" || !parts[1]) return error(404, "itemNotFound", "Not found");
    const site = decodeURIComponent(parts[1]);
    if (parts.length === 2 && method === "GET") return json(200, { id: site, displayName: site });
    if (parts[2] !== "lists") return error(404, "itemNotFound", "Not found");
    if (parts.length === 3) {
      if (method === "POST") return this.createList(req.body);
      if (method === "GET") return json(200, { value: [...this.lists.values()].map((l) => ({ id: l.id, displayName: l.displayName })) });
    }
    const list = this.findList(parts[3]!);
    if (!list) return error(404, "itemNotFound", `The list "${decodeURIComponent(parts[3]!)}" does not exist`);
    if (parts.length === 4 && method === "GET") return json(200, { id: list.id, displayName: list.displayName, list: { template: "genericList" } });
    if (parts[4] === "columns") return this.columns(list, method, parts[5], req.body);
    if (parts[4] !== "items") return error(404, "itemNotFound", "Not found");
    if (parts.length === 5) {
      if (method === "GET") return this.listItems(list, url, req.headers, base);
      if (method === "POST") return this.createItem(list, req.body);
    }
    const item = list.byId.get(parts[5] ?? "");
    if (!item) return error(404, "itemNotFound", "The item does not exist");
    if (parts.length === 6 && method === "GET") return json(200, this.itemJson(item), { etag: this.etag(item) });
    if (parts.length === 6 && method === "DELETE") {
      list.items.splice(list.items.indexOf(item), 1);
      list.byId.delete(item.id);
      delete list.byValue;
      this.changed();
      return { status: 204, headers: {} };
    }
    if (parts[6] === "fields" && method === "PATCH") return this.patchFields(list, item, req);
    if (parts[6] === "fields" && method === "GET") return json(200, this.itemJson(item)["fields"], { etag: this.etag(item) });
    return error(405, "invalidRequest", "Method not allowed");
  }

  private createList(body: unknown): EmuResponse {
    const b = (body ?? {}) as { displayName?: unknown; columns?: unknown };
    if (typeof b.displayName !== "string" || !b.displayName) return error(400, "invalidRequest", "displayName is required");
    if (this.findList(b.displayName)) return error(409, "nameAlreadyExists", "A list with that name exists");
    const id = `list-${this.lists.size + 1}-${b.displayName.replace(/\W+/g, "").toLowerCase()}`;
    const columns = Array.isArray(b.columns) ? b.columns.map((c) => this.normaliseColumn(c, id)) : [];
    const list: List = {
      id,
      displayName: b.displayName,
      columns: [{ id: columnId(id, "Title"), name: "Title", indexed: false, enforceUniqueValues: false, text: { maxLength: 255 } }, ...columns],
      items: [],
      byId: new Map(),
      nextId: 1,
      views: [],
    };
    this.lists.set(id, list);
    this.changed();
    return json(201, { id, displayName: b.displayName });
  }

  private normaliseColumn(c: unknown, listId: string): ColumnDef {
    const o = (c ?? {}) as Record<string, unknown>;
    const name = String(o["name"] ?? "");
    // the id is Graph's to give: one sent in the body is not kept
    return { ...o, id: columnId(listId, name), name, indexed: o["indexed"] === true, enforceUniqueValues: o["enforceUniqueValues"] === true };
  }

  private columns(list: List, method: string, columnIdOrName: string | undefined, body: unknown): EmuResponse {
    if (!columnIdOrName && method === "GET") return json(200, { value: list.columns });
    if (!columnIdOrName && method === "POST") {
      const col = this.normaliseColumn(body, list.id);
      if (!col.name) return error(400, "invalidRequest", "name is required");
      if (list.columns.some((c) => c.name.toLowerCase() === col.name.toLowerCase())) return error(409, "nameAlreadyExists", "The column exists");
      list.columns.push(col);
      this.changed();
      return json(201, col);
    }
    // Graph addresses a column by its id (`columns/{column-id}`), never by its name
    const col = list.columns.find((c) => c.id === decodeURIComponent(columnIdOrName ?? ""));
    if (!col) return error(404, "itemNotFound", "The column does not exist: columns are addressed by their id");
    if (method === "PATCH") {
      const patch = (body ?? {}) as Record<string, unknown>;
      if (typeof patch["indexed"] === "boolean") col.indexed = patch["indexed"];
      this.changed();
      return json(200, col);
    }
    return json(200, col);
  }

  private listItems(list: List, url: URL, headers: EmuRequest["headers"], base: string): EmuResponse {
    const filter = url.searchParams.get("$filter");
    let rows = list.items;
    if (filter) {
      // one indexed column per query (Graph's rule): `eq`, or a range of comparisons joined by `and`
      const clause = /^fields\/(\w+)\s+(eq|ge|gt|le|lt)\s+('(?:[^']|'')*'|\d+(?:\.\d+)?|true|false)$/i;
      const parts = filter.trim().split(/\s+and\s+/i).map((p) => clause.exec(p.trim()));
      const column0 = parts[0]?.[1];
      if (!parts.length || parts.some((m) => !m) || parts.some((m) => m![1] !== column0) || (parts.length > 1 && parts.some((m) => m![2]!.toLowerCase() === "eq"))) {
        return error(400, "invalidRequest", "Only fields/Name eq 'value', or comparisons on one column joined by and, are supported");
      }
      const column = list.columns.find((c) => c.name === column0);
      if (!column) return error(400, "invalidRequest", `Field '${column0}' does not exist`);
      const honour = (headers["prefer"] ?? "").includes("HonorNonIndexedQueriesWarningMayFailRandomly");
      if (!column.indexed && (!honour || list.items.length > this.viewThreshold)) {
        return error(400, "invalidRequest", `Field '${column0}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`);
      }
      const tests = parts.map((m) => {
        const raw = m![3]!;
        const value = filterValue(raw);
        const op = m![2]!.toLowerCase();
        if (op === "eq") return (v: unknown) => sameValue(v, value);
        // dates compare as instants (stored values carry their own offsets), everything else as is
        const asTime = (v: unknown) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v) ? Date.parse(v) : v);
        const b = asTime(value) as number | string;
        return (v: unknown) => {
          if (v === null || v === undefined || v === "") return false;
          const a = asTime(v) as number | string;
          return op === "ge" ? a >= b : op === "gt" ? a > b : op === "le" ? a <= b : a < b;
        };
      });
      // a single eq reads the column's index; a range reads every item
      const only = parts.length === 1 && parts[0]![2]!.toLowerCase() === "eq" ? candidates(list, column0!, filterValue(parts[0]![3]!)) : null;
      rows = (only ?? rows).filter((i) => tests.every((t) => t(i.fields[column0!])));
    } else if (list.items.length > this.viewThreshold && url.searchParams.has("$orderby")) {
      return error(400, "invalidRequest", "The attempted operation is prohibited because it exceeds the list view threshold.");
    }
    const top = Math.min(Math.max(Number(url.searchParams.get("$top") ?? 200) || 200, 1), 5000);
    const skip = Number(url.searchParams.get("$skiptoken") ?? 0) || 0;
    const page = rows.slice(skip, skip + top);
    const body: Record<string, unknown> = { value: page.map((i) => this.itemJson(i)) };
    if (skip + top < rows.length) {
      const next = new URL(`${base}${url.pathname}`);
      url.searchParams.forEach((v, k) => next.searchParams.set(k, v));
      next.searchParams.set("$skiptoken", String(skip + top));
      body["@odata.nextLink"] = next.toString();
    }
    return json(200, body);
  }

  /**
   * The fields as Graph would store them, or its refusal: a name the list has no column for
   * (matched exactly, as Graph matches field names), single-line text past its maxLength (255
   * unless the column says less), a dateTime that is not one. dateTime values are kept in UTC `Z`.
   */
  private checkFields(list: List, raw: Record<string, unknown>): { fields: Record<string, unknown> } | { problem: EmuResponse } {
    const fields: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(raw)) {
      if (name.startsWith("@odata.") || READ_ONLY_BUILT_INS.has(name)) continue;
      const column = list.columns.find((c) => c.name === name);
      if (!column && !WRITABLE_BUILT_INS.has(name)) return { problem: error(400, "invalidRequest", `Field '${name}' is not recognized`) };
      const text = column?.["text"] as { maxLength?: unknown; allowMultipleLines?: unknown } | undefined;
      if (text && text.allowMultipleLines !== true && typeof value === "string") {
        const max = typeof text.maxLength === "number" ? Math.min(text.maxLength, 255) : 255;
        if (value.length > max) return { problem: error(400, "invalidRequest", `The value of field '${name}' is longer than ${max} characters`) };
      }
      if (column?.["dateTime"] !== undefined && value !== null && value !== "") {
        const at = typeof value === "string" ? utc(value) : null;
        if (at === null) return { problem: error(400, "invalidRequest", `The value of field '${name}' is not a valid date and time`) };
        fields[name] = at;
        continue;
      }
      fields[name] = value;
    }
    return { fields };
  }

  private uniqueViolation(list: List, fields: Record<string, unknown>, except?: Item): string | null {
    for (const c of list.columns) {
      if (!c.enforceUniqueValues || fields[c.name] === undefined || fields[c.name] === null) continue;
      if (candidates(list, c.name, fields[c.name]).some((i) => i !== except && sameValue(i.fields[c.name], fields[c.name]))) return c.name;
    }
    return null;
  }

  private createItem(list: List, body: unknown): EmuResponse {
    const raw = ((body ?? {}) as { fields?: unknown }).fields;
    if (!raw || typeof raw !== "object") return error(400, "invalidRequest", "fields are required");
    const checked = this.checkFields(list, raw as Record<string, unknown>);
    if ("problem" in checked) return checked.problem;
    const fields = checked.fields;
    const clash = this.uniqueViolation(list, fields);
    if (clash) return error(409, "uniqueValueViolation", `A duplicate value was found for the unique column ${clash}`);
    const item = this.insert(list, fields);
    this.changed();
    return json(201, this.itemJson(item), { etag: this.etag(item) });
  }

  private patchFields(list: List, item: Item, req: EmuRequest): EmuResponse {
    const ifMatch = req.headers["if-match"];
    if (ifMatch && ifMatch !== "*" && ifMatch !== this.etag(item)) {
      this.counts.preconditionFailed++;
      return error(412, "preconditionFailed", "The item was changed by someone else");
    }
    const checked = this.checkFields(list, (req.body ?? {}) as Record<string, unknown>);
    if ("problem" in checked) return checked.problem;
    const next = { ...item.fields, ...checked.fields };
    const clash = this.uniqueViolation(list, next, item);
    if (clash) return error(409, "uniqueValueViolation", `A duplicate value was found for the unique column ${clash}`);
    item.fields = next;
    delete list.byValue;
    item.version++;
    item.modified = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    this.changed();
    return json(200, this.itemJson(item)["fields"], { etag: this.etag(item) });
  }

  /**
   * SharePoint's REST API for the parts Graph lacks (views and their formatting), as `provision`
   * and a view's reader call it: `path` is what follows `/_api/`. Answers in odata=nometadata JSON.
   */
  handleRest(req: EmuRequest): EmuResponse {
    this.counts.requests++;
    if (!/^Bearer \S+$/.test(req.headers["authorization"] ?? "")) return json(401, { error: { code: "-2147024891, System.UnauthorizedAccessException", message: { value: "Access denied." } } });
    let url: URL;
    try {
      url = new URL(req.url, "http://emulator");
    } catch {
      return json(400, { error: { message: { value: "Malformed URL" } } });
    }
    const path = decodeURIComponent(url.pathname).replace(/^\/+/, "");
    const fail = (status: number, message: string) => json(status, { error: { code: String(status), message: { lang: "en-US", value: message } } });
    const m = /^web\/lists\/GetByTitle\('((?:[^']|'')*)'\)(?:\/(.*))?$/i.exec(path);
    if (!m) return fail(404, "Not found");
    const list = this.findList(m[1]!.replace(/''/g, "'"));
    if (!list) return fail(404, `List '${m[1]}' does not exist at site.`);
    const rest = m[2] ?? "";
    const method = (req.headers["x-http-method"] ?? req.method).toUpperCase();
    const body = (req.body ?? {}) as Record<string, unknown>;
    const viewJson = (v: ViewDef) => ({ Title: v.Title, ViewQuery: v.ViewQuery, CustomFormatter: v.CustomFormatter, RowLimit: v.RowLimit, PersonalView: false });
    if (/^views$/i.test(rest)) {
      if (method === "GET") return json(200, { value: list.views.map(viewJson) });
      if (method === "POST") {
        const title = body["Title"];
        if (typeof title !== "string" || !title) return fail(400, "The view needs a Title");
        if (list.views.some((v) => v.Title === title)) return fail(409, `A view named '${title}' already exists`);
        const problem = this.queryProblem(list, String(body["ViewQuery"] ?? ""));
        if (problem) return fail(400, problem);
        const view: ViewDef = { Title: title, ViewQuery: String(body["ViewQuery"] ?? ""), CustomFormatter: "", RowLimit: Number(body["RowLimit"] ?? 30) || 30, fields: ["LinkTitle"] };
        list.views.push(view);
        this.changed();
        return json(201, viewJson(view));
      }
    }
    const v = /^views\/GetByTitle\('((?:[^']|'')*)'\)(?:\/(.*))?$/i.exec(rest);
    if (v) {
      const view = list.views.find((x) => x.Title === v[1]!.replace(/''/g, "'"));
      if (!view) return fail(404, "The view does not exist");
      const sub = v[2] ?? "";
      if (!sub && method === "GET") return json(200, viewJson(view));
      if (!sub && method === "MERGE") {
        if (typeof body["ViewQuery"] === "string") {
          const problem = this.queryProblem(list, body["ViewQuery"]);
          if (problem) return fail(400, problem);
          view.ViewQuery = body["ViewQuery"];
        }
        if (typeof body["CustomFormatter"] === "string") {
          try {
            if (body["CustomFormatter"]) JSON.parse(body["CustomFormatter"]);
          } catch {
            return fail(400, "CustomFormatter is not valid JSON");
          }
          view.CustomFormatter = body["CustomFormatter"];
        }
        this.changed();
        return { status: 204, headers: {} };
      }
      if (/^ViewFields$/i.test(sub) && method === "GET") return json(200, { Items: view.fields });
      if (/^ViewFields\/RemoveAllViewFields$/i.test(sub) && method === "POST") {
        view.fields = [];
        this.changed();
        return { status: 200, headers: {} };
      }
      const add = /^ViewFields\/AddViewField\('((?:[^']|'')*)'\)$/i.exec(sub);
      if (add && method === "POST") {
        const name = add[1]!.replace(/''/g, "'");
        if (!list.columns.some((c) => c.name === name)) return fail(400, `Column '${name}' does not exist. It may have been deleted by another user.`);
        view.fields.push(name);
        this.changed();
        return { status: 200, headers: {} };
      }
    }
    if (/^GetItems$/i.test(rest) && method === "POST") {
      const xml = String(((body["query"] ?? {}) as Record<string, unknown>)["ViewXml"] ?? "");
      const problem = this.queryProblem(list, xml);
      if (problem) return fail(400, problem);
      const q = parseCaml(xml);
      const now = this.clock();
      const rows = list.items.filter((i) => !q.where || evaluate(q.where, i.fields, now, this.zone));
      return json(200, { value: rows.map((i) => ({ Id: Number(i.id), ...i.fields })) });
    }
    return fail(404, "Not found");
  }

  /** Why SharePoint would refuse this view query, or null: malformed CAML, or a column the list lacks. */
  private queryProblem(list: List, xml: string): string | null {
    try {
      const q = parseCaml(xml);
      for (const f of [...q.fields, ...q.orderBy]) if (!list.columns.some((c) => c.name === f)) return `Field or property '${f}' does not exist.`;
      return null;
    } catch (e) {
      return e instanceof CamlError ? `Cannot complete this action: ${e.message}` : "Cannot complete this action.";
    }
  }

  private batch(req: EmuRequest, base: string): EmuResponse {
    this.counts.batches++;
    const requests = ((req.body ?? {}) as { requests?: unknown }).requests;
    if (!Array.isArray(requests)) return error(400, "invalidRequest", "requests are required");
    if (requests.length > 20) return error(400, "invalidRequest", "A batch may hold at most 20 requests");
    const results = new Map<string, number>();
    const responses = requests.map((raw) => {
      const r = (raw ?? {}) as { id?: unknown; method?: unknown; url?: unknown; headers?: Record<string, string>; body?: unknown; dependsOn?: unknown };
      const id = String(r.id ?? "");
      const deps = Array.isArray(r.dependsOn) ? r.dependsOn.map(String) : [];
      if (deps.some((d) => (results.get(d) ?? 0) >= 400)) {
        results.set(id, 424);
        return { id, status: 424, body: { error: { code: "failedDependency", message: "A request it depends on failed" } } };
      }
      this.counts.batchParts++;
      const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      const res = this.handle({ method: String(r.method ?? "GET"), url: String(r.url ?? "").replace(/^\/?(v1\.0|beta)?\/?/, "/"), headers, body: r.body }, base);
      const status = res.drop ? 504 : res.status;
      results.set(id, status);
      return { id, status, headers: res.headers, ...(res.body === undefined ? {} : { body: res.body }) };
    });
    return json(200, { responses });
  }
}
