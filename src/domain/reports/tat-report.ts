/**
 * The turnaround report as a manager reads it: CSV rows (the numbers) and a self-contained HTML page
 * with a table and SVG bar charts against the goals. Plain strings, every value escaped; no scripts.
 */
import { RESOLUTION_GOALS, type TatFigures, type TatReport } from "./turnaround";
import { escapeHtml } from "../templates/templates";

export const TAT_CSV_COLUMNS = [
  "Group", "Key", "Received", "Acknowledged within 1 day", "Answered within 1 day", "Answered within 3 days", "Answered within 5 days",
  "Resolved within 2 days", "Resolved within 5 days", "Resolved within 15 days", "Open",
  "Resolved within 2 days %", "Resolved within 5 days %", "Resolved within 15 days %",
  "Acknowledgement clock met", "Acknowledgement clock decided", "First response clock met", "First response clock decided", "Resolution clock met", "Resolution clock decided",
] as const;

const pct = (n: number, of: number) => (of === 0 ? "" : ((100 * n) / of).toFixed(1));

function row(group: string, f: TatFigures): Record<(typeof TAT_CSV_COLUMNS)[number], string> {
  return {
    Group: group, Key: f.key, Received: String(f.received), "Acknowledged within 1 day": String(f.acknowledgedWithin1),
    "Answered within 1 day": String(f.answeredWithin[1]), "Answered within 3 days": String(f.answeredWithin[3]), "Answered within 5 days": String(f.answeredWithin[5]),
    "Resolved within 2 days": String(f.resolvedWithin[2]), "Resolved within 5 days": String(f.resolvedWithin[5]), "Resolved within 15 days": String(f.resolvedWithin[15]),
    Open: String(f.open),
    "Resolved within 2 days %": pct(f.resolvedWithin[2], f.received), "Resolved within 5 days %": pct(f.resolvedWithin[5], f.received),
    "Resolved within 15 days %": pct(f.resolvedWithin[15], f.received),
    "Acknowledgement clock met": String(f.policyClocks.acknowledgement.met), "Acknowledgement clock decided": String(f.policyClocks.acknowledgement.decided),
    "First response clock met": String(f.policyClocks.firstResponse.met), "First response clock decided": String(f.policyClocks.firstResponse.decided),
    "Resolution clock met": String(f.policyClocks.resolution.met), "Resolution clock decided": String(f.policyClocks.resolution.decided),
  };
}

export function tatRows(report: TatReport): Record<string, string>[] {
  return [
    row("overall", report.overall),
    ...report.byMailbox.map((f) => row("mailbox", f)),
    ...report.byAdvocate.map((f) => row("advocate", f)),
    ...report.byWeek.map((f) => row("week", f)),
  ];
}


export interface ChartBar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fill: string;
  /** Where the goal's mark goes. */
  readonly goalX: number;
  readonly text: string;
  readonly textX: number;
  readonly title: string;
}

export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly legend: readonly { readonly x: number; readonly y: number; readonly fill: string; readonly text: string }[];
  readonly rows: readonly { readonly label: string; readonly y: number; readonly bars: readonly ChartBar[] }[];
}

const COLOURS = ["#0f6cbd", "#5c2e91", "#107c10"] as const;

/**
 * Horizontal bars: per key, the share resolved within 2, 5 and 15 business days, each with its goal
 * marked. One layout, drawn as SVG text for the HTML report and as React elements in the pane.
 */
export function chartLayout(figures: readonly TatFigures[], size: { readonly width?: number; readonly label?: number } = {}): ChartLayout {
  const width = size.width ?? 560;
  const label = size.label ?? 180;
  const barH = 10;
  const rowH = 3 * barH + 14;
  const plot = width - label - 50;
  // a narrow chart (the pane) stacks its legend, one goal per line
  const stacked = width < 450;
  const legendH = stacked ? 3 * 14 : 0;
  const rows = figures.map((f, i) => {
    const y0 = 24 + legendH + i * rowH;
    const bars = RESOLUTION_GOALS.map((g, j): ChartBar => {
      const share = f.received ? f.resolvedWithin[g.days as 2 | 5 | 15] / f.received : 0;
      const met = share >= g.share;
      return {
        x: label, y: y0 + j * barH, width: Number((share * plot).toFixed(1)), height: barH - 2, fill: COLOURS[j]!, goalX: label + g.share * plot,
        text: `${(share * 100).toFixed(0)}%${met ? "" : " ✗"}`, textX: label + plot + 6,
        title: `${f.key}: ${(share * 100).toFixed(1)}% resolved within ${g.days} business days (goal ${g.share * 100}%)${met ? "" : " — below goal"}`,
      };
    });
    const max = stacked ? 16 : 28;
    return { label: f.key.length > max ? `${f.key.slice(0, max - 1)}…` : f.key, y: y0 + 2 * barH, bars };
  });
  return {
    width,
    height: 30 + legendH + figures.length * rowH,
    legend: RESOLUTION_GOALS.map((g, j) => ({ x: stacked ? 0 : label + j * 120, y: stacked ? 4 + j * 14 : 4, fill: COLOURS[j]!, text: `within ${g.days} days (goal ${g.share * 100}%)` })),
    rows,
  };
}

