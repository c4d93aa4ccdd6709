/**
 * `npm run -s audit -- sample --month 2026-10 (--items items.jsonl | --site SITE) [--seed N] [--out worksheet.csv] [--record]`
 * `npm run -s audit -- score --quarter 2026-Q4 (--audit-items audit.jsonl | --site SITE) [--csv FILE]`
 *
 * `sample` draws the month's NCQA audit sample (the greater of 10 items or 10%, at most 50) from the
 * "Member Inquiries" list — an export file, one item per line, or the list itself through Graph —
 * and writes the audit worksheet as CSV with the computed columns filled. The seed is recorded on
 * standard error; the same seed and items give the same sample. `--record` also puts the sample in
 * the "Email Audit" list (once: an item already recorded is left as the auditor left it), where
 * auditors answer the Yes/No questions. `score` reads that list for a quarter's three months and
 * writes each measure's share of Yes answers and the overall score for the committee. Lines or
 * items that cannot be read are reported by number (never echoed: they hold member data).
 */
import { randomInt } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import type { InquiryListClient } from "../adapters/graph/list-client";
import { AUDIT_LIST_NAME } from "../adapters/sharepoint/schema";
import { calendarFor } from "../app/compose";
import { auditListFields, auditRowOfFields } from "../adapters/sharepoint/audit-row";
import { AUDIT_COLUMNS, auditRow, auditSample, auditScore, inMonth, quarterMonths } from "../domain/reports/audit";
import { toCsv } from "../domain/reports/csv";
import { commandArgs, fail } from "./args";
import { listClient } from "./graph";
import { readRecords, reportProblems } from "./list-export";
import { loadSettings } from "./settings";

const USAGE =
  "usage: npm run -s audit -- sample --month YYYY-MM (--items FILE.jsonl | --site SITE [--base-url URL]) [--seed N] [--out FILE.csv] [--record]\n" +
  "       npm run -s audit -- score --quarter YYYY-Qn (--audit-items FILE.jsonl | --site SITE [--base-url URL]) [--csv FILE.csv]\n";

const { command, values } = commandArgs(["month", "quarter", "items", "audit-items", "site", "base-url", "seed", "out", "csv"], USAGE, ["record"]);

function auditList(): InquiryListClient {
  const client = listClient(values.site!, values["base-url"], AUDIT_LIST_NAME);
  if (typeof client === "string") fail(client);
  return client;
}

if (command === "score") {
  if (!values.quarter || !(values["audit-items"] || values.site)) fail(USAGE);
  let months: string[];
  try {
    months = quarterMonths(values.quarter);
  } catch (e) {
    fail((e as Error).message);
  }
  let items: Record<string, unknown>[] = [];
  if (values["audit-items"]) {
    let text: string;
    try {
      text = readFileSync(values["audit-items"], "utf8");
    } catch {
      fail(`cannot read ${values["audit-items"]}`);
    }
    text.split(/\r?\n/).forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const v = JSON.parse(line) as { fields?: Record<string, unknown> } & Record<string, unknown>;
        items.push(v.fields && typeof v.fields === "object" ? v.fields : v);
      } catch {
        process.stderr.write(`skipped line ${i + 1}: not valid JSON\n`);
      }
    });
  } else {
    try {
      items = (await auditList().all()).map((i) => ({ ...i.fields }));
    } catch (e) {
      process.stderr.write(`could not read the "${AUDIT_LIST_NAME}" list through Graph (HTTP ${(e as { status?: number }).status ?? "no answer"}): run npm run provision first\n`);
      process.exit(1);
    }
  }
  const inQuarter = items.filter((i) => months.includes(String(i["AuditMonth"] ?? "")));
  const s = auditScore(inQuarter.map(auditRowOfFields));
  const pct = (yes: number, of: number) => (of ? ((100 * yes) / of).toFixed(1) : "");
  const csv = toCsv(
    ["Measure", "Yes", "Answered", "Yes %"],
    [...s.measures.map((m) => ({ Measure: m.label, Yes: String(m.yes), Answered: String(m.answered), "Yes %": pct(m.yes, m.answered) })), {
      Measure: "Overall score", Yes: String(s.yes), Answered: String(s.answered), "Yes %": s.score === null ? "" : (s.score * 100).toFixed(1),
    }],
  );
  if (values.csv) writeFileSync(values.csv, csv);
  else process.stdout.write(csv);
  process.stderr.write(`audit ${values.quarter}: ${s.sampled} emails sampled, ${s.audited} fully audited, score ${s.score === null ? "none yet" : `${(s.score * 100).toFixed(1)}%`}\n`);
} else {
  if (command !== "sample" || !values.month || !(values.items || values.site)) fail(USAGE);
  if (values.record && !values.site) fail("--record writes to the \"Email Audit\" list: give --site");
  let seed: number;
  if (values.seed === undefined) seed = randomInt(1, 2 ** 31);
  else if (/^\d{1,10}$/.test(values.seed) && Number(values.seed) < 2 ** 32) seed = Number(values.seed);
  else fail(`--seed must be a whole number below 4294967296, not ${JSON.stringify(values.seed.slice(0, 20))}`);

  const settings = loadSettings();
  const calendar = calendarFor(settings);
  let within: (t: number) => boolean;
  try {
    within = inMonth(values.month, calendar);
  } catch (e) {
    fail((e as Error).message);
  }

  const { records, problems } = await readRecords(values);
  const items = records.filter((r) => within(r.receivedAt));
  const sample = auditSample(items, seed, (r) => r.internetMessageId).sort((a, b) => a.receivedAt - b.receivedAt);
  const rows = sample.map((r) => auditRow(r, calendar));
  const csv = toCsv(AUDIT_COLUMNS, rows);
  if (values.out) writeFileSync(values.out, csv);
  else process.stdout.write(csv);
  reportProblems(problems);
  process.stderr.write(`audit sample for ${values.month}: ${sample.length} of ${items.length} inquiries, seed ${seed} (the same seed gives the same sample)\n`);
  if (values.record) {
    const list = auditList();
    let added = 0;
    let kept = 0;
    for (let i = 0; i < sample.length; i++) {
      const fields = auditListFields(rows[i]!, values.month, seed, sample[i]!.internetMessageId);
      const existing = await list.findBy("AuditKey", String(fields["AuditKey"])).catch(() => null);
      if (existing) {
        kept++;
        continue;
      }
      try {
        await list.create(fields);
        added++;
      } catch (e) {
        process.stderr.write(`could not record the sample in "${AUDIT_LIST_NAME}" (HTTP ${(e as { status?: number }).status ?? "no answer"}): run npm run provision first\n`);
        process.exit(1);
      }
    }
    process.stderr.write(`recorded in "${AUDIT_LIST_NAME}": ${added} added, ${kept} already there\n`);
  }
}
