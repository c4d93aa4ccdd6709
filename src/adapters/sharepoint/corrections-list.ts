/**
 * The "Triage Corrections" list (docs/decisions/0070): one item per correction (or confirmation) an
 * advocate made in the pane, holding the email's privacy-safe hashed features, the labels it
 * should have had, who and when — never its text, subject, addresses, ids or a link to the
 * inquiry. `npm run train -- --site` reads it to fit the tenant's model. Provisioned with the
 * other lists; the columns, the item codec and the reading back (hostile input: each bad item is
 * skipped with its id, never fatal) live here.
 */
import type { Client } from "@microsoft/microsoft-graph-client";
import { decodePrivateFeatures, encodePrivateFeatures, type PrivateFeatures } from "../../domain/classify/private-features";
import { CONFIRMATION_WEIGHT, type TenantExample } from "../../domain/classify/tenant";
import { CATEGORIES, FLAGS, SENDER_TYPES } from "../../domain/classify/labels";
import { filterEq, pathSegment } from "../graph/odata";
import { provisionList, type ProvisionResult } from "./provision";
import type { ColumnSpec } from "./schema";

export const CORRECTIONS_LIST_NAME = "Triage Corrections";

export const CORRECTION_COLUMNS: readonly ColumnSpec[] = [
  /** A random key per correction, so a retried write is not stored twice (not derived from the email). */
  { name: "CorrectionKey", type: "text", indexed: true, unique: true },
  /** "correction" or "confirmation" (an action on an email left as classified: a weaker example). */
  { name: "Kind", type: "text" },
  { name: "Category", type: "text" },
  { name: "SenderType", type: "text" },
  { name: "Priority", type: "text" },
  { name: "Flags", type: "text" },
  /** The privacy-safe features, packed (private-features.ts). */
  { name: "Features", type: "note" },
  /** The shared model's scores of the whole email, numbers only, and that model's version. */
  { name: "BaseScores", type: "note" },
  { name: "BaseModel", type: "text" },
  /** The model (shared, or shared + tenant) whose classification was corrected. */
  { name: "ClassifiedBy", type: "text" },
  { name: "CorrectedBy", type: "text", indexed: true },
  { name: "CorrectedAt", type: "dateTime", indexed: true },
];

export type CorrectionKind = "correction" | "confirmation";

export interface CorrectionRecord {
  readonly key: string;
  readonly kind: CorrectionKind;
  readonly labels: { readonly category: string; readonly senderType: string; readonly priority: string; readonly flags: readonly string[] };
  readonly features: PrivateFeatures;
  readonly base: { readonly version: string; readonly logits: Float32Array };
  readonly classifiedBy: string;
  readonly correctedBy: string;
  /** ISO 8601. */
  readonly correctedAt: string;
}

function floatsToBase64(a: Float32Array): string {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function base64ToFloats(text: string): Float32Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new Error("scores are not base64");
  const bin = atob(text);
  if (bin.length % 4 !== 0 || bin.length > 4 * 256) throw new Error("scores are truncated");
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const out = new Float32Array(bytes.buffer);
  if (out.some((x) => !Number.isFinite(x))) throw new Error("scores are not numbers");
  return out;
}

/** The list item's fields for a correction. */
export function correctionToFields(c: CorrectionRecord): Record<string, unknown> {
  return {
    Title: c.kind,
    CorrectionKey: c.key,
    Kind: c.kind,
    Category: c.labels.category,
    SenderType: c.labels.senderType,
    Priority: c.labels.priority,
    Flags: c.labels.flags.join(";"),
    Features: encodePrivateFeatures(c.features),
    BaseScores: floatsToBase64(c.base.logits),
    BaseModel: c.base.version.slice(0, 255),
    ClassifiedBy: c.classifiedBy.slice(0, 255),
    CorrectedBy: c.correctedBy.slice(0, 255),
    CorrectedAt: c.correctedAt,
  };
}

const PRIORITIES = ["routine", "escalated", "high"];