function chart(title: string, figures: readonly TatFigures[]): string {
  const c = chartLayout(figures);
  // an id has no spaces: aria-labelledby reads "c-by advocate" as two ids, "c-by" and "advocate"
  const id = `c-${title.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
  const legend = c.legend.map((l) => `<rect x="${l.x}" y="${l.y}" width="10" height="10" fill="${l.fill}"/><text x="${l.x + 14}" y="${l.y + 9}" font-size="11" fill="#242424">${escapeHtml(l.text)}</text>`).join("");
  const rows = c.rows.map(
    (r) =>
      `<text x="0" y="${r.y}" font-size="12" fill="#242424">${escapeHtml(r.label)}</text>` +
      r.bars
        .map(
          (b) =>
            `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="${b.fill}"><title>${escapeHtml(b.title)}</title></rect>` +
            `<line x1="${b.goalX}" x2="${b.goalX}" y1="${b.y - 1}" y2="${b.y + b.height + 1}" stroke="#242424" stroke-width="2"/>` +
            `<text x="${b.textX}" y="${b.y + b.height}" font-size="10" fill="#242424">${escapeHtml(b.text)}</text>`,
        )
        .join(""),
  );
  return `<figure><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}" viewBox="0 0 ${c.width} ${c.height}" width="100%" style="max-width:${c.width}px"><title id="${id}">Share resolved within the goals, ${escapeHtml(title)}</title>${legend}${rows.join("")}</svg><figcaption>Resolved within 2, 5 and 15 business days, ${escapeHtml(title)}; the black marks are the goals (95%, 98%, 100%).</figcaption></figure>`;
}

function table(title: string, figures: readonly TatFigures[]): string {
  const head = ["", "Received", "Ack ≤1", "Answered ≤1", "≤3", "≤5", "Resolved ≤2", "≤5", "≤15", "Open", "Policy clocks met: ack / response / resolution"];
  const body = figures
    .map((f) => {
      const cells = [f.received, f.acknowledgedWithin1, f.answeredWithin[1], f.answeredWithin[3], f.answeredWithin[5], f.resolvedWithin[2], f.resolvedWithin[5], f.resolvedWithin[15], f.open];
      const withPct = cells.map((n, i) => (i === 0 || i === 8 ? String(n) : `${n} (${pct(n, f.received) || "–"}%)`));
      const clocks = (["acknowledgement", "firstResponse", "resolution"] as const).map((k) => `${f.policyClocks[k].met}/${f.policyClocks[k].decided}`).join(" · ");
      return `<tr><th scope="row">${escapeHtml(f.key)}</th>${withPct.map((c) => `<td>${c}</td>`).join("")}<td>${clocks}</td></tr>`;
    })
    .join("");
  return `<table><caption>${escapeHtml(title)}</caption><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join("")}</tr></thead><tbody>${body}</tbody></table>`;
}

export function tatHtml(report: TatReport, period: { from: string; to: string }): string {
  const o = report.overall;
  const goals = RESOLUTION_GOALS.map((g) => {
    const share = o.received ? o.resolvedWithin[g.days as 2 | 5 | 15] / o.received : 0;
    return `<li>Resolved within ${g.days} business days: <strong>${(share * 100).toFixed(1)}%</strong> (goal ${g.share * 100}%) — ${share >= g.share ? "met" : "not met"}</li>`;
  }).join("");
  const section = (title: string, figures: readonly TatFigures[]) => `<section><h2>${escapeHtml(title)}</h2>${chart(title, figures)}${table(title, figures)}</section>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Turnaround ${escapeHtml(period.from)} to ${escapeHtml(period.to)}</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;color:#242424;margin:1.5rem;max-width:60rem}table{border-collapse:collapse;margin:0.5rem 0 1.5rem}th,td{border:1px solid #d1d1d1;padding:0.25rem 0.5rem;text-align:right}th[scope=row],caption{text-align:left}caption{font-weight:600}</style>
</head><body>
<h1>Turnaround, ${escapeHtml(period.from)} to ${escapeHtml(period.to)}</h1>
<p>${o.received} inquiries received in the period; ${o.open} not yet resolved. Business days count from effective receipt, as the SLA clocks do.</p>
<ul>${goals}</ul>
${section("by mailbox", report.byMailbox)}
${section("by advocate", report.byAdvocate)}
${section("by week", report.byWeek)}
</body></html>
`;
}
