import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../calendar/calendar";
import { REPORT_MINUTE_OF_DAY, lastResolution, nextReportTime, previousReportTime } from "./report-time";

const at = (s: string) => Date.parse(s);
/** A calendar closed, beyond the federal holidays, on every weekday from `first` to `last` (the deployment's own closure). */
function closedFrom(first: string, last: string): BusinessCalendar {
  const extraHolidays: { date: string }[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    const day = new Date(t);
    const iso = day.toISOString().slice(0, 10);
    if (day.getUTCDay() % 6 !== 0 && iso !== "2026-12-25" && iso !== "2027-01-01") extraHolidays.push({ date: iso });
  }
  return new BusinessCalendar({ ...new BusinessCalendar().config, extraHolidays });
}
// Expected times below are written out by hand from a 2026 wall calendar (Central time, Monday to
// Friday 08:00–17:00, OPM holidays: Columbus Day 12 October, Veterans Day Wednesday 11 November,
// Thanksgiving 26 November, Christmas Friday 25 December; standard time from Sunday 1 November).

describe("the previous business day's report", () => {
  it("goes out at 10:00 local", () => {
    expect(REPORT_MINUTE_OF_DAY).toBe(600);
  });

  it("is the day before on a Tuesday to Friday, at the same local time, even mid-afternoon", () => {
    const calendar = new BusinessCalendar();
    expect(previousReportTime(at("2026-10-08T10:00:00-05:00"), calendar)).toBe(at("2026-10-07T10:00:00-05:00"));
    expect(previousReportTime(at("2026-10-07T14:30:00-05:00"), calendar)).toBe(at("2026-10-06T14:30:00-05:00"));
  });

  it("is Friday's for a report on the weekend or on Monday", () => {
    const calendar = new BusinessCalendar();
    expect(previousReportTime(at("2026-10-10T10:00:00-05:00"), calendar)).toBe(at("2026-10-09T10:00:00-05:00")); // Saturday
    expect(previousReportTime(at("2026-10-11T10:00:00-05:00"), calendar)).toBe(at("2026-10-09T10:00:00-05:00")); // Sunday
  });

  it("skips Thanksgiving: the Friday after looks back to Wednesday", () => {
    const calendar = new BusinessCalendar();
    expect(previousReportTime(at("2026-11-27T10:00:00-06:00"), calendar)).toBe(at("2026-11-25T10:00:00-06:00"));
  });

  it("skips a midweek holiday: Thursday after Veterans Day looks back to Tuesday", () => {
    const calendar = new BusinessCalendar();
    expect(previousReportTime(at("2026-11-12T10:00:00-06:00"), calendar)).toBe(at("2026-11-10T10:00:00-06:00"));
  });

  it("keeps 10:00 on the wall clock across the change to standard time", () => {
    const calendar = new BusinessCalendar();
    // Monday 2 November 10:00 CST (16:00 UTC) → Friday 30 October 10:00 CDT (15:00 UTC), 73 hours before, not 72
    expect(previousReportTime(at("2026-11-02T10:00:00-06:00"), calendar)).toBe(at("2026-10-30T10:00:00-05:00"));
  });

  it("looks back up to 30 days over a long closure of the deployment's own", () => {
    // closed from Tuesday 8 December to Tuesday 5 January: Wednesday 6 January's report looks back to Monday 7 December, 30 days before
    expect(previousReportTime(at("2027-01-06T10:00:00-06:00"), closedFrom("2026-12-08", "2027-01-05"))).toBe(at("2026-12-07T10:00:00-06:00"));
  });

  it("covers only the day before after a closure longer than 30 days", () => {
    // closed from Monday 7 December: the last business day, Friday 4 December, is 33 days back
    expect(previousReportTime(at("2027-01-06T10:00:00-06:00"), closedFrom("2026-12-07", "2027-01-05"))).toBe(at("2027-01-05T10:00:00-06:00"));
  });
});

