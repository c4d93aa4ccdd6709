/**
 * Creates or upgrades the inquiries list through Graph: the list with every column if it is
 * missing; otherwise each missing column added and each column that should be indexed indexed.
 * Idempotent: a second run finds nothing to change. Returns what it did, in words.
 */
import { pathSegment } from "../graph/odata";
import type { Client } from "@microsoft/microsoft-graph-client";
import { DEFAULT_TEMPLATES } from "../../domain/templates/defaults";
import { AUDIT_LIST_COLUMNS, AUDIT_LIST_NAME, INQUIRY_COLUMNS, LIST_NAME, TEMPLATE_COLUMNS, TEMPLATE_LIST_NAME, columnDefinition, type ColumnSpec } from "./schema";
import { templateToFields } from "./templates-list";

export interface ProvisionResult {
  readonly created: boolean;
  readonly changes: readonly string[];
}

export async function provisionList(
  client: Client,
  site: string,
  listName = LIST_NAME,
  columns: readonly ColumnSpec[] = INQUIRY_COLUMNS,
): Promise<ProvisionResult> {
  const sitePath = `/sites/${pathSegment(site)}`;
  const listPath = `${sitePath}/lists/${pathSegment(listName)}`;
  let exists = true;
  try {
    await client.api(listPath).get();
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) exists = false;
    else throw e;
  }
  if (!exists) {
    await client.api(`${sitePath}/lists`).post({ displayName: listName, list: { template: "genericList" }, columns: columns.map(columnDefinition) });
    return { created: true, changes: [`created the list "${listName}" with ${columns.length} columns`] };
  }
  const existing = ((await client.api(`${listPath}/columns`).get()) as { value?: { id?: string; name?: string; indexed?: boolean }[] }).value ?? [];
  const byName = new Map(existing.map((c) => [c.name, c]));
  const changes: string[] = [];
  for (const column of columns) {
    const found = byName.get(column.name);
    if (!found) {
      await client.api(`${listPath}/columns`).post(columnDefinition(column));
      changes.push(`added column ${column.name}${column.indexed ? " (indexed)" : ""}`);
    } else if (column.indexed && found.indexed !== true) {
      // Graph addresses a column by the id it returned (PATCH …/columns/{column-id}), not its name
      if (!found.id) throw new Error(`the list's column ${column.name} came back without an id`);
      await client.api(`${listPath}/columns/${pathSegment(found.id)}`).patch({ indexed: true });
      changes.push(`indexed column ${column.name}`);
    }
  }
  return { created: false, changes };
}

/** The templates list: created (and filled with the default templates) on first provisioning, upgraded after. */
export async function provisionTemplates(client: Client, site: string, listName = TEMPLATE_LIST_NAME): Promise<ProvisionResult> {
  const r = await provisionList(client, site, listName, TEMPLATE_COLUMNS);
  if (!r.created) return r;
  const items = `/sites/${pathSegment(site)}/lists/${pathSegment(listName)}/items`;
  for (const t of DEFAULT_TEMPLATES) await client.api(items).post({ fields: templateToFields(t) });
  return { created: true, changes: [...r.changes, `added the ${DEFAULT_TEMPLATES.length} default templates`] };
}

/** The "Email Audit" list auditors answer in (empty until `npm run audit -- sample --record`). */
export function provisionAuditList(client: Client, site: string): Promise<ProvisionResult> {
  return provisionList(client, site, AUDIT_LIST_NAME, AUDIT_LIST_COLUMNS);
}
