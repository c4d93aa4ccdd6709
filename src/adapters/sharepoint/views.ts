/**
 * The list views and their formatting, through SharePoint's own REST API (Graph cannot create
 * views): each of the report's views created if missing, brought up to date if its query, fields
 * or row formatting differ, left alone if not. Needs a token for the SharePoint resource
 * (https://<tenant>.sharepoint.com), not a Graph token.
 */
import { odataString, pathSegment } from "../graph/odata";
import { rowFormatter, viewQuery, type ListView } from "./list-views";

export class SharePointRestError extends Error {
  override name = "SharePointRestError";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<{ status: number; ok: boolean; text(): Promise<string> }>;

/** A small client for one site's REST API (`<site url>/_api/...`). */
export class SharePointRest {
  constructor(
    private readonly siteUrl: string,
    private readonly token: () => Promise<string>,
    private readonly fetchImpl: FetchLike = (url, init) => fetch(url, init),
  ) {}

  async call(method: "GET" | "POST", path: string, body?: unknown, extra: Record<string, string> = {}): Promise<unknown> {
    const res = await this.fetchImpl(`${this.siteUrl.replace(/\/$/, "")}/_api/${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.token()}`,
        accept: "application/json;odata=nometadata",
        ...(body === undefined ? {} : { "content-type": "application/json;odata=verbose" }),
        ...extra,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) {
      let message = `HTTP ${res.status}`;
      try {
        const e = JSON.parse(text) as { error?: { message?: { value?: string } | string }; "odata.error"?: { message?: { value?: string } } };
        const m = e.error?.message ?? e["odata.error"]?.message;
        message = typeof m === "string" ? m : m?.value ?? message;
      } catch {
        // not JSON: keep the status
      }
      throw new SharePointRestError(res.status, message);
    }
    return text ? (JSON.parse(text) as unknown) : null;
  }
}

/** A title as an OData literal in a REST path, percent-encoded (the one helper: graph/odata). */
const lit = (s: string) => pathSegment(odataString(s));

interface ViewInfo {
  readonly Title: string;
  readonly ViewQuery?: string;
  readonly CustomFormatter?: string;
}

/** Creates or updates the views; returns what it changed, in words (nothing on a second run). */
export async function provisionViews(rest: SharePointRest, listTitle: string, views: readonly ListView[]): Promise<string[]> {
  const listPath = `web/lists/GetByTitle(${lit(listTitle)})`;
  const existing = ((await rest.call("GET", `${listPath}/views?$select=Title,ViewQuery,CustomFormatter`)) as { value?: ViewInfo[] } | null)?.value ?? [];
  const changes: string[] = [];
  const formatter = rowFormatter();
  for (const view of views) {
    const query = viewQuery(view);
    const viewPath = `${listPath}/views/GetByTitle(${lit(view.title)})`;
    const found = existing.find((v) => v.Title === view.title);
    if (!found) {
      await rest.call("POST", `${listPath}/views`, { __metadata: { type: "SP.View" }, Title: view.title, ViewQuery: query, RowLimit: 100, PersonalView: false });
      await rest.call("POST", viewPath, { __metadata: { type: "SP.View" }, CustomFormatter: formatter }, { "x-http-method": "MERGE", "if-match": "*" });
      await setFields(rest, viewPath, view.fields);
      changes.push(`created view "${view.title}"`);
      continue;
    }
    const current = ((await rest.call("GET", `${viewPath}/ViewFields`)) as { Items?: string[] } | null)?.Items ?? [];
    const patch: Record<string, string> = {};
    if (found.ViewQuery !== query) patch["ViewQuery"] = query;
    if (found.CustomFormatter !== formatter) patch["CustomFormatter"] = formatter;
    if (Object.keys(patch).length) await rest.call("POST", viewPath, { __metadata: { type: "SP.View" }, ...patch }, { "x-http-method": "MERGE", "if-match": "*" });
    const fieldsDiffer = current.join(",") !== view.fields.join(",");
    if (fieldsDiffer) await setFields(rest, viewPath, view.fields);
    if (Object.keys(patch).length || fieldsDiffer) changes.push(`updated view "${view.title}" (${[...Object.keys(patch), ...(fieldsDiffer ? ["fields"] : [])].join(", ")})`);
  }
  return changes;
}

async function setFields(rest: SharePointRest, viewPath: string, fields: readonly string[]): Promise<void> {
  await rest.call("POST", `${viewPath}/ViewFields/RemoveAllViewFields`);
  for (const f of fields) await rest.call("POST", `${viewPath}/ViewFields/AddViewField(${lit(f)})`);
}