describe("the report that something arriving at a moment is in", () => {
  it("is that morning's report up to the last millisecond before 10:00 on a business day", () => {
    const calendar = new BusinessCalendar();
    expect(nextReportTime(at("2026-10-07T00:00:00-05:00"), calendar)).toBe(at("2026-10-07T10:00:00-05:00"));
    expect(nextReportTime(at("2026-10-07T09:59:59.999-05:00"), calendar)).toBe(at("2026-10-07T10:00:00-05:00"));
    expect(nextReportTime(at("2026-10-07T10:00:00.001-05:00"), calendar)).toBe(at("2026-10-08T10:00:00-05:00"));
  });

  it("is Monday's for the weekend and for Friday after 10:00", () => {
    const calendar = new BusinessCalendar();
    expect(nextReportTime(at("2026-10-02T23:59:00-05:00"), calendar)).toBe(at("2026-10-05T10:00:00-05:00"));
    expect(nextReportTime(at("2026-10-03T09:00:00-05:00"), calendar)).toBe(at("2026-10-05T10:00:00-05:00"));
    expect(nextReportTime(at("2026-10-04T11:00:00-05:00"), calendar)).toBe(at("2026-10-05T10:00:00-05:00"));
  });

  it("skips a holiday morning: mail at 08:00 on Columbus Day is in Tuesday's report", () => {
    const calendar = new BusinessCalendar();
    expect(nextReportTime(at("2026-10-12T08:00:00-05:00"), calendar)).toBe(at("2026-10-13T10:00:00-05:00"));
  });

  it("skips Thanksgiving and Christmas", () => {
    const calendar = new BusinessCalendar();
    expect(nextReportTime(at("2026-11-25T12:00:00-06:00"), calendar)).toBe(at("2026-11-27T10:00:00-06:00"));
    expect(nextReportTime(at("2026-12-24T10:30:00-06:00"), calendar)).toBe(at("2026-12-28T10:00:00-06:00"));
  });

  it("goes out at another minute of the day when the deployment says so", () => {
    const calendar = new BusinessCalendar();
    expect(nextReportTime(at("2026-10-07T08:59:00-05:00"), calendar, 9 * 60)).toBe(at("2026-10-07T09:00:00-05:00"));
    expect(nextReportTime(at("2026-10-07T09:00:00-05:00"), calendar, 9 * 60)).toBe(at("2026-10-08T09:00:00-05:00"));
  });

  it("waits up to 40 days over a long closure of the deployment's own", () => {
    // closed from Monday 7 December to Tuesday 12 January: Friday 4 December 11:00 waits for Wednesday 13 January, 40 days on
    expect(nextReportTime(at("2026-12-04T11:00:00-06:00"), closedFrom("2026-12-07", "2027-01-12"))).toBe(at("2027-01-13T10:00:00-06:00"));
  });

  it("is the next day's after a closure longer than 40 days", () => {
    expect(nextReportTime(at("2026-12-04T11:00:00-06:00"), closedFrom("2026-12-07", "2027-01-13"))).toBe(at("2026-12-05T10:00:00-06:00"));
    expect(nextReportTime(at("2026-12-04T11:00:00-06:00"), closedFrom("2026-12-07", "2027-01-13"), 9 * 60)).toBe(at("2026-12-05T09:00:00-06:00"));
  });
});

describe("the last resolution", () => {
  it("is none for an inquiry never resolved, whatever else happened", () => {
    expect(lastResolution([])).toBeNull();
    expect(lastResolution([{ type: "responded", at: 100 }, { type: "reopened", at: 200 }])).toBeNull();
  });

  it("ignores a resolution at or after the time asked about", () => {
    expect(lastResolution([{ type: "resolved", at: 200 }], 201)).toBe(200);
    expect(lastResolution([{ type: "resolved", at: 200 }], 200)).toBeNull();
    expect(lastResolution([{ type: "resolved", at: 100 }, { type: "resolved", at: 300 }], 250)).toBe(100);
  });

  it("is found whatever the date a record carries, even one before 1970 (a wrong date typed into the list)", () => {
    const wrong = Date.parse("1969-12-31T15:00:00-06:00");
    expect(lastResolution([{ type: "resolved", at: wrong }])).toBe(wrong);
    expect(lastResolution([{ type: "resolved", at: wrong }, { type: "resolved", at: wrong - 86_400_000 }])).toBe(wrong);
  });
});
