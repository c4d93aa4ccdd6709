/**
 * The business calendar as the SLA clocks use it: business days and minutes across weekends,
 * holidays, observed holidays, split shifts and daylight-saving changes; the deployment's settings
 * read (and refused) in the constructor; and the fast paths checked against the slow ones and
 * against a plain count written here.
 *
 * Every expected value below is either reasoned out in a comment or computed by the reference at
 * the top of this file, which uses only `Date.UTC` arithmetic, the US daylight-saving rule written
 * out by hand and a holiday list copied from OPM's published calendars — never the code under test.
 */
import { describe, expect, it } from "vitest";
import {
  BusinessCalendar,
  CalendarConfigError,
  DEFAULT_CALENDAR,
  isoOfDayNumber,
  type CalendarConfig,
  type OpeningInterval,
  type Weekday,
} from "./calendar";
import { formatInZone } from "./zone";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const t = (iso: string) => Date.parse(iso);
const cal = new BusinessCalendar();
const fmt = (ms: number, c: BusinessCalendar = cal) => formatInZone(ms, c.zone);

// ---------------------------------------------------------------------------------------------
// The independent reference: Chicago wall time by the US rule (since 2007: daylight time from the
// second Sunday of March 02:00 CST to the first Sunday of November 02:00 CDT), OPM's holidays as
// published, and business time counted day by day.

/** Day of the month of the nth Sunday (1-based) of a month, by walking the days. */
function nthSunday(y: number, m: number, n: number): number {
  let seen = 0;
  for (let d = 1; d <= 31; d++) {
    if (new Date(Date.UTC(y, m - 1, d)).getUTCDay() === 0 && ++seen === n) return d;
  }
  throw new Error("no such Sunday");
}

/** Chicago's offset (minutes east of UTC) at a UTC instant, 2007 onwards. */
function chicagoOffset(utcMs: number): number {
  const y = new Date(utcMs).getUTCFullYear();
  const dstStart = Date.UTC(y, 2, nthSunday(y, 3, 2), 8); // 02:00 CST = 08:00 UTC
  const dstEnd = Date.UTC(y, 10, nthSunday(y, 11, 1), 7); // 02:00 CDT = 07:00 UTC
  return utcMs >= dstStart && utcMs < dstEnd ? -300 : -360;
}

/** UTC instant of a Chicago wall time; a time in the spring gap moves forward, an ambiguous one is the first. */
function chicago(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const cdt = wall + 5 * HOUR;
  const cst = wall + 6 * HOUR;
  if (chicagoOffset(cdt) === -300) return cdt; // also the first of two readings in November
  if (chicagoOffset(cst) === -360) return cst;
  return cst; // the gap: 02:30 read with CST is 08:30 UTC, i.e. 03:30 CDT
}

/** OPM's observed federal holidays, 2025–2028, as published. */
const OPM_HOLIDAYS = new Set([
  "2025-01-01", "2025-01-20", "2025-02-17", "2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01",
  "2025-10-13", "2025-11-11", "2025-11-27", "2025-12-25",
  "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07",
  "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25",
  "2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06",
  "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24", "2027-12-31",
  "2028-01-17", "2028-02-21", "2028-05-29", "2028-06-19", "2028-07-04", "2028-09-04", "2028-10-09",
  "2028-11-10", "2028-11-23", "2028-12-25",
]);

const WD: readonly Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

interface RefDay {
  readonly iso: string;
  /** [open, close) as UTC instants */
  readonly spans: readonly (readonly [number, number])[];
}

/** A plain model of a Chicago calendar, 2025-01-01 to 2028-12-31, built one day at a time. */
class Reference {
  readonly days: RefDay[] = [];

  constructor(config: CalendarConfig) {
    const extra = new Set((config.extraHolidays ?? []).map((h) => h.date));
    const worked = new Set(config.workedHolidays ?? []);
    for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2029, 0, 1); ms += DAY) {
      const date = new Date(ms);
      const iso = date.toISOString().slice(0, 10);
      const federal = config.federalHolidays !== false && OPM_HOLIDAYS.has(iso) && !worked.has(iso);
      const closed = extra.has(iso) || federal;
      const hours = closed ? [] : [...(config.hours[WD[date.getUTCDay()]!] ?? [])];
      hours.sort((a, b) => a.open.localeCompare(b.open));
      const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
      const at = (hhmm: string) => chicago(y, m, d) + wallMinutes(y, m, d, hhmm);
      this.days.push({ iso, spans: hours.map((iv) => [at(iv.open), at(iv.close)] as const) });
    }
  }

  private spans(): (readonly [number, number])[] {
    return this.days.flatMap((d) => d.spans);
  }

  effectiveReceipt(u: number): number {
    for (const [o, c] of this.spans()) {
      if (u < o) return o;
      if (u < c) return u;
    }
    throw new Error("past the reference");
  }

  /** Close of the nth business day after the local day of u (n = 0: that day, or the next open one). */
  addBusinessDays(u: number, n: number): number {
    const iso = isoOfChicago(u);
    let i = this.days.findIndex((d) => d.iso === iso);
    if (n === 0) {
      while (this.days[i]!.spans.length === 0) i++;
    } else {
      for (let left = n; left > 0; ) {
        i++;
        if (this.days[i]!.spans.length > 0) left--;
      }
    }
    const spans = this.days[i]!.spans;
    return spans[spans.length - 1]![1];
  }

  addBusinessMinutes(u: number, minutes: number): number {
    let pos = this.effectiveReceipt(u);
    let left = minutes * MIN;
    for (const [o, c] of this.spans()) {
      if (c <= pos) continue;
      const from = Math.max(o, pos);
      if (from + left <= c) return from + left;
      left -= c - from;
      pos = c;
    }
    throw new Error("past the reference");
  }

  businessMsBetween(a: number, b: number): number {
    let n = 0;
    for (const [o, c] of this.spans()) n += Math.max(0, Math.min(c, b) - Math.max(o, a));
    return n;
  }

  businessDaysBetween(a: number, b: number): number {
    const first = isoOfChicago(a);
    const last = isoOfChicago(b);
    return this.days.filter((d) => d.iso > first && d.iso <= last && d.spans.length > 0).length;
  }
}

