/**
 * `npm run -s report -- tat --from 2026-10-01 --to 2026-10-31 --items inquiries.jsonl [--html FILE] [--csv FILE]`
 *
 * The turnaround report over an export of the "Member Inquiries" list (see list-export.ts): the
 * share of inquiries received in the period (dates inclusive, in the deployment's time zone)
 * acknowledged, answered and resolved within the goals' business days — overall, per mailbox, per
 * advocate and per week. CSV (the numbers) goes to --csv or standard output; --html writes a page
 * with the same numbers and SVG charts against the goals.
 */
import { writeFileSync } from "node:fs";
import { BusinessCalendar } from "../domain/calendar/calendar";
import { toCsv } from "../domain/reports/audit";
import { TAT_CSV_COLUMNS, tatHtml, tatRows } from "../domain/reports/tat-report";
import { turnaroundReport } from "../domain/reports/turnaround";
import { commandArgs, fail } from "./args";
import { readListExport, reportProblems } from "./list-export";
import { loadSettings } from "./settings";

const USAGE = "usage: npm run -s report -- tat --from YYYY-MM-DD --to YYYY-MM-DD --items FILE.jsonl [--html FILE.html] [--csv FILE.csv]\n";

const { command, values } = commandArgs(["from", "to", "items", "html", "csv"], USAGE);
if (command !== "tat" || !values.from || !values.to || !values.items) fail(USAGE);

const calendar = new BusinessCalendar(loadSettings().calendar);
/** Local midnight of a YYYY-MM-DD date, as UTC milliseconds. */
function localDay(text: string, name: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || !Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== text) fail(`--${name} must be a date like 2026-10-01, not ${JSON.stringify(text.slice(0, 20))}`);
  return calendar.zone.fromLocal(ms);
}
const from = localDay(values.from, "from");
const to = localDay(values.to, "to");
if (to < from) fail("--to is before --from");
const toExclusive = calendar.zone.fromLocal(calendar.zone.toLocal(to) + 86_400_000);

const { records, problems } = readListExport(values.items);
const report = turnaroundReport(records, calendar, from, toExclusive);
const csv = toCsv(TAT_CSV_COLUMNS, tatRows(report));
if (values.csv) writeFileSync(values.csv, csv);
else process.stdout.write(csv);
if (values.html) writeFileSync(values.html, tatHtml(report, { from: values.from, to: values.to }));
reportProblems(problems);
process.stderr.write(`turnaround ${values.from} to ${values.to}: ${report.overall.received} inquiries\n`);
