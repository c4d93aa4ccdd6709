import { describe, expect, it } from "vitest";
import { formatBusinessMinutes, formatInstant } from "./format";

describe("the pane's wording of business time and dates", () => {
  it("says business time as a person would: minutes, hours, then days", () => {
    expect(formatBusinessMinutes(45)).toBe("45 min");
    expect(formatBusinessMinutes(-45)).toBe("45 min");
    expect(formatBusinessMinutes(120)).toBe("2 h");
    expect(formatBusinessMinutes(353)).toBe("5 h 53 min");
    expect(formatBusinessMinutes(540 + 5 * 60 + 53)).toBe("1 day 5 h"); // not "1 business day 5 h 53 min"
    expect(formatBusinessMinutes(540)).toBe("1 day");
    expect(formatBusinessMinutes(3 * 540 + 20)).toBe("3 days");
    expect(formatBusinessMinutes(-(183 * 540 + 3 * 60 + 6))).toBe("183 days"); // not "183 business days 3 h 6 min"
  });

  it("gives the year only for dates outside the current year", () => {
    const now = Date.parse("2026-03-04T16:00:00Z");
    expect(formatInstant(Date.parse("2026-03-04T16:02:00Z"), "America/Chicago", now)).toBe("Wed, Mar 4, 10:02 AM CST");
    expect(formatInstant(Date.parse("2025-11-06T16:00:00Z"), "America/Chicago", now)).toBe("Thu, Nov 6, 2025, 10:00 AM CST");
    // the year is the plan zone's: New Year's Eve evening in Chicago is still last year there
    expect(formatInstant(Date.parse("2027-01-01T03:00:00Z"), "America/Chicago", Date.parse("2026-12-31T20:00:00Z"))).toBe("Thu, Dec 31, 9:00 PM CST");
  });
});
