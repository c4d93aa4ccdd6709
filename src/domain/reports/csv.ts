/** CSV for the reports, as spreadsheets read it. */

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are written as text. */
export function toCsv(header: readonly string[], rows: readonly Readonly<Record<string, string>>[]): string {
  const cell = (v: string) => {
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [header.map(cell).join(","), ...rows.map((r) => header.map((h) => cell(r[h] ?? "")).join(","))].join("\r\n") + "\r\n";
}
