/**
 * Reads an export of the "Member Inquiries" list: one item per line, either its `fields` object or
 * the item `{ "id", "fields": {...} }` as Graph returns it. Lines that cannot be read are reported
 * by line number and reason only — never echoed, since they hold member data.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { readListItem, type InquiryRecord } from "../domain/inquiry/record";

export interface ListExport {
  readonly records: InquiryRecord[];
  readonly problems: string[];
}

/** The whole file; exits with a message when it cannot be read at all. */
export function readListExport(path: string): ListExport {
  if (!existsSync(path) || !statSync(path).isFile()) {
    process.stderr.write(`cannot read ${path}: no such file\n`);
    process.exit(2);
  }
  const records: InquiryRecord[] = [];
  const problems: string[] = [];
  readFileSync(path, "utf8")
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
      const r = readListItem(value);
      if (typeof r === "string") problems.push(`line ${i + 1}: ${r}`);
      else records.push(r);
    });
  return { records, problems };
}

export function reportProblems(problems: readonly string[]): void {
  for (const p of problems.slice(0, 20)) process.stderr.write(`skipped ${p}\n`);
  if (problems.length > 20) process.stderr.write(`skipped ${problems.length - 20} more lines\n`);
}