/** Milliseconds from local midnight to a wall time "hh:mm" of that day (a DST day is 23 or 25 h). */
function wallMinutes(y: number, m: number, d: number, hhmm: string): number {
  const [h, mi] = hhmm.split(":").map(Number) as [number, number];
  if (h === 24) return chicago(y, m, d + 1) - chicago(y, m, d);
  return chicago(y, m, d, h, mi) - chicago(y, m, d);
}

function isoOfChicago(u: number): string {
  return new Date(u + chicagoOffset(u) * MIN).toISOString().slice(0, 10);
}

/** A seeded generator (mulberry32): the same inputs every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const weekdays = (iv: readonly OpeningInterval[]): CalendarConfig["hours"] => ({ mon: iv, tue: iv, wed: iv, thu: iv, fri: iv });
const make = (over: Partial<CalendarConfig>) => new BusinessCalendar({ ...DEFAULT_CALENDAR, ...over });

/** The calendar's private reference paths, reached on purpose to compare them with the fast ones. */
interface SlowPaths {
  slowEffectiveReceipt(utcMs: number): number;
  slowAddBusinessDays(utcMs: number, n: number): number;
}
const slow = (c: BusinessCalendar) => c as unknown as SlowPaths;

// ---------------------------------------------------------------------------------------------

describe("the reference itself", () => {
  it("agrees with facts written down by hand", () => {
    expect(chicago(2026, 3, 8, 1, 59)).toBe(t("2026-03-08T07:59:00Z"));
    expect(chicago(2026, 3, 8, 3, 0)).toBe(t("2026-03-08T08:00:00Z"));
    expect(chicago(2026, 11, 1, 1, 30)).toBe(t("2026-11-01T06:30:00Z"));
    expect(chicago(2026, 11, 1, 2, 0)).toBe(t("2026-11-01T08:00:00Z"));
    expect(new Reference(DEFAULT_CALENDAR).days.find((d) => d.iso === "2026-03-09")!.spans).toEqual([
      [t("2026-03-09T13:00:00Z"), t("2026-03-09T22:00:00Z")],
    ]);
  });
});

describe("a deployment's calendar settings", () => {
  const refused = (over: Partial<CalendarConfig>): string => {
    try {
      make(over);
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarConfigError);
      expect((e as Error).name).toBe("CalendarConfigError");
      return (e as Error).message;
    }
    throw new Error("the settings were accepted");
  };

  it("refuses an unknown time zone with a message naming it", () => {
    expect(refused({ timeZone: "America/Chicgo" })).toBe('Unknown time zone "America/Chicgo": use an IANA name such as America/Chicago');
  });

  it("refuses an opening time that is not a time of day, naming the weekday and the interval", () => {
    expect(refused({ hours: { mon: [{ open: "08:00", close: "17:00" }], tue: [{ open: "8am", close: "17:00" }] } })).toBe(
      'business hours for tue, interval 1: "8am" is not a time of day such as 08:00',
    );
    expect(refused({ hours: { wed: [{ open: "08:00", close: "12:00" }, { open: "13:00", close: "5pm" }] } })).toBe(
      'business hours for wed, interval 2: "5pm" is not a time of day such as 08:00',
    );
    for (const bad of ["0800", "08:0", "108:00", "08:00:00", "", "x08:00"]) {
      expect(refused({ hours: { mon: [{ open: bad, close: "17:00" }] } })).toMatch(/is not a time of day such as 08:00$/);
    }
  });

  it("refuses times outside 00:00–24:00 and accepts 24:00 as midnight", () => {
    for (const bad of ["08:60", "25:00", "24:01", "99:00"]) {
      expect(refused({ hours: { fri: [{ open: "07:00", close: bad }] } })).toBe(
        `business hours for fri, interval 1: "${bad}" is not a time of day between 00:00 and 24:00`,
      );
    }
    const night = make({ hours: { mon: [{ open: "20:00", close: "24:00" }] } });
    expect(night.businessMinutesInDay(t("2026-03-02T12:00:00-06:00"))).toBe(240);
    const edges = make({ hours: { mon: [{ open: "0:00", close: "23:59" }] } });
    expect(edges.businessMinutesInDay(t("2026-03-02T12:00:00-06:00"))).toBe(23 * 60 + 59);
  });

  it("reads one-digit hours and ignores spaces around a time", () => {
    const c = make({ hours: { mon: [{ open: " 9:30", close: "17:00 " }] } });
    expect(fmt(c.effectiveReceipt(t("2026-03-02T07:00:00-06:00")), c)).toBe("2026-03-02T09:30:00-06:00");
    expect(c.businessMinutesInDay(t("2026-03-02T12:00:00-06:00"))).toBe(450);
  });

  it("refuses an interval that closes when or before it opens (it would loop elsewhere)", () => {
    expect(refused({ hours: { mon: [{ open: "17:00", close: "08:00" }] } })).toBe(
      "business hours for mon, interval 1: closes at 08:00, not after it opens at 17:00",
    );
    expect(refused({ hours: { thu: [{ open: "09:00", close: "09:00" }] } })).toBe(
      "business hours for thu, interval 1: closes at 09:00, not after it opens at 09:00",
    );
  });

  it("refuses overlapping intervals but takes touching ones, in any order", () => {
    expect(refused({ hours: { mon: [{ open: "08:00", close: "12:00" }, { open: "11:59", close: "17:00" }] } })).toBe(
      "business hours for mon: intervals overlap",
    );
    expect(refused({ hours: { sat: [{ open: "13:00", close: "17:00" }, { open: "08:00", close: "13:01" }] } })).toBe(
      "business hours for sat: intervals overlap",
    );
    const touching = make({ hours: { mon: [{ open: "12:00", close: "17:00" }, { open: "08:00", close: "12:00" }] } });
    expect(touching.businessMinutesInDay(t("2026-03-02T12:00:00-06:00"))).toBe(540);
    expect(fmt(touching.effectiveReceipt(t("2026-03-02T06:00:00-06:00")), touching)).toBe("2026-03-02T08:00:00-06:00");
    // the morning interval, given second, is still the first of the day
    expect(fmt(touching.addBusinessMinutes(t("2026-03-02T06:00:00-06:00"), 250), touching)).toBe("2026-03-02T12:10:00-06:00");
  });

  it("refuses a week with no open day, whether the hours are absent or empty", () => {
    expect(refused({ hours: {} })).toBe("business hours: no weekday is open");
    expect(refused({ hours: { mon: [], tue: [] } })).toBe("business hours: no weekday is open");
  });

  it("refuses a holiday or worked holiday that is not a date, quoting it", () => {
    expect(refused({ extraHolidays: [{ date: "2026-11-27" }, { date: "11/27/2026" }] })).toBe(
      'holiday "11/27/2026" is not a date such as 2026-11-27',
    );
    expect(refused({ extraHolidays: [{ date: "2026-11-27 " }] })).toBe('holiday "2026-11-27 " is not a date such as 2026-11-27');
    expect(refused({ workedHolidays: ["2026-11-11", "Veterans Day"] })).toBe(
      'worked holiday "Veterans Day" is not a date such as 2026-11-27',
    );
    expect(refused({ workedHolidays: ["x2026-11-11"] })).toBe('worked holiday "x2026-11-11" is not a date such as 2026-11-27');
  });

  it("uses Chicago, Monday to Friday 08:00–17:00 and federal holidays when given no settings", () => {
    const c = new BusinessCalendar();
    expect(c.zone.name).toBe("America/Chicago");
    expect(c.businessMinutesInDay(t("2026-03-02T12:00:00-06:00"))).toBe(540); // Monday
    expect(c.businessMinutesInDay(t("2026-03-07T12:00:00-06:00"))).toBe(0); // Saturday
    expect(c.holidayOn(Date.UTC(2026, 6, 3) / DAY)).toBe("Independence Day");
  });
});

