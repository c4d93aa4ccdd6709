import { describe, expect, it } from "vitest";
import { TimeZone, formatInZone, parseInstant } from "./zone";

const chicago = TimeZone.of("America/Chicago");

describe("time zone arithmetic", () => {
  it("knows the offset on both sides of the March and November changes", () => {
    expect(chicago.offsetAt(Date.parse("2026-03-08T07:59:00Z"))).toBe(-360);
    expect(chicago.offsetAt(Date.parse("2026-03-08T08:00:00Z"))).toBe(-300);
    expect(chicago.offsetAt(Date.parse("2026-11-01T06:59:00Z"))).toBe(-300);
    expect(chicago.offsetAt(Date.parse("2026-11-01T07:00:00Z"))).toBe(-360);
  });

  it("writes an instant with the offset of its own date", () => {
    expect(formatInZone(Date.parse("2026-01-15T23:00:00Z"), chicago)).toBe("2026-01-15T17:00:00-06:00");
    expect(formatInZone(Date.parse("2026-07-15T22:00:00Z"), chicago)).toBe("2026-07-15T17:00:00-05:00");
  });

  it("reads a wall time that does not exist (spring forward) as the time after the gap", () => {
    const r = chicago.fromLocal(Date.UTC(2026, 2, 8, 2, 30));
    expect(formatInZone(r, chicago)).toBe("2026-03-08T03:30:00-05:00");
  });

  it("reads an ambiguous wall time (fall back) as its first occurrence", () => {
    const r = chicago.fromLocal(Date.UTC(2026, 10, 1, 1, 30));
    expect(formatInZone(r, chicago)).toBe("2026-11-01T01:30:00-05:00");
  });

  it("rejects an unknown zone with a message naming it", () => {
    expect(() => TimeZone.of("Mars/Olympus")).toThrow(/Unknown time zone "Mars\/Olympus"/);
  });
});

describe("parsing date-times from outside", () => {
  it("accepts offsets and Z", () => {
    expect(parseInstant("2026-03-02T10:15:00-06:00", chicago)).toEqual({ utcMs: Date.parse("2026-03-02T16:15:00Z"), assumedZone: false });
    expect(parseInstant("2026-03-02T16:15:00Z", chicago)).toEqual({ utcMs: Date.parse("2026-03-02T16:15:00Z"), assumedZone: false });
  });

  it("reads a time without an offset in the plan's zone and says so", () => {
    expect(parseInstant("2026-03-02T10:15:00", chicago)).toEqual({ utcMs: Date.parse("2026-03-02T16:15:00Z"), assumedZone: true });
  });

  it("answers nonsense with a message, not an exception", () => {
    for (const bad of ["", "yesterday", "2026-02-30T10:00:00Z", "2026-13-01T00:00:00Z", "2026-03-02T25:00:00Z", 42, null]) {
      const r = parseInstant(bad, chicago);
      expect(r).toHaveProperty("error");
    }
  });
});

describe("dates outside the supported years", () => {
  it("are refused with the range named, never read as 19xx or another year", () => {
    const zone = chicago;
    for (const t of ["0000-01-01T00:00:00Z", "0099-03-02T10:00:00-06:00", "1899-12-31T23:59:59Z", "3000-01-01T00:00:00Z"]) {
      expect(parseInstant(t, zone)).toEqual({ error: `"${t}" is outside the supported years 1900 to 2999` });
    }
    expect("error" in parseInstant("1900-01-01T00:00:00Z", zone)).toBe(false);
    expect("error" in parseInstant("2999-12-31T23:59:59Z", zone)).toBe(false);
  });
});

// The US rule since 2007, written out by hand (daylight time from the second Sunday of March
// 02:00 CST to the first Sunday of November 02:00 CDT): the independent answer for Chicago.
function nthSunday(y: number, m: number, n: number): number {
  let seen = 0;
  for (let d = 1; d <= 31; d++) if (new Date(Date.UTC(y, m - 1, d)).getUTCDay() === 0 && ++seen === n) return d;
  throw new Error("no such Sunday");
}
function chicagoOffset(utcMs: number): number {
  const y = new Date(utcMs).getUTCFullYear();
  const start = Date.UTC(y, 2, nthSunday(y, 3, 2), 8);
  const end = Date.UTC(y, 10, nthSunday(y, 11, 1), 7);
  return utcMs >= start && utcMs < end ? -300 : -360;
}
/** Wall time → UTC: the daylight reading if it exists (the first of two in November), else standard time. */
function chicagoFromWall(wall: number): number {
  if (chicagoOffset(wall + 5 * 3_600_000) === -300) return wall + 5 * 3_600_000;
  return wall + 6 * 3_600_000; // standard time, or the spring gap read with the offset before it
}

