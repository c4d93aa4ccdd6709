/**
 * `npm run -s audit -- sample --month 2026-10 --items items.jsonl [--seed N] [--out worksheet.csv]`
 *
 * Draws the month's NCQA audit sample (the greater of 10 items or 10%, at most 50) from an export
 * of the "Member Inquiries" list — one list item per line, either its `fields` object or the item
 * `{ "id", "fields": {...} }` as Graph returns it — and writes the audit worksheet as CSV with the
 * computed columns filled. The seed is recorded on standard error; the same seed and items give the
 * same sample. Lines that cannot be read are counted by line number (never echoed: they hold member data).
 */
import { randomInt } from "node:crypto";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { BusinessCalendar } from "../domain/calendar/calendar";
import { AUDIT_COLUMNS, auditRow, auditSample, inMonth, toCsv, type AuditItem } from "../domain/reports/audit";
import { loadSettings } from "./settings";

const USAGE = "usage: npm run -s audit -- sample --month YYYY-MM --items FILE.jsonl [--seed N] [--out FILE.csv]\n";

function fail(message: string): never {
  process.stderr.write(message.endsWith("\n") ? message : `${message}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { month: { type: "string" }, items: { type: "string" }, seed: { type: "string" }, out: { type: "string" } },
  });
} catch (e) {
  fail(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
}
const { values, positionals } = parsed;
if (positionals[0] !== "sample" || !values.month || !values.items) fail(USAGE);
if (!existsSync(values.items) || !statSync(values.items).isFile()) fail(`cannot read ${values.items}: no such file`);
let seed: number;
if (values.seed === undefined) seed = randomInt(1, 2 ** 31);
else if (/^\d{1,10}$/.test(values.seed) && Number(values.seed) < 2 ** 32) seed = Number(values.seed);
else fail(`--seed must be a whole number below 4294967296, not ${JSON.stringify(values.seed.slice(0, 20))}`);

const settings = loadSettings();
const calendar = new BusinessCalendar(settings.calendar);
let within: (t: number) => boolean;
try {
  within = inMonth(values.month, calendar);
} catch (e) {
  fail((e as Error).message);
}

const time = (v: unknown): number | null => {
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}T/.test(v)) return null;
  const t = Date.parse(v);
  return Number.isFinite(t) ? t : null;
};

/** One list item (or its fields) as an audit item, or why not. */
function readItem(value: unknown): AuditItem | string {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "not a list item";
  const outer = value as Record<string, unknown>;
  const f = (typeof outer["fields"] === "object" && outer["fields"] !== null ? outer["fields"] : outer) as Record<string, unknown>;
  const receivedAt = time(f["ReceivedAt"]);
  if (receivedAt === null) return "no ReceivedAt date-time";
  const id = typeof f["InternetMessageId"] === "string" && f["InternetMessageId"] ? f["InternetMessageId"] : null;
  if (!id) return "no InternetMessageId";
  let events: unknown = [];
  if (typeof f["SlaEvents"] === "string" && f["SlaEvents"].trim()) {
    try {
      events = JSON.parse(f["SlaEvents"]);
    } catch {
      return "SlaEvents is not valid JSON";
    }
  }
  let acknowledgedAt: number | null = null;
  let resolvedAt: number | null = null;
  for (const e of Array.isArray(events) ? events : []) {
    const o = (e ?? {}) as Record<string, unknown>;
    const at = typeof o["at"] === "number" ? o["at"] : time(o["at"]);
    if (at === null || !Number.isFinite(at)) continue;
    if (o["type"] === "acknowledged" || o["type"] === "responded") acknowledgedAt = Math.min(acknowledgedAt ?? at, at);
    if (o["type"] === "resolved") resolvedAt = Math.min(resolvedAt ?? at, at);
  }
  const confirmation = typeof f["ConfirmationNumber"] === "string" && f["ConfirmationNumber"] ? f["ConfirmationNumber"] : null;
  return { internetMessageId: id, confirmationNumber: confirmation, receivedAt, acknowledgedAt, resolvedAt };
}

const items: AuditItem[] = [];
const problems: string[] = [];
readFileSync(values.items, "utf8")
  .split(/\r?\n/)
  .forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`line ${i + 1}: not valid JSON`);
      return;
    }
    const item = readItem(value);
    if (typeof item === "string") problems.push(`line ${i + 1}: ${item}`);
    else if (within(item.receivedAt)) items.push(item);
  });

const sample = auditSample(items, seed, (it) => it.internetMessageId).sort((a, b) => a.receivedAt - b.receivedAt);
const csv = toCsv(AUDIT_COLUMNS, sample.map((it) => auditRow(it, calendar)));
if (values.out) writeFileSync(values.out, csv);
else process.stdout.write(csv);
for (const p of problems.slice(0, 20)) process.stderr.write(`skipped ${p}\n`);
if (problems.length > 20) process.stderr.write(`skipped ${problems.length - 20} more lines\n`);
process.stderr.write(`audit sample for ${values.month}: ${sample.length} of ${items.length} inquiries, seed ${seed} (the same seed gives the same sample)\n`);
