/**
 * Where a tenant's published models live (docs/decisions/0073): the "Triage Models" list of the
 * site, append-only. A published adjustment is one or more items ("model" rows: its file in base64,
 * cut in parts that fit a note column); which one panes use is the newest "active" row, naming a
 * version or "none" (the shared model alone). Rolling back is one more "active" row, so every
 * earlier model stays and the history says who changed what when. Only list-item calls of Graph
 * (create, read with paging) are used.
 */
import type { Client } from "@microsoft/microsoft-graph-client";
import { LinearModel } from "../../domain/classify/model";
import { pathSegment } from "../graph/odata";
import { provisionList, type ProvisionResult } from "./provision";
import type { ColumnSpec } from "./schema";

export const MODELS_LIST_NAME = "Triage Models";
/** Characters of base64 per item (a multi-line text column holds 63,999). */
const PART_CHARS = 60_000;

export const MODEL_COLUMNS: readonly ColumnSpec[] = [
  { name: "Row", type: "text", indexed: true },
  { name: "ModelVersion", type: "text", indexed: true },
  { name: "BaseModel", type: "text" },
  { name: "Part", type: "number" },
  { name: "Parts", type: "number" },
  { name: "Data", type: "note" },
  /** Figures only (the guard rails' comparison), never email content. */
  { name: "Summary", type: "note" },
  { name: "PublishedBy", type: "text" },
  { name: "PublishedAt", type: "dateTime", indexed: true },
];

export function provisionModelsList(client: Client, site: string, listName = MODELS_LIST_NAME): Promise<ProvisionResult> {
  return provisionList(client, site, listName, MODEL_COLUMNS);
}

const itemsPath = (site: string, listName: string) => `/sites/${pathSegment(site)}/lists/${pathSegment(listName)}/items`;

interface Row {
  readonly row: string;
  readonly version: string;
  readonly base: string;
  readonly part: number;
  readonly parts: number;
  readonly data: string;
  readonly summary: string;
  readonly at: string;
  readonly seq: number;
}

async function rows(client: Client, site: string, listName: string): Promise<Row[]> {
  let url: string | undefined = `${itemsPath(site, listName)}?expand=fields&$top=200`;
  const out: Row[] = [];
  while (url) {
    const page = (await client.api(url).get()) as { value?: { id?: unknown; fields?: Record<string, unknown> }[]; "@odata.nextLink"?: string };
    for (const item of page.value ?? []) {
      const f = item.fields ?? {};
      const s = (k: string) => (typeof f[k] === "string" ? (f[k] as string) : "");
      const n = (k: string) => (typeof f[k] === "number" ? (f[k] as number) : Number(f[k] ?? NaN));
      out.push({ row: s("Row"), version: s("ModelVersion"), base: s("BaseModel"), part: n("Part"), parts: n("Parts"), data: s("Data"), summary: s("Summary"), at: s("PublishedAt"), seq: Number(item.id) || 0 });
    }
    url = page["@odata.nextLink"];
  }
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq));
}

function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export interface PublishedModel {
  readonly version: string;
  readonly base: string;
  readonly summary: string;
  readonly at: string;
}

/** The versions published so far, oldest first, and which one is active ("none": the shared model). */
export async function listTenantModels(client: Client, site: string, listName = MODELS_LIST_NAME): Promise<{ models: PublishedModel[]; active: string }> {
  const all = await rows(client, site, listName);
  const models = all.filter((r) => r.row === "model" && r.part === 1).map((r) => ({ version: r.version, base: r.base, summary: r.summary, at: r.at }));
  const actives = all.filter((r) => r.row === "active");
  return { models, active: actives.length ? actives[actives.length - 1]!.version : "none" };
}

/** The next version name: tenant-v1, tenant-v2, … */
export async function nextTenantVersion(client: Client, site: string, listName = MODELS_LIST_NAME): Promise<string> {
  const { models } = await listTenantModels(client, site, listName);
  const n = models.reduce((m, x) => Math.max(m, Number(/^tenant-v(\d+)$/.exec(x.version)?.[1] ?? 0)), 0);
  return `tenant-v${n + 1}`;
}

/** Publishes an adjustment and makes it the active one. */
export async function publishTenantModel(client: Client, site: string, adjustment: LinearModel, summary: string, by: string, now: Date, listName = MODELS_LIST_NAME): Promise<void> {
  const data = toBase64(adjustment.encode());
  const parts = Math.max(1, Math.ceil(data.length / PART_CHARS));
  const at = now.toISOString();
  const version = adjustment.header.version;
  for (let p = 0; p < parts; p++) {
    await client.api(itemsPath(site, listName)).post({
      fields: { Title: `${version} ${p + 1}/${parts}`, Row: "model", ModelVersion: version, BaseModel: adjustment.header.trainedOn.corpusHash.slice(0, 255), Part: p + 1, Parts: parts, Data: data.slice(p * PART_CHARS, (p + 1) * PART_CHARS), Summary: summary, PublishedBy: by, PublishedAt: at },
    });
  }
  await setActiveTenantModel(client, site, version, by, now, listName);
}

/** Makes `version` (or "none") the model panes use from their next start: one command, nothing deleted. */
export async function setActiveTenantModel(client: Client, site: string, version: string, by: string, now: Date, listName = MODELS_LIST_NAME): Promise<void> {
  if (version !== "none") {
    const { models } = await listTenantModels(client, site, listName);
    if (!models.some((m) => m.version === version)) throw new Error(`no tenant model ${version} was published (published: ${models.map((m) => m.version).join(", ") || "none"})`);
  }
  await client.api(itemsPath(site, listName)).post({ fields: { Title: `active ${version}`, Row: "active", ModelVersion: version, PublishedBy: by, PublishedAt: now.toISOString() } });
}

/**
 * The active tenant adjustment, or null for none (no list, no active model, or one that cannot be
 * read: the pane then uses the shared model and says so, never fails for it).
 */
export async function loadActiveTenantModel(client: Client, site: string, listName = MODELS_LIST_NAME): Promise<LinearModel | null> {
  let all: Row[];
  try {
    all = await rows(client, site, listName);
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) return null;
    throw e;
  }
  const actives = all.filter((r) => r.row === "active");
  const version = actives.length ? actives[actives.length - 1]!.version : "none";
  if (version === "none") return null;
  const parts = all.filter((r) => r.row === "model" && r.version === version).sort((a, b) => a.part - b.part);
  if (parts.length === 0 || parts.length !== parts[0]!.parts) throw new Error(`tenant model ${version} is incomplete`);
  return LinearModel.decode(fromBase64(parts.map((p) => p.data).join("")));
}