describe("offsets in Chicago and in zones with other rules", () => {
  it("agrees with the US rule at every hour of 2025–2028, both sides of each change", () => {
    const c = TimeZone.of("America/Chicago");
    for (let u = Date.UTC(2025, 0, 1); u < Date.UTC(2029, 0, 1); u += 3_600_000) {
      expect(c.offsetAt(u)).toBe(chicagoOffset(u));
    }
    // a minute and a millisecond before the change, and a change a year has twice
    expect(c.offsetAt(Date.parse("2027-03-14T07:59:59.999Z"))).toBe(-360);
    expect(c.offsetAt(Date.parse("2027-03-14T08:00:00.000Z"))).toBe(-300);
    expect(c.offsetAt(Date.parse("2027-11-07T06:59:59.999Z"))).toBe(-300);
    expect(c.offsetAt(Date.parse("2027-11-07T07:00:00.000Z"))).toBe(-360);
  });

  it("answers for any year asked, in any order", () => {
    const z = TimeZone.of("America/Chicago");
    expect(z.offsetAt(Date.parse("2026-07-01T12:00:00Z"))).toBe(-300);
    expect(z.offsetAt(Date.parse("2026-01-01T12:00:00Z"))).toBe(-360);
    expect(z.offsetAt(Date.parse("2025-07-01T12:00:00Z"))).toBe(-300); // a year before the one looked at last
    expect(z.offsetAt(Date.parse("2027-01-01T12:00:00Z"))).toBe(-360); // a year after
    expect(z.offsetAt(Date.parse("2026-12-31T23:59:59Z"))).toBe(-360);
    expect(z.offsetAt(Date.parse("2027-07-01T12:00:00Z"))).toBe(-300);
    // before 1970 (negative milliseconds, and not on a whole minute): daylight time in July 1969
    expect(z.offsetAt(Date.parse("1969-07-01T12:00:30.500Z"))).toBe(-300);
    expect(z.offsetAt(Date.parse("1969-12-31T23:59:59.250Z"))).toBe(-360);
  });

  it("knows half-hour and quarter-hour offsets, a half-hour daylight change, and zones without one", () => {
    const lordHowe = TimeZone.of("Australia/Lord_Howe"); // +10:30, +11:00 in the southern summer
    expect(lordHowe.offsetAt(Date.parse("2026-04-04T14:59:00Z"))).toBe(660);
    expect(lordHowe.offsetAt(Date.parse("2026-04-04T15:00:00Z"))).toBe(630);
    expect(lordHowe.offsetAt(Date.parse("2026-10-03T15:29:00Z"))).toBe(630);
    expect(lordHowe.offsetAt(Date.parse("2026-10-03T15:30:00Z"))).toBe(660);
    expect(TimeZone.of("Asia/Kathmandu").offsetAt(Date.parse("2026-06-01T00:00:00Z"))).toBe(345);
    expect(TimeZone.of("America/Phoenix").offsetAt(Date.parse("2026-07-01T00:00:00Z"))).toBe(-420);
    expect(TimeZone.of("America/Phoenix").offsetAt(Date.parse("2026-01-01T00:00:00Z"))).toBe(-420);
    const london = TimeZone.of("Europe/London");
    expect(london.offsetAt(Date.parse("2026-03-29T00:59:00Z"))).toBe(0);
    expect(london.offsetAt(Date.parse("2026-03-29T01:00:00Z"))).toBe(60);
    expect(london.offsetAt(Date.parse("2026-10-25T00:59:00Z"))).toBe(60);
    expect(london.offsetAt(Date.parse("2026-10-25T01:00:00Z"))).toBe(0);
  });

  it("sees a change on the last day of a year (Kiritimati skipped 31 December 1994: −10:00 to +14:00)", () => {
    const kiritimati = TimeZone.of("Pacific/Kiritimati");
    expect(kiritimati.offsetAt(Date.parse("1994-12-31T00:00:00Z"))).toBe(-600);
    expect(kiritimati.offsetAt(Date.parse("1994-12-31T12:00:00Z"))).toBe(840);
    expect(formatInZone(Date.parse("1994-12-31T12:00:00Z"), kiritimati)).toBe("1995-01-01T02:00:00+14:00");
  });

  it("gives one zone object per name", () => {
    expect(TimeZone.of("Europe/London")).toBe(TimeZone.of("Europe/London"));
    expect(TimeZone.of("Europe/London").name).toBe("Europe/London");
  });
});

