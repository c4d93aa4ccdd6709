/**
 * Reads an export of the "Member Inquiries" list: one item per line, either its `fields` object or
 * the item `{ "id", "fields": {...} }` as Graph returns it. Lines that cannot be read are reported
 * by line number and reason only — never echoed, since they hold member data.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createInterface } from "node:readline";
import type { InquiryRecord } from "../domain/inquiry/record";
import { readListItem } from "../adapters/sharepoint/row";
import { defaultGraphUrl, listClient } from "./graph";

export interface ListExport {
  readonly records: InquiryRecord[];
  readonly problems: string[];
}

/** A line longer than this is not an item of the list (an item is a few kilobytes): it is skipped, not held. */
export const MAX_LINE_CHARS = 1_000_000;

/**
 * The file read as a stream, line by line (an export of any size: nothing holds the whole file, so
 * no string limit is met); exits with a message when it cannot be read at all.
 */
export async function readListExport(path: string): Promise<ListExport> {
  if (!existsSync(path) || !statSync(path).isFile()) {
    process.stderr.write(`cannot read ${path}: no such file\n`);
    process.exit(2);
  }
  const records: InquiryRecord[] = [];
  const problems: string[] = [];
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    if (raw.length > MAX_LINE_CHARS) {
      problems.push(`line ${n}: longer than ${MAX_LINE_CHARS} characters`);
      continue;
    }
    const line = raw.trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`line ${n}: not valid JSON`);
      continue;
    }
    const r = readListItem(value);
    if (typeof r === "string") problems.push(`line ${n}: ${r}`);
    else records.push(r);
  }
  return { records, problems };
}

export function reportProblems(problems: readonly string[]): void {
  for (const p of problems.slice(0, 20)) process.stderr.write(`skipped ${p}\n`);
  if (problems.length > 20) process.stderr.write(`skipped ${problems.length - 20} more lines\n`);
}

/** Every item of the list itself, through Graph (--site, --base-url, GRAPH_TOKEN). */
export async function readListFromGraph(site: string, baseUrl = defaultGraphUrl()): Promise<ListExport> {
  const client = listClient(site, baseUrl);
  if (typeof client === "string") {
    process.stderr.write(`${client}\n`);
    process.exit(2);
  }
  let items;
  try {
    items = await client.all();
  } catch (e) {
    const status = (e as { status?: number }).status;
    process.stderr.write(`could not read the list through Graph (${status ? `HTTP ${status}` : "no answer"})${status === 401 || status === 403 ? ": the token cannot read this site" : ""}\n`);
    process.exit(1);
  }
  const records: InquiryRecord[] = [];
  const problems: string[] = [];
  for (const item of items) {
    const r = readListItem(item);
    if (typeof r === "string") problems.push(`item ${item.id}: ${r}`);
    else records.push(r);
  }
  return { records, problems };
}

/** The records from --items (an export file) or --site (the list itself, through Graph). */
export async function readRecords(values: { readonly items?: string | undefined; readonly site?: string | undefined; readonly "base-url"?: string | undefined }): Promise<ListExport> {
  if (values.items) return readListExport(values.items);
  return readListFromGraph(values.site!, values["base-url"]);
}