describe("holidays", () => {
  const day = (iso: string) => t(`${iso}T00:00:00Z`) / DAY;

  it("observes a Saturday holiday on the Friday and a Sunday holiday on the Monday", () => {
    // 4 July 2026 is a Saturday: closed Friday 3 July, open Monday 6 July
    expect(cal.holidayOn(day("2026-07-03"))).toBe("Independence Day");
    expect(cal.holidayOn(day("2026-07-04"))).toBeUndefined();
    expect(cal.businessMinutesInDay(t("2026-07-03T12:00:00-05:00"))).toBe(0);
    expect(cal.businessMinutesInDay(t("2026-07-06T12:00:00-05:00"))).toBe(540);
    // 4 July 2027 is a Sunday: closed Monday 5 July
    expect(cal.holidayOn(day("2027-07-05"))).toBe("Independence Day");
    expect(fmt(cal.effectiveReceipt(t("2027-07-02T17:30:00-05:00")))).toBe("2027-07-06T08:00:00-05:00");
    // 1 January 2028 is a Saturday: observed on Friday 31 December 2027
    expect(cal.holidayOn(day("2027-12-31"))).toBe("New Year's Day");
    expect(fmt(cal.addBusinessDays(t("2027-12-30T10:00:00-06:00"), 1))).toBe("2028-01-03T17:00:00-06:00");
  });

  it("names the deployment's own dates, 'Holiday' when unnamed, even with federal holidays off", () => {
    const c = make({
      federalHolidays: false,
      extraHolidays: [{ date: "2026-11-27", name: "Day after Thanksgiving" }, { date: "2026-12-24" }],
    });
    expect(c.holidayOn(day("2026-11-27"))).toBe("Day after Thanksgiving");
    expect(c.holidayOn(day("2026-12-24"))).toBe("Holiday");
    expect(c.holidayOn(day("2026-11-26"))).toBeUndefined(); // Thanksgiving itself: federal holidays off
    expect(c.businessMinutesInDay(t("2026-11-26T12:00:00-06:00"))).toBe(540);
    expect(c.businessMinutesInDay(t("2026-11-27T12:00:00-06:00"))).toBe(0);
  });

  it("works a federal holiday the deployment lists as worked, and only that one", () => {
    const c = make({ workedHolidays: ["2026-11-11"] });
    expect(c.holidayOn(day("2026-11-11"))).toBeUndefined();
    expect(c.businessMinutesInDay(t("2026-11-11T12:00:00-06:00"))).toBe(540);
    expect(c.holidayOn(day("2026-11-26"))).toBe("Thanksgiving Day");
    // a worked date that is also one of the deployment's own holidays stays closed
    const both = make({ workedHolidays: ["2026-11-27"], extraHolidays: [{ date: "2026-11-27", name: "Closed" }] });
    expect(both.holidayOn(day("2026-11-27"))).toBe("Closed");
  });

  it("computes each year's holidays as it reaches it, in either direction", () => {
    const c = new BusinessCalendar();
    expect(c.holidayOn(day("2028-11-10"))).toBe("Veterans Day"); // 11 Nov 2028 is a Saturday
    expect(c.holidayOn(day("2025-01-20"))).toBe("Birthday of Martin Luther King, Jr.");
    expect(c.holidayOn(day("2028-11-23"))).toBe("Thanksgiving Day");
    expect(c.holidayOn(day("2025-01-21"))).toBeUndefined();
  });

  it("lists the holidays a due time skipped, only on days that would otherwise be open", () => {
    expect(cal.holidaysBetween(t("2026-07-02T10:00:00-05:00"), t("2026-07-06T17:00:00-05:00"))).toEqual([
      { date: "2026-07-03", name: "Independence Day" },
    ]);
    expect(cal.holidaysBetween(t("2026-11-25T10:00:00-06:00"), t("2026-12-28T17:00:00-06:00"))).toEqual([
      { date: "2026-11-26", name: "Thanksgiving Day" },
      { date: "2026-12-25", name: "Christmas Day" },
    ]);
    // the first and the last day count too
    expect(cal.holidaysBetween(t("2026-12-25T09:00:00-06:00"), t("2026-12-25T10:00:00-06:00"))).toEqual([
      { date: "2026-12-25", name: "Christmas Day" },
    ]);
    expect(cal.holidaysBetween(t("2026-12-24T09:00:00-06:00"), t("2026-12-25T10:00:00-06:00"))).toHaveLength(1);
    expect(cal.holidaysBetween(t("2026-12-26T09:00:00-06:00"), t("2026-12-31T10:00:00-06:00"))).toEqual([]);
    // a Tuesday-only office skips no Monday holiday
    const tue = make({ hours: { tue: [{ open: "08:00", close: "17:00" }] } });
    expect(tue.holidaysBetween(t("2026-01-16T10:00:00-06:00"), t("2026-01-20T17:00:00-06:00"))).toEqual([]);
    expect(tue.holidaysBetween(t("2026-11-09T10:00:00-06:00"), t("2026-11-12T17:00:00-06:00"))).toEqual([]);
    expect(cal.holidaysBetween(t("2026-01-16T10:00:00-06:00"), t("2026-01-20T17:00:00-06:00"))).toEqual([
      { date: "2026-01-19", name: "Birthday of Martin Luther King, Jr." },
    ]);
  });
});

