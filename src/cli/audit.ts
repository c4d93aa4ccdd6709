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
import { writeFileSync } from "node:fs";
import { BusinessCalendar } from "../domain/calendar/calendar";
import { AUDIT_COLUMNS, auditRow, auditSample, inMonth } from "../domain/reports/audit";
import { toCsv } from "../domain/reports/csv";
import { commandArgs, fail } from "./args";
import { readRecords, reportProblems } from "./list-export";
import { loadSettings } from "./settings";

const USAGE = "usage: npm run -s audit -- sample --month YYYY-MM (--items FILE.jsonl | --site SITE [--base-url URL]) [--seed N] [--out FILE.csv]\n";

const { command, values } = commandArgs(["month", "items", "site", "base-url", "seed", "out"], USAGE);
if (command !== "sample" || !values.month || !(values.items || values.site)) fail(USAGE);
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

const { records, problems } = await readRecords(values);
const items = records.filter((r) => within(r.receivedAt));
const sample = auditSample(items, seed, (r) => r.internetMessageId).sort((a, b) => a.receivedAt - b.receivedAt);
const csv = toCsv(AUDIT_COLUMNS, sample.map((r) => auditRow(r, calendar)));
if (values.out) writeFileSync(values.out, csv);
else process.stdout.write(csv);
reportProblems(problems);
process.stderr.write(`audit sample for ${values.month}: ${sample.length} of ${items.length} inquiries, seed ${seed} (the same seed gives the same sample)\n`);
