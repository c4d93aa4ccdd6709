/**
 * The business calendar: a time zone, weekly opening hours (several intervals a day allowed, any
 * subset of weekdays), OPM federal holidays and the deployment's own dates. Every clock is computed
 * here, in the plan's zone; instants go in and out as UTC milliseconds.
 */
import { federalHolidays, type Holiday } from "./holidays";
import { TIME, TimeZone, dayOf } from "./zone";

const { MINUTE, DAY } = TIME;

export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface OpeningInterval {
  /** "08:00" */
  readonly open: string;
  /** "17:00"; "24:00" closes at midnight */
  readonly close: string;
}

export interface CalendarConfig {
  readonly timeZone: string;
  /** Opening hours per weekday; a weekday that is absent or empty is closed. */
  readonly hours: Partial<Record<Weekday, readonly OpeningInterval[]>>;
  /** Observe US federal holidays by OPM's rules (default true). */
  readonly federalHolidays?: boolean;
  /** The deployment's own closed dates, e.g. the day after Thanksgiving. */
  readonly extraHolidays?: readonly { readonly date: string; readonly name?: string }[];
  /** Federal holiday dates this deployment works anyway. */
  readonly workedHolidays?: readonly string[];
}

export const DEFAULT_CALENDAR: CalendarConfig = {
  timeZone: "America/Chicago",
  hours: {
    mon: [{ open: "08:00", close: "17:00" }],
    tue: [{ open: "08:00", close: "17:00" }],
    wed: [{ open: "08:00", close: "17:00" }],
    thu: [{ open: "08:00", close: "17:00" }],
    fri: [{ open: "08:00", close: "17:00" }],
  },
  federalHolidays: true,
};

export class CalendarConfigError extends Error {
  override name = "CalendarConfigError";
}

/** [open, close) in minutes after local midnight. */
type Span = readonly [number, number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseClock(text: string, what: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) throw new CalendarConfigError(`${what}: "${text}" is not a time of day such as 08:00`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) {
    throw new CalendarConfigError(`${what}: "${text}" is not a time of day between 00:00 and 24:00`);
  }
  return h * 60 + min;
}

function dayNumberOfIso(date: string): number {
  return Math.floor(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY);
}