describe("effective receipt: mail outside business hours counts from the next opening", () => {
  it("keeps mail inside the hours, to the last second before close", () => {
    expect(cal.effectiveReceipt(t("2026-03-02T10:00:00-06:00"))).toBe(t("2026-03-02T10:00:00-06:00"));
    expect(cal.effectiveReceipt(t("2026-03-02T08:00:00-06:00"))).toBe(t("2026-03-02T08:00:00-06:00"));
    expect(cal.effectiveReceipt(t("2026-03-02T16:59:30-06:00"))).toBe(t("2026-03-02T16:59:30-06:00"));
  });

  it("moves mail before opening to the opening and mail at or after close to the next morning", () => {
    expect(fmt(cal.effectiveReceipt(t("2026-03-02T07:59:59-06:00")))).toBe("2026-03-02T08:00:00-06:00");
    expect(fmt(cal.effectiveReceipt(t("2026-03-02T17:00:00-06:00")))).toBe("2026-03-03T08:00:00-06:00");
    expect(fmt(cal.effectiveReceipt(t("2026-03-02T23:59:59-06:00")))).toBe("2026-03-03T08:00:00-06:00");
  });

  it("moves Friday evening and weekend mail to Monday 08:00, across the spring change", () => {
    expect(fmt(cal.effectiveReceipt(t("2026-03-06T18:00:00-06:00")))).toBe("2026-03-09T08:00:00-05:00");
    expect(fmt(cal.effectiveReceipt(t("2026-03-08T02:30:00-05:00")))).toBe("2026-03-09T08:00:00-05:00");
    expect(fmt(cal.effectiveReceipt(t("2026-10-31T12:00:00-05:00")))).toBe("2026-11-02T08:00:00-06:00");
  });

  it("moves lunch-break mail to the afternoon opening of a split shift", () => {
    const split = make({ hours: weekdays([{ open: "08:00", close: "12:00" }, { open: "13:00", close: "17:00" }]) });
    expect(fmt(split.effectiveReceipt(t("2026-03-02T12:30:00-06:00")), split)).toBe("2026-03-02T13:00:00-06:00");
    expect(fmt(split.effectiveReceipt(t("2026-03-02T12:00:00-06:00")), split)).toBe("2026-03-02T13:00:00-06:00");
    expect(split.effectiveReceipt(t("2026-03-02T11:59:00-06:00"))).toBe(t("2026-03-02T11:59:00-06:00"));
  });

  it("keeps mail in an opening inside the hour repeated at the November change", () => {
    // Sunday hours 01:30–05:00; on 1 November 2026 01:30 happens at 06:30Z (CDT) and 07:30Z (CST)
    const night = make({ hours: { sun: [{ open: "01:30", close: "05:00" }] }, federalHolidays: false });
    const second = t("2026-11-01T07:30:00Z");
    expect(night.effectiveReceipt(second)).toBe(second);
    expect(slow(night).slowEffectiveReceipt(second)).toBe(second);
    expect(night.effectiveReceipt(t("2026-11-01T06:00:00Z"))).toBe(t("2026-11-01T06:30:00Z")); // 01:00 CDT → the first 01:30
  });

  it("has no gap at midnight on a 24-hour schedule", () => {
    const allDay = { open: "00:00", close: "24:00" };
    const open247 = make({ hours: { sun: [allDay], mon: [allDay], tue: [allDay], wed: [allDay], thu: [allDay], fri: [allDay], sat: [allDay] }, federalHolidays: false });
    expect(open247.effectiveReceipt(t("2026-03-02T23:59:59-06:00"))).toBe(t("2026-03-02T23:59:59-06:00"));
    expect(open247.effectiveReceipt(t("2026-03-03T00:00:00-06:00"))).toBe(t("2026-03-03T00:00:00-06:00"));
    expect(open247.businessMinutesBetween(t("2026-03-02T23:00:00-06:00"), t("2026-03-03T01:00:00-06:00"))).toBe(120);
    // the spring day has 23 hours, the autumn one 25
    expect(open247.businessMinutesBetween(t("2026-03-08T00:00:00-06:00"), t("2026-03-09T00:00:00-05:00"))).toBe(23 * 60);
    expect(open247.businessMinutesBetween(t("2026-11-01T00:00:00-05:00"), t("2026-11-02T00:00:00-06:00"))).toBe(25 * 60);
  });

  it("counts in days before 1970 too (negative day numbers)", () => {
    // Saturday 27 December 1969, 10:00 CST (no daylight time in December) → Monday 29 December 08:00
    expect(fmt(cal.effectiveReceipt(t("1969-12-27T10:00:00-06:00")))).toBe("1969-12-29T08:00:00-06:00");
    expect(cal.businessMinutesInDay(t("1969-12-30T12:00:00-06:00"))).toBe(540); // a Tuesday
    expect(cal.businessMinutesInDay(t("1969-12-28T12:00:00-06:00"))).toBe(0); // a Sunday
    expect(fmt(cal.addBusinessDays(t("1969-12-31T10:00:00-06:00"), 1))).toBe("1970-01-02T17:00:00-06:00"); // 1 January closed
  });
});

