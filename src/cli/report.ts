/**
 * `npm run -s report -- tat --from 2026-10-01 --to 2026-10-31 --items inquiries.jsonl [--html FILE] [--csv FILE]`
 * `npm run -s report -- daily --date 2026-10-05 [--time 10:00] --items inquiries.jsonl [--html FILE] [--csv FILE]`
 *
 * Both read an export of the "Member Inquiries" list (see list-export.ts). `tat`: the share of
 * inquiries received in the period (dates inclusive, in the deployment's time zone) acknowledged,
 * answered and resolved within the goals' business days — overall, per mailbox, per advocate and per
 * week, with SVG charts against the goals. `daily`: the 10:00 report — arrived since the previous
 * business day's report, late, due today, open by assignee, completed. CSV goes to --csv or standard
 * output; --html writes the page.
 */
import { writeFileSync } from "node:fs";
import { calendarFor } from "../app/compose";
import { toCsv } from "../domain/reports/csv";
import { dailyCsv, dailyHtml, dailyReport } from "../domain/reports/daily";
import { TAT_CSV_COLUMNS, tatHtml, tatRows } from "../domain/reports/tat-report";
import { turnaroundReport } from "../domain/reports/turnaround";
import { commandArgs, fail } from "./args";
import { sendReportMail } from "../adapters/graph/mail";
import { graphClient } from "./graph";
import { readRecords, reportProblems } from "./list-export";
import { loadSettings } from "./settings";

const USAGE =
  "usage: npm run -s report -- tat --from YYYY-MM-DD --to YYYY-MM-DD (--items FILE.jsonl | --site SITE [--base-url URL]) [--html FILE.html] [--csv FILE.csv]\n" +
  "       npm run -s report -- daily --date YYYY-MM-DD [--time 10:00] (--items FILE.jsonl | --site SITE [--base-url URL]) [--html FILE.html] [--csv FILE.csv] [--send [--send-to ADDRESS] [--from-mailbox MAILBOX]]\n" +
  "  --site reads the list itself through Graph (GRAPH_TOKEN); --send mails the daily report to the settings' dailyReportTo (or --send-to) through Graph\n";

const { command, values } = commandArgs(["from", "to", "date", "time", "items", "site", "base-url", "html", "csv", "send-to", "from-mailbox"], USAGE, ["send"]);
if (!(values.items || values.site) || !(command === "tat" ? values.from && values.to : command === "daily" && values.date)) fail(USAGE);

const settings = loadSettings();
const calendar = calendarFor(settings);
/** Local midnight of a YYYY-MM-DD date, as UTC milliseconds. */
function localDay(text: string, name: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || !Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== text) fail(`--${name} must be a date like 2026-10-01, not ${JSON.stringify(text.slice(0, 20))}`);
  return calendar.zone.fromLocal(ms);
}
const write = (csv: string, html: string) => {
  if (values.csv) writeFileSync(values.csv, csv);
  else process.stdout.write(csv);
  if (values.html) writeFileSync(values.html, html);
};

if (command === "daily") {
  const day = localDay(values.date!, "date");
  const hm = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(values.time ?? "10:00");
  if (!hm) fail(`--time must look like 10:00, not ${JSON.stringify((values.time ?? "").slice(0, 20))}`);
  const at = calendar.zone.fromLocal(calendar.zone.toLocal(day) + (Number(hm[1]) * 60 + Number(hm[2])) * 60_000);
  const recipient = values.send ? (values["send-to"] ?? settings.dailyReportTo) : undefined;
  if (values.send && (!recipient || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(recipient))) fail("--send needs a distribution list: dailyReportTo in the settings, or --send-to ADDRESS");
  const mailer = values.send ? graphClient(values["base-url"]) : null;
  if (typeof mailer === "string") fail(mailer);
  const { records, problems } = await readRecords(values);
  const report = dailyReport(records, calendar, settings.policies, at);
  const csv = dailyCsv(report, calendar);
  const html = dailyHtml(report, calendar);
  write(csv, html);
  reportProblems(problems);
  process.stderr.write(`daily report ${values.date}: ${report.rows.length} rows\n`);
  if (mailer && recipient) {
    try {
      await sendReportMail(mailer, {
        to: [recipient],
        subject: `Daily e-mail report, ${values.date}`,
        html,
        attachments: [{ name: `daily-report-${values.date}.csv`, contentType: "text/csv", content: csv }],
        ...(values["from-mailbox"] ? { from: values["from-mailbox"] } : {}),
      });
      process.stderr.write(`sent to ${recipient}\n`);
    } catch (e) {
      const status = (e as { statusCode?: number }).statusCode;
      process.stderr.write(`the report was written but not sent (Graph ${status ?? "gave no answer"}${status === 401 || status === 403 ? ": the token needs Mail.Send" : ""})\n`);
      process.exit(1);
    }
  }
} else {
  const from = localDay(values.from!, "from");
  const to = localDay(values.to!, "to");
  if (to < from) fail("--to is before --from");
  const toExclusive = calendar.zone.fromLocal(calendar.zone.toLocal(to) + 86_400_000);
  const { records, problems } = await readRecords(values);
  const report = turnaroundReport(records, calendar, from, toExclusive, { policies: settings.policies, now: Date.now() });
  write(toCsv(TAT_CSV_COLUMNS, tatRows(report)), tatHtml(report, { from: values.from!, to: values.to! }));
  reportProblems(problems);
  process.stderr.write(`turnaround ${values.from} to ${values.to}: ${report.overall.received} inquiries\n`);
}