describe("writing an instant with its offset", () => {
  it("writes half-hour, quarter-hour, zero and negative offsets and the seconds", () => {
    expect(formatInZone(Date.parse("2026-01-01T00:00:00Z"), TimeZone.of("America/St_Johns"))).toBe("2025-12-31T20:30:00-03:30");
    expect(formatInZone(Date.parse("2026-07-01T00:00:00Z"), TimeZone.of("America/St_Johns"))).toBe("2026-06-30T21:30:00-02:30");
    expect(formatInZone(Date.parse("2026-01-01T00:00:07Z"), TimeZone.of("Asia/Kathmandu"))).toBe("2026-01-01T05:45:07+05:45");
    expect(formatInZone(Date.parse("2026-01-15T09:08:05Z"), TimeZone.of("Europe/London"))).toBe("2026-01-15T09:08:05+00:00");
    expect(formatInZone(Date.parse("2026-04-04T15:00:00Z"), TimeZone.of("Australia/Lord_Howe"))).toBe("2026-04-05T01:30:00+10:30");
    expect(formatInZone(Date.parse("2026-11-30T23:59:59Z"), TimeZone.of("Pacific/Kiritimati"))).toBe("2026-12-01T13:59:59+14:00");
  });
});

describe("reading wall times", () => {
  it("agrees with the US rule at every quarter hour of the days around each Chicago change", () => {
    const c = TimeZone.of("America/Chicago");
    for (const [y, m, d] of [[2026, 3, 7], [2026, 10, 31], [2027, 3, 13], [2027, 11, 6]] as const) {
      for (let q = 0; q < 3 * 24 * 4; q++) {
        const wall = Date.UTC(y, m - 1, d) + q * 15 * 60_000;
        expect(c.fromLocal(wall)).toBe(chicagoFromWall(wall));
      }
    }
    // the hour after the spring change and the repeated hour in November, by hand
    expect(c.fromLocal(Date.UTC(2026, 2, 8, 10, 0))).toBe(Date.parse("2026-03-08T15:00:00Z"));
    expect(c.fromLocal(Date.UTC(2026, 2, 7, 20, 0))).toBe(Date.parse("2026-03-08T02:00:00Z"));
    expect(c.fromLocal(Date.UTC(2026, 10, 1, 2, 0))).toBe(Date.parse("2026-11-01T08:00:00Z"));
    expect(c.fromLocal(Date.UTC(2026, 10, 1, 0, 59))).toBe(Date.parse("2026-11-01T05:59:00Z"));
  });

  it("moves a time in a half-hour gap forward and reads a repeated time as its first occurrence", () => {
    const lordHowe = TimeZone.of("Australia/Lord_Howe");
    // 4 October 2026: 02:00 jumps to 02:30 (+10:30 → +11:00)
    expect(formatInZone(lordHowe.fromLocal(Date.UTC(2026, 9, 4, 2, 15)), lordHowe)).toBe("2026-10-04T02:45:00+11:00");
    // 5 April 2026: 02:00 falls back to 01:30; 01:45 happens twice
    expect(formatInZone(lordHowe.fromLocal(Date.UTC(2026, 3, 5, 1, 45)), lordHowe)).toBe("2026-04-05T01:45:00+11:00");
    expect(lordHowe.fromLocal(Date.UTC(2026, 3, 5, 1, 45))).toBe(Date.parse("2026-04-04T14:45:00Z"));
    const london = TimeZone.of("Europe/London");
    expect(london.fromLocal(Date.UTC(2026, 2, 29, 1, 30))).toBe(Date.parse("2026-03-29T01:30:00Z")); // 02:30 BST
    expect(london.fromLocal(Date.UTC(2026, 9, 25, 1, 30))).toBe(Date.parse("2026-10-25T00:30:00Z")); // first, BST
    expect(london.fromLocal(Date.UTC(2026, 9, 25, 2, 30))).toBe(Date.parse("2026-10-25T02:30:00Z"));
    const phoenix = TimeZone.of("America/Phoenix");
    expect(phoenix.fromLocal(Date.UTC(2026, 2, 8, 2, 30))).toBe(Date.parse("2026-03-08T09:30:00Z"));
  });
});

