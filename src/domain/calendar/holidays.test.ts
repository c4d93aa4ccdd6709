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
