import { describe, expect, it } from "vitest";
import { TAT_CSV_COLUMNS, chartLayout, tatHtml, tatRows } from "./tat-report";
import type { TatFigures, TatReport } from "./turnaround";

/** Figures as a manager would read them; each number distinct, so a cell in the wrong column shows. */
function figures(key: string, over: Partial<TatFigures> = {}): TatFigures {
  return {
    key,
    received: 40,
    acknowledgedWithin1: 39,
    answeredWithin: { 1: 21, 3: 33, 5: 37 },
    resolvedWithin: { 2: 38, 5: 36, 15: 40 },
    open: 2,
    policyClocks: { acknowledgement: { met: 31, decided: 32 }, firstResponse: { met: 27, decided: 29 }, resolution: { met: 25, decided: 26 } },
    ...over,
  };
}

const report: TatReport = {
  overall: figures("all"),
  byMailbox: [figures("secure-message"), figures("contact-us", { received: 0, resolvedWithin: { 2: 0, 5: 0, 15: 0 } })],
  byAdvocate: [figures("ana@plan.example")],
  byWeek: [figures("2026-W10")],
};

describe("the turnaround report's CSV rows", () => {
  it("has one row per group and key, overall first, each number in its own column", () => {
    const rows = tatRows(report);
    expect(rows.map((r) => `${r["Group"]}:${r["Key"]}`)).toEqual(["overall:all", "mailbox:secure-message", "mailbox:contact-us", "advocate:ana@plan.example", "week:2026-W10"]);
    for (const r of rows) expect(Object.keys(r)).toEqual([...TAT_CSV_COLUMNS]);
    expect(rows[0]).toEqual({
      Group: "overall", Key: "all", Received: "40", "Acknowledged within 1 day": "39",
      "Answered within 1 day": "21", "Answered within 3 days": "33", "Answered within 5 days": "37",
      "Resolved within 2 days": "38", "Resolved within 5 days": "36", "Resolved within 15 days": "40", Open: "2",
      // 38/40, 36/40, 40/40 to one decimal
      "Resolved within 2 days %": "95.0", "Resolved within 5 days %": "90.0", "Resolved within 15 days %": "100.0",
      "Acknowledgement clock met": "31", "Acknowledgement clock decided": "32", "First response clock met": "27", "First response clock decided": "29",
      "Resolution clock met": "25", "Resolution clock decided": "26",
    });
  });

  it("leaves a percentage empty where nothing was received, rather than 0 % or NaN", () => {
    const empty = tatRows(report)[2]!;
    expect(empty["Received"]).toBe("0");
    expect([empty["Resolved within 2 days %"], empty["Resolved within 5 days %"], empty["Resolved within 15 days %"]]).toEqual(["", "", ""]);
  });

  it("gives percentages to one decimal (1 of 3 is 33.3)", () => {
    const r = tatRows({ ...report, overall: figures("all", { received: 3, resolvedWithin: { 2: 1, 5: 2, 15: 3 } }) })[0]!;
    expect([r["Resolved within 2 days %"], r["Resolved within 5 days %"], r["Resolved within 15 days %"]]).toEqual(["33.3", "66.7", "100.0"]);
  });
});