/** A stored item back as a training example; a plain message (never the item's content) when it is not one. */
export function fieldsToExample(fields: unknown): TenantExample | string {
  if (!fields || typeof fields !== "object") return "not an item";
  const f = fields as Record<string, unknown>;
  const str = (k: string) => (typeof f[k] === "string" ? (f[k] as string) : "");
  const category = str("Category");
  const senderType = str("SenderType");
  const priority = str("Priority");
  if (!(CATEGORIES as readonly string[]).includes(category)) return "unknown category";
  if (!(SENDER_TYPES as readonly string[]).includes(senderType)) return "unknown sender type";
  if (!PRIORITIES.includes(priority)) return "unknown priority";
  const flags = str("Flags") === "" ? [] : str("Flags").split(";");
  if (flags.some((x) => !(FLAGS as readonly string[]).includes(x))) return "unknown flag";
  const kind = str("Kind");
  if (kind !== "correction" && kind !== "confirmation") return "unknown kind";
  let features: PrivateFeatures;
  try {
    features = decodePrivateFeatures(f["Features"]);
  } catch (e) {
    return (e as Error).message;
  }
  let base: TenantExample["base"];
  try {
    if (str("BaseScores") !== "" && str("BaseModel") !== "") base = { version: str("BaseModel"), logits: base64ToFloats(str("BaseScores")) };
  } catch {
    base = undefined;
  }
  return {
    features,
    labels: { category, senderType, priority, flags },
    weight: kind === "correction" ? 1 : CONFIRMATION_WEIGHT,
    advocate: str("CorrectedBy").toLowerCase() || "unknown",
    ...(base ? { base } : {}),
  };
}

/** Creates or upgrades the corrections list (idempotent, as the others). */
export function provisionCorrectionsList(client: Client, site: string, listName = CORRECTIONS_LIST_NAME): Promise<ProvisionResult> {
  return provisionList(client, site, listName, CORRECTION_COLUMNS);
}

/**
 * Writes one correction (the pane's outbox sends it). Idempotent by its key: when the unique key
 * is already stored (a retried write whose answer was lost, or the same email corrected again in
 * the same session), the stored item is found by the key and given these labels — one item per
 * key, holding the latest.
 */
export async function writeCorrection(client: Client, site: string, c: CorrectionRecord, listName = CORRECTIONS_LIST_NAME): Promise<void> {
  const items = `/sites/${pathSegment(site)}/lists/${pathSegment(listName)}/items`;
  const fields = correctionToFields(c);
  try {
    await client.api(items).post({ fields });
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode !== 409) throw e;
    // the unique key refused a second copy: update the stored one (a retry changes nothing)
    const found = (await client.api(`${items}?expand=fields&$top=2&$filter=${filterEq("CorrectionKey", c.key)}`).get()) as { value?: { id?: unknown; fields?: Record<string, unknown> }[] };
    const item = found.value?.find((i) => i.fields?.["CorrectionKey"] === c.key);
    if (!item || item.id === undefined) throw e;
    await client.api(`${items}/${pathSegment(String(item.id))}/fields`).patch(fields);
  }
}

export interface ReadCorrections {
  readonly examples: TenantExample[];
  /** Items that could not be read, by item id and reason (never their content). */
  readonly skipped: string[];
  /** When each example was made, in the order of `examples`. */
  readonly at: string[];
}

/** Every item of the corrections list, oldest first, as training examples. */
export async function readCorrections(client: Client, site: string, listName = CORRECTIONS_LIST_NAME): Promise<ReadCorrections> {
  let url: string | undefined = `/sites/${pathSegment(site)}/lists/${pathSegment(listName)}/items?expand=fields&$top=200`;
  const rows: { id: string; fields: unknown; at: string }[] = [];
  while (url) {
    const page = (await client.api(url).get()) as { value?: { id?: unknown; fields?: unknown }[]; "@odata.nextLink"?: string };
    for (const item of page.value ?? []) {
      const fields = item.fields as Record<string, unknown> | undefined;
      rows.push({ id: String(item.id ?? "?"), fields, at: typeof fields?.["CorrectedAt"] === "string" ? (fields["CorrectedAt"] as string) : "" });
    }
    url = page["@odata.nextLink"];
  }
  rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const examples: TenantExample[] = [];
  const skipped: string[] = [];
  const at: string[] = [];
  for (const r of rows) {
    const e = fieldsToExample(r.fields);
    if (typeof e === "string") skipped.push(`item ${r.id}: ${e}`);
    else {
      examples.push(e);
      at.push(r.at);
    }
  }
  return { examples, skipped, at };
}