describe("business days: due at close of business of the nth business day", () => {
  it("Monday 10:00 with one business day is due Tuesday 17:00 (the contract's example)", () => {
    expect(fmt(cal.addBusinessDays(t("2026-03-02T10:00:00-06:00"), 1))).toBe("2026-03-03T17:00:00-06:00");
  });

  it("with no days is due at the close of the same day", () => {
    expect(fmt(cal.addBusinessDays(t("2026-03-02T10:00:00-06:00"), 0))).toBe("2026-03-02T17:00:00-06:00");
  });

  it("skips the weekend, the spring change and observed holidays", () => {
    expect(fmt(cal.addBusinessDays(t("2026-03-06T10:00:00-06:00"), 1))).toBe("2026-03-09T17:00:00-05:00");
    expect(fmt(cal.addBusinessDays(t("2026-03-02T10:00:00-06:00"), 5))).toBe("2026-03-09T17:00:00-05:00");
    // Thursday 2 July 2026 + 1: Friday 3 July is the observed Independence Day
    expect(fmt(cal.addBusinessDays(t("2026-07-02T10:00:00-05:00"), 1))).toBe("2026-07-06T17:00:00-05:00");
    // 15 business days from Monday 16 November 2026: Thanksgiving (26 Nov) skipped → Tuesday 8 December
    expect(fmt(cal.addBusinessDays(t("2026-11-16T09:00:00-06:00"), 15))).toBe("2026-12-08T17:00:00-06:00");
  });

  it("counts from the next business day when the start day is closed", () => {
    // Saturday + 0: the next business day's close; Saturday + 1: Monday is the first day after it
    expect(fmt(cal.addBusinessDays(t("2026-03-07T11:00:00-06:00"), 0))).toBe("2026-03-09T17:00:00-05:00");
    expect(fmt(cal.addBusinessDays(t("2026-03-07T11:00:00-06:00"), 1))).toBe("2026-03-09T17:00:00-05:00");
    expect(fmt(cal.addBusinessDays(t("2026-03-07T11:00:00-06:00"), 2))).toBe("2026-03-10T17:00:00-05:00");
    // mail on Saturday, through its effective receipt (Monday 08:00), with one day: Tuesday 17:00
    expect(fmt(cal.addBusinessDays(cal.effectiveReceipt(t("2026-03-07T11:00:00-06:00")), 1))).toBe("2026-03-10T17:00:00-05:00");
  });

  it("ends at the last interval's close on a split-shift day", () => {
    const split = make({ hours: weekdays([{ open: "13:00", close: "18:30" }, { open: "07:00", close: "12:00" }]) });
    expect(fmt(split.addBusinessDays(t("2026-03-02T10:00:00-06:00"), 1), split)).toBe("2026-03-03T18:30:00-06:00");
  });

  it("works for a Tuesday-only office", () => {
    const tue = make({ hours: { tue: [{ open: "09:00", close: "15:00" }] } });
    expect(fmt(tue.addBusinessDays(t("2026-03-04T10:00:00-06:00"), 1), tue)).toBe("2026-03-10T15:00:00-05:00");
    expect(fmt(tue.addBusinessDays(t("2026-03-03T10:00:00-06:00"), 2), tue)).toBe("2026-03-17T15:00:00-05:00");
    expect(tue.businessDaysBetween(t("2026-03-02T10:00:00-06:00"), t("2026-03-31T10:00:00-05:00"))).toBe(5);
  });

  it("says so, instead of looping, when no business day comes in ten years", () => {
    // open only on Saturdays, and every Saturday of eleven years is the deployment's holiday
    const saturdays: { date: string }[] = [];
    for (let ms = Date.UTC(2026, 0, 3); ms < Date.UTC(2037, 0, 1); ms += 7 * DAY) saturdays.push({ date: new Date(ms).toISOString().slice(0, 10) });
    const never = make({ hours: { sat: [{ open: "09:00", close: "12:00" }] }, extraHolidays: saturdays });
    expect(() => never.addBusinessDays(t("2026-03-02T10:00:00-06:00"), 1)).toThrow(CalendarConfigError);
    expect(() => never.addBusinessDays(t("2026-03-02T10:00:00-06:00"), 1)).toThrow("the calendar has no business day in ten years");
    expect(() => never.effectiveReceipt(t("2026-03-02T10:00:00-06:00"))).toThrow("the calendar has no business day in ten years");
  });
});