describe("the turnaround chart's layout", () => {
  it("draws three bars per key whose lengths are the shares resolved within 2, 5 and 15 days, with the goals marked", () => {
    const c = chartLayout([figures("secure-message")]); // 560 wide, labels 180: a plot of 330
    const bars = c.rows[0]!.bars;
    expect(bars.map((b) => b.width)).toEqual([313.5, 297, 330]); // 0.95, 0.90 and 1.00 of 330
    expect(bars.map((b) => b.goalX)).toEqual([180 + 0.95 * 330, 180 + 0.98 * 330, 180 + 330]);
    expect(bars.every((b) => b.x === 180)).toBe(true);
    expect(new Set(bars.map((b) => b.fill)).size).toBe(3);
  });

  it("says which goals were missed, in the bar's text and its title", () => {
    const bars = chartLayout([figures("secure-message")]).rows[0]!.bars;
    // 95 % within 2 days meets 95 %; 90 % within 5 misses 98 %; 100 % within 15 meets 100 %
    expect(bars.map((b) => b.text)).toEqual(["95%", "90% ✗", "100%"]);
    expect(bars[0]!.title).toBe("secure-message: 95.0% resolved within 2 business days (goal 95%)");
    expect(bars[1]!.title).toBe("secure-message: 90.0% resolved within 5 business days (goal 98%) — below goal");
  });

  it("draws an empty bar, below goal, for a key that received nothing", () => {
    const bars = chartLayout([figures("contact-us", { received: 0, resolvedWithin: { 2: 0, 5: 0, 15: 0 } })]).rows[0]!.bars;
    expect(bars.map((b) => b.width)).toEqual([0, 0, 0]);
    expect(bars.map((b) => b.text)).toEqual(["0% ✗", "0% ✗", "0% ✗"]);
  });

  it("stacks rows below each other and grows with the number of keys", () => {
    const one = chartLayout([figures("a")]);
    const three = chartLayout([figures("a"), figures("b"), figures("c")]);
    const rowHeight = 3 * 10 + 14;
    expect(three.height - one.height).toBe(2 * rowHeight);
    expect(three.rows.map((r) => r.y)).toEqual([one.rows[0]!.y, one.rows[0]!.y + rowHeight, one.rows[0]!.y + 2 * rowHeight]);
    const ys = three.rows[1]!.bars.map((b) => b.y);
    expect(ys).toEqual([ys[0], ys[0]! + 10, ys[0]! + 20]);
    for (const r of three.rows) for (const b of r.bars) expect(b.y + b.height).toBeLessThanOrEqual(three.height);
  });

  it("shortens a long key with an ellipsis: 28 characters wide, 16 in the pane's narrow chart", () => {
    const key = "member-services-email-with-a-very-long-name";
    expect(chartLayout([figures(key)]).rows[0]!.label).toBe(`${key.slice(0, 27)}…`);
    expect(chartLayout([figures(key)], { width: 290, label: 110 }).rows[0]!.label).toBe(`${key.slice(0, 15)}…`);
    expect(chartLayout([figures("a".repeat(28))]).rows[0]!.label).toBe("a".repeat(28));
  });

  it("puts the legend on one line in a wide chart and one goal per line in a narrow one", () => {
    const wide = chartLayout([figures("a")]);
    expect(wide.legend.map((l) => l.text)).toEqual(["within 2 days (goal 95%)", "within 5 days (goal 98%)", "within 15 days (goal 100%)"]);
    expect(new Set(wide.legend.map((l) => l.y)).size).toBe(1);
    expect(wide.legend.map((l) => l.x)).toEqual([180, 300, 420]);
    const narrow = chartLayout([figures("a")], { width: 290, label: 110 });
    expect(narrow.legend.map((l) => l.y)).toEqual([4, 18, 32]);
    expect(narrow.legend.every((l) => l.x === 0)).toBe(true);
    // the rows start below the stacked legend
    expect(narrow.rows[0]!.bars[0]!.y).toBeGreaterThan(32 + 10);
    expect(narrow.height - wide.height).toBe(3 * 14);
  });
});