describe("parsing every form of date-time the outside sends", () => {
  const ok = (text: string, utc: string, assumedZone = false) =>
    expect(parseInstant(text, chicago)).toEqual({ utcMs: Date.parse(utc), assumedZone });
  const err = (text: unknown) => {
    const r = parseInstant(text, chicago);
    expect("error" in r ? r.error : "accepted").not.toBe("accepted");
    return "error" in r ? r.error : "";
  };

  it("reads offsets with and without a colon, lower-case letters, a space and spaces around", () => {
    ok("2026-03-02T10:15:00+0530", "2026-03-02T04:45:00Z");
    ok("2026-03-02T10:15:00+05:30", "2026-03-02T04:45:00Z");
    ok("2026-03-02T10:15:00-0330", "2026-03-02T13:45:00Z");
    ok("2026-03-02T10:15:00-00:00", "2026-03-02T10:15:00Z");
    ok("2026-03-02T10:15:00+18:00", "2026-03-01T16:15:00Z");
    ok("2026-03-02T10:15:00-18:00", "2026-03-03T04:15:00Z");
    ok("2026-03-02t16:15:00z", "2026-03-02T16:15:00Z");
    ok("2026-03-02 10:15:00 -06:00", "2026-03-02T16:15:00Z");
    ok("  2026-03-02T16:15:00Z  ", "2026-03-02T16:15:00Z");
  });

  it("reads a time without seconds, and fractions of a second to the millisecond", () => {
    ok("2026-03-02T10:15-06:00", "2026-03-02T16:15:00Z");
    ok("2026-03-02T10:15", "2026-03-02T16:15:00Z", true);
    ok("2026-07-02 10:15", "2026-07-02T15:15:00Z", true); // daylight time in July
    ok("2026-03-02T16:15:00.5Z", "2026-03-02T16:15:00.500Z");
    ok("2026-03-02T16:15:00.123456789Z", "2026-03-02T16:15:00.123Z");
    ok("2026-03-02T16:15:00.9999Z", "2026-03-02T16:15:00.999Z");
    ok("2026-03-02T16:15:59Z", "2026-03-02T16:15:59Z");
  });

  it("reads a wall time in the spring gap as the time after it, and a repeated one as the first", () => {
    ok("2026-03-08T02:30:00", "2026-03-08T08:30:00Z", true);
    ok("2026-11-01T01:30:00", "2026-11-01T06:30:00Z", true);
  });

  it("takes the last day of each month and 29 February of a leap year, and refuses the day after", () => {
    ok("2028-02-29T12:00:00Z", "2028-02-29T12:00:00Z");
    ok("2026-12-31T23:59:59Z", "2026-12-31T23:59:59Z");
    ok("2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
    for (const bad of ["2027-02-29T12:00:00Z", "2026-04-31T12:00:00Z", "2026-00-10T12:00:00Z", "2026-01-00T12:00:00Z", "2026-01-32T12:00:00Z"]) {
      expect(err(bad)).toBe(`"${bad}" is not a real date and time`);
    }
  });

  it("refuses hours, minutes and seconds out of range, naming the text", () => {
    for (const bad of ["2026-03-02T24:00:00Z", "2026-03-02T10:60:00Z", "2026-03-02T10:15:60Z", "2026-03-02T10:15:60"]) {
      expect(err(bad)).toBe(`"${bad}" is not a real date and time`);
    }
  });

  it("refuses an offset beyond 18 hours", () => {
    expect(err("2026-03-02T10:15:00+18:01")).toBe('"+18:01" is not a valid UTC offset');
    expect(err("2026-03-02T10:15:00-1900")).toBe('"-1900" is not a valid UTC offset');
  });

  it("refuses what is not an ISO date-time, quoting at most 40 characters of it", () => {
    expect(err("   ")).toBe("missing date-time");
    expect(err("")).toBe("missing date-time");
    expect(err(undefined)).toBe("missing date-time");
    expect(err(1_772_467_200_000)).toBe("missing date-time");
    expect(err("next Tuesday")).toBe('"next Tuesday" is not an ISO 8601 date-time such as 2026-03-02T10:15:00-06:00');
    const long = "2026-03-02T10:15:00Z and then some words that go on and on";
    expect(err(long)).toBe(`"${long.slice(0, 40)}" is not an ISO 8601 date-time such as 2026-03-02T10:15:00-06:00`);
    for (const bad of ["2026-3-2T10:15:00Z", "2026-03-02", "2026-03-02T10:15:00+5", "2026-03-02T10:15:00.Z", "x2026-03-02T10:15:00Z", "2026-03-02T10:15:00Zx", "2026-03-02T1015"]) {
      expect(err(bad)).toMatch(/is not an ISO 8601 date-time/);
    }
    const longYear = "0999-03-02T10:15:00Z plus a tail that makes it long";
    expect(err(longYear)).toMatch(/is not an ISO 8601 date-time/);
    expect(err("1899-06-01T10:15:00.123456789+05:30")).toBe('"1899-06-01T10:15:00.123456789+05:30" is outside the supported years 1900 to 2999');
    // the quote is cut at 40 characters for every kind of refusal
    const spaced = "1899-06-01T10:15:00.123456789          -06:00";
    expect(err(spaced)).toBe(`"${spaced.slice(0, 40)}" is outside the supported years 1900 to 2999`);
    const unreal = "2027-02-29T10:15:00.123456789          -06:00";
    expect(err(unreal)).toBe(`"${unreal.slice(0, 40)}" is not a real date and time`);
  });
});