describe("business hours: carried over into the next business day", () => {
  it("Friday 16:30 + 1 hour is Monday 08:30; Monday 15:00 + 4 hours is Tuesday 10:00", () => {
    expect(fmt(cal.addBusinessMinutes(t("2026-03-06T16:30:00-06:00"), 60))).toBe("2026-03-09T08:30:00-05:00");
    // two hours on Monday, two on Tuesday from 08:00
    expect(fmt(cal.addBusinessMinutes(t("2026-03-02T15:00:00-06:00"), 240))).toBe("2026-03-03T10:00:00-06:00");
  });

  it("ends exactly at close when the hours run out at close, and starts after-hours mail at opening", () => {
    expect(fmt(cal.addBusinessMinutes(t("2026-03-02T13:00:00-06:00"), 240))).toBe("2026-03-02T17:00:00-06:00");
    expect(fmt(cal.addBusinessMinutes(t("2026-03-02T18:00:00-06:00"), 30))).toBe("2026-03-03T08:30:00-06:00");
    expect(fmt(cal.addBusinessMinutes(t("2026-03-02T18:00:00-06:00"), 0))).toBe("2026-03-03T08:00:00-06:00");
  });

  it("skips the lunch break of a split shift and a holiday", () => {
    const split = make({ hours: weekdays([{ open: "08:00", close: "12:00" }, { open: "13:00", close: "17:00" }]) });
    expect(fmt(split.addBusinessMinutes(t("2026-03-02T11:00:00-06:00"), 120), split)).toBe("2026-03-02T14:00:00-06:00");
    expect(fmt(split.addBusinessMinutes(t("2026-07-02T16:00:00-05:00"), 120), split)).toBe("2026-07-06T09:00:00-05:00");
  });

  it("carries across many days (a 15-business-day clock in hours)", () => {
    // 15 × 9 h from Monday 2 March 08:00: the 15th business day (Friday 20 March) closes at 17:00
    expect(fmt(cal.addBusinessMinutes(t("2026-03-02T08:00:00-06:00"), 15 * 540))).toBe("2026-03-20T17:00:00-05:00");
  });

  it("counts business minutes between two instants, 0 when the second is not later", () => {
    expect(cal.businessMinutesBetween(t("2026-03-06T16:00:00-06:00"), t("2026-03-09T09:00:00-05:00"))).toBe(120);
    expect(cal.businessMinutesBetween(t("2026-03-02T10:00:00-06:00"), t("2026-03-02T10:00:00-06:00"))).toBe(0);
    expect(cal.businessMinutesBetween(t("2026-03-02T11:00:00-06:00"), t("2026-03-02T10:00:00-06:00"))).toBe(0);
    expect(cal.businessMinutesBetween(t("2026-03-02T06:00:00-06:00"), t("2026-03-02T08:30:00-06:00"))).toBe(30);
    expect(cal.businessMinutesBetween(t("2026-03-02T16:00:00-06:00"), t("2026-03-02T20:00:00-06:00"))).toBe(60);
    expect(cal.businessMinutesBetween(t("2026-03-02T10:00:00-06:00"), t("2026-03-02T10:00:59-06:00"))).toBe(0); // whole minutes
    expect(cal.businessMsBetween(t("2026-03-02T10:00:00-06:00"), t("2026-03-02T10:00:59-06:00"))).toBe(59_000);
    expect(cal.businessMinutesBetween(t("2026-03-07T10:00:00-06:00"), t("2026-03-08T10:00:00-05:00"))).toBe(0); // weekend
  });

  it("counts business days taken as the contract does", () => {
    // same day → 0; Monday → Wednesday → 2; effective receipt Monday 08:00 → Monday 09:00 → 0
    expect(cal.businessDaysBetween(t("2026-03-02T09:00:00-06:00"), t("2026-03-02T16:00:00-06:00"))).toBe(0);
    expect(cal.businessDaysBetween(t("2026-03-02T09:00:00-06:00"), t("2026-03-04T09:00:00-06:00"))).toBe(2);
    expect(cal.businessDaysBetween(t("2026-03-09T08:00:00-05:00"), t("2026-03-09T09:00:00-05:00"))).toBe(0);
    // from Friday, Monday is the first business day after it
    expect(cal.businessDaysBetween(t("2026-03-06T18:00:00-06:00"), t("2026-03-09T09:00:00-05:00"))).toBe(1);
    // an event before the start
    expect(cal.businessDaysBetween(t("2026-03-04T09:00:00-06:00"), t("2026-03-02T09:00:00-06:00"))).toBe(0);
    // over Independence Day (observed Friday 3 July 2026): Thursday → Monday is 1
    expect(cal.businessDaysBetween(t("2026-07-02T09:00:00-05:00"), t("2026-07-06T09:00:00-05:00"))).toBe(1);
  });

  it("counts the business minutes of a local day", () => {
    expect(cal.businessMinutesInDay(t("2026-03-02T23:30:00-06:00"))).toBe(540); // still Monday in Chicago
    expect(cal.businessMinutesInDay(t("2026-03-03T05:30:00Z"))).toBe(540); // Monday 23:30 CST, Tuesday in UTC
    expect(cal.businessMinutesInDay(t("2026-11-26T12:00:00-06:00"))).toBe(0); // Thanksgiving
    const split = make({ hours: weekdays([{ open: "08:00", close: "12:00" }, { open: "13:00", close: "17:30" }]) });
    expect(split.businessMinutesInDay(t("2026-03-02T12:00:00-06:00"))).toBe(510);
  });
});

