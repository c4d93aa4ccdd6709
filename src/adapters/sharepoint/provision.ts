/**
 * Creates or upgrades the inquiries list through Graph: the list with every column if it is
 * missing; otherwise each missing column added and each column that should be indexed indexed.
 * Idempotent: a second run finds nothing to change. Returns what it did, in words.
 */
import type { Client } from "@microsoft/microsoft-graph-client";
import { INQUIRY_COLUMNS, LIST_NAME, columnDefinition } from "./schema";

export interface ProvisionResult {
  readonly created: boolean;
  readonly changes: readonly string[];
}

export async function provisionList(client: Client, site: string, listName = LIST_NAME): Promise<ProvisionResult> {
  const sitePath = `/sites/${encodeURIComponent(site)}`;
  const listPath = `${sitePath}/lists/${encodeURIComponent(listName)}`;
  let exists = true;
  try {
    await client.api(listPath).get();
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) exists = false;
    else throw e;
  }
  if (!exists) {
    await client.api(`${sitePath}/lists`).post({ displayName: listName, list: { template: "genericList" }, columns: INQUIRY_COLUMNS.map(columnDefinition) });
    return { created: true, changes: [`created the list "${listName}" with ${INQUIRY_COLUMNS.length} columns`] };
  }
  const existing = ((await client.api(`${listPath}/columns`).get()) as { value?: { name?: string; indexed?: boolean }[] }).value ?? [];
  const byName = new Map(existing.map((c) => [c.name, c]));
  const changes: string[] = [];
  for (const column of INQUIRY_COLUMNS) {
    const found = byName.get(column.name);
    if (!found) {
      await client.api(`${listPath}/columns`).post(columnDefinition(column));
      changes.push(`added column ${column.name}${column.indexed ? " (indexed)" : ""}`);
    } else if (column.indexed && found.indexed !== true) {
      await client.api(`${listPath}/columns/${encodeURIComponent(column.name)}`).patch({ indexed: true });
      changes.push(`indexed column ${column.name}`);
    }
  }
  return { created: false, changes };
}