describe("the turnaround report's HTML page", () => {
  it("states the period, the counts and each goal as met or not met", () => {
    const html = tatHtml(report, { from: "2026-03-01", to: "2026-03-31" });
    expect(html).toContain("<title>Turnaround 2026-03-01 to 2026-03-31</title>");
    expect(html).toContain("<p>40 inquiries received in the period; 2 not yet resolved.");
    expect(html).toContain("Resolved within 2 business days: <strong>95.0%</strong> (goal 95%) — met");
    expect(html).toContain("Resolved within 5 business days: <strong>90.0%</strong> (goal 98%) — not met");
    expect(html).toContain("Resolved within 15 business days: <strong>100.0%</strong> (goal 100%) — met");
    for (const s of ["by mailbox", "by advocate", "by week"]) expect(html).toContain(`<h2>${s}</h2>`);
  });

  it("shows each key's row of the table with counts and shares, and its policy clocks met of decided", () => {
    const html = tatHtml(report, { from: "2026-03-01", to: "2026-03-31" });
    expect(html).toContain(
      '<tr><th scope="row">secure-message</th><td>40</td><td>39 (97.5%)</td><td>21 (52.5%)</td><td>33 (82.5%)</td><td>37 (92.5%)</td><td>38 (95.0%)</td><td>36 (90.0%)</td><td>40 (100.0%)</td><td>2</td><td>31/32 · 27/29 · 25/26</td></tr>',
    );
    // a key that received nothing shows a dash, not NaN
    expect(html).toContain('<tr><th scope="row">contact-us</th><td>0</td><td>39 (–%)</td>');
    expect(html).not.toContain("NaN");
  });

  it("escapes every value from the list: a key or period carrying markup is shown as text, never run", () => {
    const hostile = "<img src=x onerror=alert(1)>";
    const html = tatHtml({ ...report, byAdvocate: [figures(hostile)] }, { from: '"><script>alert(1)</script>', to: "2026-03-31" });
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("the turnaround report's charts, for a screen reader", () => {
  it("names each chart by its own title: aria-labelledby points to one id, without spaces, that the page has once", () => {
    const html = tatHtml(report, { from: "2026-03-01", to: "2026-03-31" });
    const refs = [...html.matchAll(/aria-labelledby="([^"]*)"/g)].map((m) => m[1]!);
    expect(refs).toEqual(["c-by-mailbox", "c-by-advocate", "c-by-week"]);
    for (const ref of refs) {
      const titles = [...html.matchAll(new RegExp(`<title id="${ref}">([^<]*)</title>`, "g"))].map((m) => m[1]);
      expect(titles).toHaveLength(1);
      expect(titles[0]).toBe(`Share resolved within the goals, ${ref.slice(2).replace(/-/g, " ")}`);
    }
  });
});

describe("the turnaround report's HTML sections, drawn", () => {
  it("draws a key's chart at 560 by 74: the legend on a line, three bars of 8 with the goals marked and each share beside it", () => {
    // worked out from the layout: labels 180 wide, a plot of 330, rows from y 24, bars 10 apart, text 6 right of the plot
    const html = tatHtml({ ...report, byAdvocate: [figures("ana@plan.example")] }, { from: "2026-03-01", to: "2026-03-31" });
    expect(html).toContain(
      [
        '<section><h2>by advocate</h2><figure><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="c-by-advocate" viewBox="0 0 560 74" width="100%" style="max-width:560px">',
        '<title id="c-by-advocate">Share resolved within the goals, by advocate</title>',
        '<rect x="180" y="4" width="10" height="10" fill="#0f6cbd"/><text x="194" y="13" font-size="11" fill="#242424">within 2 days (goal 95%)</text>',
        '<rect x="300" y="4" width="10" height="10" fill="#5c2e91"/><text x="314" y="13" font-size="11" fill="#242424">within 5 days (goal 98%)</text>',
        '<rect x="420" y="4" width="10" height="10" fill="#107c10"/><text x="434" y="13" font-size="11" fill="#242424">within 15 days (goal 100%)</text>',
        '<text x="0" y="44" font-size="12" fill="#242424">ana@plan.example</text>',
        '<rect x="180" y="24" width="313.5" height="8" fill="#0f6cbd"><title>ana@plan.example: 95.0% resolved within 2 business days (goal 95%)</title></rect>',
        '<line x1="493.5" x2="493.5" y1="23" y2="33" stroke="#242424" stroke-width="2"/><text x="516" y="32" font-size="10" fill="#242424">95%</text>',
        '<rect x="180" y="34" width="297" height="8" fill="#5c2e91"><title>ana@plan.example: 90.0% resolved within 5 business days (goal 98%) — below goal</title></rect>',
        '<line x1="503.4" x2="503.4" y1="33" y2="43" stroke="#242424" stroke-width="2"/><text x="516" y="42" font-size="10" fill="#242424">90% ✗</text>',
        '<rect x="180" y="44" width="330" height="8" fill="#107c10"><title>ana@plan.example: 100.0% resolved within 15 business days (goal 100%)</title></rect>',
        '<line x1="510" x2="510" y1="43" y2="53" stroke="#242424" stroke-width="2"/><text x="516" y="52" font-size="10" fill="#242424">100%</text>',
        "</svg><figcaption>Resolved within 2, 5 and 15 business days, by advocate; the black marks are the goals (95%, 98%, 100%).</figcaption></figure>",
      ].join(""),
    );
  });

  it("draws a second key's row below the first, 44 lower", () => {
    const html = tatHtml({ ...report, byAdvocate: [figures("ana@plan.example"), figures("ben@plan.example")] }, { from: "2026-03-01", to: "2026-03-31" });
    expect(html).toContain('font-size="10" fill="#242424">100%</text><text x="0" y="88" font-size="12" fill="#242424">ben@plan.example</text>');
  });

  it("heads each table with its caption and the figures' columns", () => {
    const html = tatHtml(report, { from: "2026-03-01", to: "2026-03-31" });
    const head = ["", "Received", "Ack ≤1", "Answered ≤1", "≤3", "≤5", "Resolved ≤2", "≤5", "≤15", "Open", "Policy clocks met: ack / response / resolution"].map((h) => `<th scope="col">${h}</th>`).join("");
    for (const s of ["by mailbox", "by advocate", "by week"]) expect(html).toContain(`</figure><table><caption>${s}</caption><thead><tr>${head}</tr></thead><tbody><tr>`);
    expect(html).toContain('<td>31/32 · 27/29 · 25/26</td></tr><tr><th scope="row">contact-us</th>'); // one row after another
    expect(html).toContain("— met</li><li>Resolved within 5 business days");
  });

  it("stacks the legend only in a chart narrower than 450", () => {
    expect(new Set(chartLayout([figures("a")], { width: 450, label: 110 }).legend.map((l) => l.y)).size).toBe(1);
    expect(chartLayout([figures("a")], { width: 449, label: 110 }).legend.map((l) => l.y)).toEqual([4, 18, 32]);
  });
});