describe("one calendar asked about far-apart dates in any order", () => {
  it("answers each as a fresh calendar would", () => {
    const c = new BusinessCalendar();
    // each question moves the window of precomputed days: forward years, back years, and back again
    expect(fmt(c.addBusinessDays(t("2026-03-02T10:00:00-06:00"), 1), c)).toBe("2026-03-03T17:00:00-06:00");
    expect(fmt(c.addBusinessDays(t("2031-07-03T10:00:00-05:00"), 1), c)).toBe("2031-07-07T17:00:00-05:00"); // 4 July 2031 a Friday
    expect(fmt(c.addBusinessDays(t("2021-12-23T10:00:00-06:00"), 1), c)).toBe("2021-12-27T17:00:00-06:00"); // Christmas 2021 observed Friday 24
    expect(fmt(c.effectiveReceipt(t("2019-11-28T10:00:00-06:00")), c)).toBe("2019-11-29T08:00:00-06:00"); // Thanksgiving 2019
    // 1 January 2040 is a Sunday: Monday 2 January is closed, Tuesday 3 January open
    expect(c.businessMinutesBetween(t("2040-01-02T08:00:00-06:00"), t("2040-01-03T08:00:00-06:00"))).toBe(0);
    expect(c.businessMinutesBetween(t("2040-01-03T08:00:00-06:00"), t("2040-01-04T08:00:00-06:00"))).toBe(540);
    expect(fmt(c.addBusinessMinutes(t("2012-12-31T16:00:00-06:00"), 120), c)).toBe("2013-01-02T09:00:00-06:00");
    expect(c.businessDaysBetween(t("2035-12-21T10:00:00-06:00"), t("2035-12-28T10:00:00-06:00"))).toBe(4); // Christmas Tuesday
  });

  it("answers at the edges of the precomputed days", () => {
    // a fresh calendar's first question fixes its window; questions just inside and just outside it
    // (the window reaches 400 days back and 800 + the question's reach ahead of the first question)
    const ref = new Reference(DEFAULT_CALENDAR);
    const start = t("2026-03-02T10:00:00-06:00");
    const offsets = [0, ...Array.from({ length: 8 }, (_, i) => -403 + i), ...Array.from({ length: 50 }, (_, i) => 784 + i)];
    for (const offset of offsets) {
      const primed = () => {
        const c = new BusinessCalendar();
        c.addBusinessDays(start, 0);
        return c;
      };
      const noon = new Date(start + offset * DAY);
      const probe = Date.UTC(noon.getUTCFullYear(), noon.getUTCMonth(), noon.getUTCDate(), 18); // 12:00 or 13:00 in Chicago
      expect(primed().addBusinessDays(probe, 1)).toBe(ref.addBusinessDays(probe, 1));
      expect(primed().effectiveReceipt(probe + 6 * HOUR)).toBe(ref.effectiveReceipt(probe + 6 * HOUR));
      expect(primed().addBusinessMinutes(probe, 600)).toBe(ref.addBusinessMinutes(probe, 600));
      expect(primed().businessDaysBetween(probe - 3 * DAY, probe)).toBe(ref.businessDaysBetween(probe - 3 * DAY, probe));
      expect(primed().businessMsBetween(probe - 3 * DAY, probe)).toBe(ref.businessMsBetween(probe - 3 * DAY, probe));
    }
  });
});

describe("clocks longer than the days the calendar precomputes", () => {
  it("1,000 business days of a Tuesday-only office end 1,000 Tuesdays later", () => {
    const tue = make({ hours: { tue: [{ open: "09:00", close: "15:00" }] }, federalHolidays: false });
    // Tuesday 3 March 2026 + 1,000 Tuesdays = 7,000 days later: Tuesday 2 May 2045, 15:00 CDT
    const last = Date.UTC(2026, 2, 3) + 7000 * DAY;
    expect(new Date(last).toISOString().slice(0, 10)).toBe("2045-05-02");
    expect(tue.addBusinessDays(t("2026-03-03T10:00:00-06:00"), 1000)).toBe(last + 15 * HOUR + 5 * HOUR);
    expect(tue.businessDaysBetween(t("2026-03-03T10:00:00-06:00"), last + 12 * HOUR)).toBe(1000);
    expect(tue.businessMsBetween(t("2026-03-03T09:00:00-06:00"), last + 21 * HOUR)).toBe(1001 * 6 * HOUR);
  });

  it("a year of business hours from one start is the same instant as counted day by day", () => {
    const ref = new Reference(DEFAULT_CALENDAR);
    const start = t("2025-02-03T08:00:00-06:00");
    expect(cal.addBusinessMinutes(start, 250 * 540)).toBe(ref.addBusinessMinutes(start, 250 * 540));
    expect(new BusinessCalendar().addBusinessDays(start, 700)).toBe(ref.addBusinessDays(start, 700));
    expect(new BusinessCalendar().businessDaysBetween(start, t("2028-10-02T10:00:00-05:00"))).toBe(
      ref.businessDaysBetween(start, t("2028-10-02T10:00:00-05:00")),
    );
    expect(new BusinessCalendar().businessMsBetween(start, t("2028-10-02T10:00:00-05:00"))).toBe(
      ref.businessMsBetween(start, t("2028-10-02T10:00:00-05:00")),
    );
  });

  it("1,000 hours of a 33-minute day end on the 1,819th day", () => {
    const all = [{ open: "09:00", close: "09:33" }];
    const short = make({ hours: { sun: all, mon: all, tue: all, wed: all, thu: all, fri: all, sat: all }, federalHolidays: false });
    // after Tuesday 3 March 2026's opening: 1,818 whole days of 33 minutes (59,994) and 6 more minutes
    const d = new Date(Date.UTC(2026, 2, 3) + 1819 * DAY);
    expect(short.addBusinessMinutes(t("2026-03-03T10:00:00-06:00"), 60_000)).toBe(
      chicago(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 9, 6),
    );
  });

  it("refuses, with a clear error, business minutes beyond what it can count", () => {
    // one minute a week: 1,000 minutes are nineteen years, far beyond the precomputed days
    const sparse = make({ hours: { tue: [{ open: "09:00", close: "09:01" }] }, federalHolidays: false });
    expect(() => sparse.addBusinessMinutes(t("2026-03-03T10:00:00-06:00"), 1000)).toThrow(
      new CalendarConfigError("business-minute arithmetic ran past the calendar window"),
    );
    // within reach it answers: 3 minutes from Tuesday 10:00 end on the third Tuesday after, 09:01
    expect(fmt(sparse.addBusinessMinutes(t("2026-03-03T10:00:00-06:00"), 3), sparse)).toBe("2026-03-24T09:01:00-05:00");
    // and near the end of its reach: 115 minutes end at 09:01 of the 115th Tuesday after 3 March 2026
    const tuesday115 = new Date(Date.UTC(2026, 2, 3) + 115 * 7 * DAY);
    // (asked of a fresh calendar, whose window is only as wide as this question needs)
    const fresh = make({ hours: { tue: [{ open: "09:00", close: "09:01" }] }, federalHolidays: false });
    expect(fresh.addBusinessMinutes(t("2026-03-03T10:00:00-06:00"), 115)).toBe(
      chicago(tuesday115.getUTCFullYear(), tuesday115.getUTCMonth() + 1, tuesday115.getUTCDate(), 9, 1),
    );
  });
});

