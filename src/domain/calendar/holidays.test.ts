import { describe, expect, it } from "vitest";
import { federalHolidays } from "./holidays";

const dates = (y: number) => federalHolidays(y).map((h) => h.date);

describe("OPM federal holidays, computed by rule", () => {
  it("lists the eleven holidays of 2026 on their observed days", () => {
    expect(dates(2026)).toEqual([
      "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03",
      "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25",
    ]);
  });

  it("moves a Saturday holiday to Friday and a Sunday holiday to Monday", () => {
    const y2027 = dates(2027);
    expect(y2027).toContain("2027-06-18"); // Juneteenth, Saturday
    expect(y2027).toContain("2027-07-05"); // Independence Day, Sunday
    expect(y2027).toContain("2027-12-24"); // Christmas, Saturday
  });

  it("observes New Year's Day that falls on a Saturday on 31 December of the year before", () => {
    expect(dates(2027)).toContain("2027-12-31");
    expect(dates(2028)).not.toContain("2028-01-01");
  });

  it("has no Juneteenth before it became a holiday in 2021", () => {
    expect(federalHolidays(2019).map((h) => h.name)).not.toContain("Juneteenth National Independence Day");
  });
});

/**
 * OPM's rules written out independently: walk the days of the month to find the nth or last
 * Monday or Thursday, then move a Saturday date to the Friday and a Sunday date to the Monday.
 */
function referenceHolidays(year: number): { date: string; name: string }[] {
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const dow = (ms: number) => new Date(ms).getUTCDay();
  const nth = (m: number, wd: number, n: number) => {
    const hits: number[] = [];
    for (let ms = Date.UTC(year, m - 1, 1); new Date(ms).getUTCMonth() === m - 1; ms += 86_400_000) if (dow(ms) === wd) hits.push(ms);
    return iso(n > 0 ? hits[n - 1]! : hits[hits.length - 1]!);
  };
  const fixed = (y: number, m: number, d: number) => {
    const ms = Date.UTC(y, m - 1, d);
    return iso(dow(ms) === 6 ? ms - 86_400_000 : dow(ms) === 0 ? ms + 86_400_000 : ms);
  };
  const all = [
    { date: fixed(year, 1, 1), name: "New Year's Day" },
    { date: nth(1, 1, 3), name: "Birthday of Martin Luther King, Jr." },
    { date: nth(2, 1, 3), name: "Washington's Birthday" },
    { date: nth(5, 1, -1), name: "Memorial Day" },
    ...(year >= 2021 ? [{ date: fixed(year, 6, 19), name: "Juneteenth National Independence Day" }] : []),
    { date: fixed(year, 7, 4), name: "Independence Day" },
    { date: nth(9, 1, 1), name: "Labor Day" },
    { date: nth(10, 1, 2), name: "Columbus Day" },
    { date: fixed(year, 11, 11), name: "Veterans Day" },
    { date: nth(11, 4, 4), name: "Thanksgiving Day" },
    { date: fixed(year, 12, 25), name: "Christmas Day" },
    { date: fixed(year + 1, 1, 1), name: "New Year's Day" },
  ];
  return all.filter((h) => h.date.startsWith(`${year}-`));
}

describe("OPM federal holidays for every supported year", () => {
  it("agree with the rules written out day by day, 1900–2999 by names and dates", () => {
    for (let y = 1900; y <= 2999; y++) expect(federalHolidays(y), String(y)).toEqual(referenceHolidays(y));
  });

  it("name each holiday of 2026 as OPM does", () => {
    expect(federalHolidays(2026).map((h) => h.name)).toEqual([
      "New Year's Day", "Birthday of Martin Luther King, Jr.", "Washington's Birthday", "Memorial Day",
      "Juneteenth National Independence Day", "Independence Day", "Labor Day", "Columbus Day", "Veterans Day",
      "Thanksgiving Day", "Christmas Day",
    ]);
  });

  it("list OPM's published calendars of 2025, 2027 and 2028", () => {
    expect(dates(2025)).toEqual([
      "2025-01-01", "2025-01-20", "2025-02-17", "2025-05-26", "2025-06-19", "2025-07-04",
      "2025-09-01", "2025-10-13", "2025-11-11", "2025-11-27", "2025-12-25",
    ]);
    // 2027 ends with two holidays: Christmas (Saturday) on Friday 24, New Year's Day 2028 (Saturday) on Friday 31
    expect(dates(2027)).toEqual([
      "2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05",
      "2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24", "2027-12-31",
    ]);
    // 2028 has no New Year's Day of its own (observed in 2027); Veterans Day (Saturday) on Friday 10
    expect(dates(2028)).toEqual([
      "2028-01-17", "2028-02-21", "2028-05-29", "2028-06-19", "2028-07-04",
      "2028-09-04", "2028-10-09", "2028-11-10", "2028-11-23", "2028-12-25",
    ]);
  });

  it("observes Juneteenth from 2021, its first year (a Saturday: Friday 18 June)", () => {
    expect(dates(2021)).toContain("2021-06-18");
    expect(dates(2020).filter((d) => d.startsWith("2020-06"))).toEqual([]);
  });
});