export function isoOfDayNumber(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export class BusinessCalendar {
  readonly zone: TimeZone;
  readonly config: CalendarConfig;
  private readonly weekly: readonly (readonly Span[])[];
  private readonly holidayYears = new Set<number>();
  private readonly holidays = new Map<number, string>();
  private readonly worked: ReadonlySet<number>;
  private readonly extra: ReadonlyMap<number, string>;

  constructor(config: CalendarConfig = DEFAULT_CALENDAR) {
    this.config = config;
    try {
      this.zone = TimeZone.of(config.timeZone);
    } catch (e) {
      throw new CalendarConfigError((e as Error).message);
    }
    const weekly: Span[][] = [];
    for (const wd of WEEKDAYS) {
      const spans = (config.hours[wd] ?? []).map((iv, i): Span => {
        const what = `business hours for ${wd}, interval ${i + 1}`;
        const open = parseClock(iv.open, what);
        const close = parseClock(iv.close, what);
        if (close <= open) {
          throw new CalendarConfigError(`${what}: closes at ${iv.close}, not after it opens at ${iv.open}`);
        }
        return [open, close];
      });
      spans.sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < spans.length; i++) {
        if (spans[i]![0] < spans[i - 1]![1]) {
          throw new CalendarConfigError(`business hours for ${wd}: intervals overlap`);
        }
      }
      weekly.push(spans);
    }
    if (weekly.every((s) => s.length === 0)) {
      throw new CalendarConfigError("business hours: no weekday is open");
    }
    this.weekly = weekly;
    const extra = new Map<number, string>();
    for (const h of config.extraHolidays ?? []) {
      if (!ISO_DATE.test(h.date)) throw new CalendarConfigError(`holiday "${h.date}" is not a date such as 2026-11-27`);
      extra.set(dayNumberOfIso(h.date), h.name ?? "Holiday");
    }
    this.extra = extra;
    const worked = new Set<number>();
    for (const d of config.workedHolidays ?? []) {
      if (!ISO_DATE.test(d)) throw new CalendarConfigError(`worked holiday "${d}" is not a date such as 2026-11-27`);
      worked.add(dayNumberOfIso(d));
    }
    this.worked = worked;
  }

  /** Name of the holiday on a local day number, if it is one. */
  holidayOn(day: number): string | undefined {
    const named = this.extra.get(day);
    if (named !== undefined) return named;
    if (this.config.federalHolidays === false || this.worked.has(day)) return undefined;
    const year = new Date(day * DAY).getUTCFullYear();
    if (!this.holidayYears.has(year)) {
      this.holidayYears.add(year);
      for (const h of federalHolidays(year)) this.holidays.set(dayNumberOfIso(h.date), h.name);
    }
    return this.holidays.get(day);
  }

  /** Opening spans of a local day, empty on a closed day. */
  spansOn(day: number): readonly Span[] {
    const spans = this.weekly[(((day + 4) % 7) + 7) % 7]!;
    if (spans.length === 0) return spans;
    return this.holidayOn(day) === undefined ? spans : [];
  }

  private nextOpenDay(day: number): number {
    for (let d = day + 1, guard = 0; guard < 3700; d++, guard++) {
      if (this.spansOn(d).length > 0) return d;
    }
    throw new CalendarConfigError("the calendar has no business day in ten years");
  }

  private instant(day: number, minute: number): number {
    return this.zone.fromLocal(day * DAY + minute * MINUTE);
  }

  /** Mail that arrives outside business hours counts from the next opening. */
  effectiveReceipt(utcMs: number): number {
    const local = this.zone.toLocal(utcMs);
    const day = dayOf(local);
    const minute = (local - day * DAY) / MINUTE;
    for (const [open, close] of this.spansOn(day)) {
      if (minute < open) return this.instant(day, open);
      if (minute < close) return utcMs;
    }
    const next = this.nextOpenDay(day);
    return this.instant(next, this.spansOn(next)[0]![0]);
  }

  /** Close of business of the nth business day after the day of `startUtc` (an effective receipt). */
  addBusinessDays(startUtc: number, n: number): number {
    let day = dayOf(this.zone.toLocal(startUtc));
    for (let i = 0; i < n; i++) day = this.nextOpenDay(day);
    if (n === 0 && this.spansOn(day).length === 0) day = this.nextOpenDay(day);
    const spans = this.spansOn(day);
    return this.instant(day, spans[spans.length - 1]![1]);
  }

  /** The instant `minutes` of business time after `startUtc`, carried across days. */
  addBusinessMinutes(startUtc: number, minutes: number): number {
    let remaining = minutes * MINUTE;
    let pos = this.effectiveReceipt(startUtc);
    let day = dayOf(this.zone.toLocal(pos));
    for (let guard = 0; guard < 40_000; guard++) {
      for (const [open, close] of this.spansOn(day)) {
        const s = this.instant(day, open);
        const e = this.instant(day, close);
        if (e <= pos) continue;
        const from = Math.max(s, pos);
        if (from + remaining <= e) return from + remaining;
        remaining -= e - from;
        pos = e;
      }
      day = this.nextOpenDay(day);
    }
    throw new CalendarConfigError("business-minute arithmetic did not converge");
  }

  /** Business milliseconds in [aUtc, bUtc); 0 when b ≤ a. */
  businessMsBetween(aUtc: number, bUtc: number): number {
    if (bUtc <= aUtc) return 0;
    let total = 0;
    let day = dayOf(this.zone.toLocal(aUtc));
    const lastDay = dayOf(this.zone.toLocal(bUtc));
    for (; day <= lastDay; day++) {
      for (const [open, close] of this.spansOn(day)) {
        const s = Math.max(this.instant(day, open), aUtc);
        const e = Math.min(this.instant(day, close), bUtc);
        if (e > s) total += e - s;
      }
    }
    return total;
  }

  /** Whole business minutes in [aUtc, bUtc). */
  businessMinutesBetween(aUtc: number, bUtc: number): number {
    return Math.floor(this.businessMsBetween(aUtc, bUtc) / MINUTE);
  }

  /** Business days after the day of `startUtc` up to and including the day of `eventUtc`. */
  businessDaysBetween(startUtc: number, eventUtc: number): number {
    const first = dayOf(this.zone.toLocal(startUtc));
    const last = dayOf(this.zone.toLocal(eventUtc));
    let n = 0;
    for (let d = first + 1; d <= last; d++) if (this.spansOn(d).length > 0) n++;
    return n;
  }

  /** Business minutes in the local day of `utcMs` (for "due within a business day" thresholds). */
  businessMinutesInDay(utcMs: number): number {
    const day = dayOf(this.zone.toLocal(utcMs));
    let n = 0;
    for (const [o, c] of this.spansOn(day)) n += c - o;
    return n;
  }

  /** Closed days (holidays, named) strictly between two instants: what a due time skipped. */
  holidaysBetween(aUtc: number, bUtc: number): Holiday[] {
    const out: Holiday[] = [];
    const first = dayOf(this.zone.toLocal(aUtc));
    const last = dayOf(this.zone.toLocal(bUtc));
    for (let d = first; d <= last; d++) {
      const wd = this.weekly[(((d + 4) % 7) + 7) % 7]!;
      const name = this.holidayOn(d);
      if (name !== undefined && wd.length > 0) out.push({ date: isoOfDayNumber(d), name });
    }
    return out;
  }
}