describe("business time before 1970, asked of a fresh calendar", () => {
  it("counts business minutes and business days taken between two days of February 1965", () => {
    // Tuesday 2 February 1965 10:00 CST to Thursday 4 February 10:00 CST, no holiday between
    // (Washington's Birthday falls on the 15th): 7 hours on Tuesday, 9 on Wednesday, 2 on Thursday
    expect(new BusinessCalendar().businessMinutesBetween(t("1965-02-02T10:00:00-06:00"), t("1965-02-04T10:00:00-06:00"))).toBe((7 + 9 + 2) * 60);
    // business days after Tuesday up to and including Thursday: Wednesday and Thursday
    expect(new BusinessCalendar().businessDaysBetween(t("1965-02-02T10:00:00-06:00"), t("1965-02-04T10:00:00-06:00"))).toBe(2);
  });
});

describe("a clock that ends on the last opening the calendar has precomputed", () => {
  it("counts every minute up to that last opening: 1 to 118 minutes of a one-minute Tuesday end on the 1st to 118th Tuesday", () => {
    // mail on Tuesday 3 March 2026 at 10:00, after the day's only minute (09:00–09:01): the clock starts
    // at the next Tuesday's opening, and its kth minute is the kth Tuesday after 3 March, 09:01. Asked of a
    // fresh calendar, whose precomputed days end 830 days after 3 March: the 118th Tuesday (826 days after)
    // is the last opening in them, so 118 minutes end exactly where its business time runs out.
    for (let k = 1; k <= 118; k++) {
      const fresh = make({ hours: { tue: [{ open: "09:00", close: "09:01" }] }, federalHolidays: false });
      const tuesday = new Date(Date.UTC(2026, 2, 3) + k * 7 * DAY);
      expect(fresh.addBusinessMinutes(t("2026-03-03T10:00:00-06:00"), k)).toBe(
        chicago(tuesday.getUTCFullYear(), tuesday.getUTCMonth() + 1, tuesday.getUTCDate(), 9, 1),
      );
    }
    // the 118th Tuesday after 3 March 2026 is 6 June 2028 (826 days: 2026-03-03 + 668 days = 2027-12-31, + 158 = 2028-06-06)
    expect(new Date(Date.UTC(2026, 2, 3) + 118 * 7 * DAY).toISOString().slice(0, 10)).toBe("2028-06-06");
  });
});

describe("the fast paths against the slow paths and a plain count, on generated inputs", () => {
  const configs: [string, CalendarConfig][] = [
    ["default", DEFAULT_CALENDAR],
    ["split shift, holidays worked and added", {
      ...DEFAULT_CALENDAR,
      hours: weekdays([{ open: "07:30", close: "12:00" }, { open: "12:45", close: "18:15" }]),
      extraHolidays: [{ date: "2026-11-27" }, { date: "2027-03-15" }, { date: "2025-12-26", name: "Boxing Day" }],
      workedHolidays: ["2026-10-12", "2027-11-11"],
    }],
    ["Tuesday and Saturday, no federal holidays", {
      ...DEFAULT_CALENDAR,
      hours: { tue: [{ open: "00:00", close: "10:00" }], sat: [{ open: "14:00", close: "24:00" }] },
      federalHolidays: false,
      extraHolidays: [{ date: "2026-03-10" }],
    }],
    ["around the clock on weekdays", { ...DEFAULT_CALENDAR, hours: weekdays([{ open: "00:00", close: "24:00" }]) }],
  ];

  for (const [name, config] of configs) {
    it(`agree for a calendar with ${name}`, () => {
      const ref = new Reference(config);
      const c = new BusinessCalendar(config);
      const rnd = seeded(0x15c + name.length);
      // instants from 2025-02 to 2028-06, on whole minutes, with some at exact openings and closes
      const lo = Date.UTC(2025, 1, 1);
      const hi = Date.UTC(2028, 5, 1);
      const edges = ref.days.filter((d) => d.iso > "2025-02" && d.iso < "2028-06").flatMap((d) => d.spans.flat());
      const instant = () => {
        const r = rnd();
        if (r < 0.3) return edges[Math.floor(rnd() * edges.length)]! + (r < 0.1 ? -MIN : r < 0.2 ? 0 : MIN);
        return lo + Math.floor((rnd() * (hi - lo)) / MIN) * MIN;
      };
      for (let k = 0; k < 150; k++) {
        const u = instant();
        const receipt = ref.effectiveReceipt(u);
        expect(c.effectiveReceipt(u)).toBe(receipt);
        expect(slow(c).slowEffectiveReceipt(u)).toBe(receipt);
        const n = Math.floor(rnd() * 25);
        const due = ref.addBusinessDays(u, n);
        expect(c.addBusinessDays(u, n)).toBe(due);
        expect(slow(c).slowAddBusinessDays(u, n)).toBe(due);
        const minutes = Math.floor(rnd() * 4000);
        expect(c.addBusinessMinutes(u, minutes)).toBe(ref.addBusinessMinutes(u, minutes));
        const v = u + Math.floor(rnd() * 20 * DAY / MIN) * MIN - 2 * DAY;
        expect(c.businessMsBetween(u, v)).toBe(v > u ? ref.businessMsBetween(u, v) : 0);
        expect(c.businessDaysBetween(u, v)).toBe(v > u ? ref.businessDaysBetween(u, v) : 0);
      }
    });
  }
});

describe("isoOfDayNumber", () => {
  it("writes a day number as its date", () => {
    expect(isoOfDayNumber(0)).toBe("1970-01-01");
    expect(isoOfDayNumber(t("2026-03-08T00:00:00Z") / DAY)).toBe("2026-03-08");
    expect(isoOfDayNumber(-1)).toBe("1969-12-31");
  });
});
