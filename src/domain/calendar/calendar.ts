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

interface CalendarWindow {
  /** Days [firstDay, endDay) are covered. */
  readonly firstDay: number;
  readonly endDay: number;
  /** Every business span in order, as UTC instants. */
  readonly opens: Float64Array;
  readonly closes: Float64Array;
  /** cum[i]: business milliseconds in the spans before span i. */
  readonly cum: Float64Array;
  /** Index of the first span on or after each day. */
  readonly dayFirstSpan: Int32Array;
  /** The business days, and the close of business of each. */
  readonly bizDays: Int32Array;
  readonly bizClose: Float64Array;
  /** Index (in bizDays) of the first business day on or after each day. */
  readonly dayBizIdx: Int32Array;
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

  // ---- the window: every business span of a range of days as UTC instants, with running sums,
  // so that a due time or a count of business minutes is a few array reads (and a binary search)
  private win: CalendarWindow | undefined;

  private window(day: number, reachDays = 0): CalendarWindow {
    const w = this.win;
    if (w && day - 1 >= w.firstDay && day + reachDays + 1 < w.endDay) return w;
    const from = Math.min(day - 400, w ? w.firstDay : Infinity);
    const to = Math.max(day + reachDays + 800, w ? w.endDay : -Infinity);
    this.win = this.buildWindow(from, to);
    return this.win;
  }

  private buildWindow(firstDay: number, endDay: number): CalendarWindow {
    const days = endDay - firstDay;
    const opens: number[] = [];
    const closes: number[] = [];
    const cum: number[] = [0];
    const dayFirstSpan = new Int32Array(days + 1);
    const bizDays: number[] = [];
    const bizClose: number[] = [];
    const dayBizIdx = new Int32Array(days + 1);
    for (let i = 0; i < days; i++) {
      const d = firstDay + i;
      dayFirstSpan[i] = opens.length;
      dayBizIdx[i] = bizDays.length;
      const spans = this.spansOn(d);
      for (const [o, c] of spans) {
        const a = this.instant(d, o);
        const b = this.instant(d, c);
        opens.push(a);
        closes.push(b);
        cum.push(cum[cum.length - 1]! + (b - a));
      }
      if (spans.length) {
        bizDays.push(d);
        bizClose.push(closes[closes.length - 1]!);
      }
    }
    dayFirstSpan[days] = opens.length;
    dayBizIdx[days] = bizDays.length;
    return {
      firstDay,
      endDay,
      opens: Float64Array.from(opens),
      closes: Float64Array.from(closes),
      cum: Float64Array.from(cum),
      dayFirstSpan,
      bizDays: Int32Array.from(bizDays),
      bizClose: Float64Array.from(bizClose),
      dayBizIdx,
    };
  }

  /** Index of the first span that closes after `utcMs` (spans.length when none). */
  private spanAfter(w: CalendarWindow, utcMs: number): number {
    const day = dayOf(this.zone.toLocal(utcMs));
    let i = w.dayFirstSpan[day - w.firstDay]!;
    const n = w.opens.length;
    while (i < n && w.closes[i]! <= utcMs) i++;
    return i;
  }

  /** Mail that arrives outside business hours counts from the next opening. */
  effectiveReceipt(utcMs: number): number {
    const w = this.window(dayOf(this.zone.toLocal(utcMs)), 30);
    const i = this.spanAfter(w, utcMs);
    if (i >= w.opens.length) return this.slowEffectiveReceipt(utcMs);
    return utcMs < w.opens[i]! ? w.opens[i]! : utcMs;
  }

  private slowEffectiveReceipt(utcMs: number): number {
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
    const day = dayOf(this.zone.toLocal(startUtc));
    const w = this.window(day, n * 3 + 30);
    // index of the first business day on or after `day`; a closed start day counts from the next one
    let k = w.dayBizIdx[day - w.firstDay]!;
    const startIsOpen = k < w.bizDays.length && w.bizDays[k] === day;
    if (!startIsOpen && n > 0) k--; // the nth business day after a closed day: count from before it
    const target = k + n;
    if (target < 0 || target >= w.bizDays.length) return this.slowAddBusinessDays(startUtc, n);
    return w.bizClose[target]!;
  }

  private slowAddBusinessDays(startUtc: number, n: number): number {
    let day = dayOf(this.zone.toLocal(startUtc));
    for (let i = 0; i < n; i++) day = this.nextOpenDay(day);
    if (n === 0 && this.spansOn(day).length === 0) day = this.nextOpenDay(day);
    const spans = this.spansOn(day);
    return this.instant(day, spans[spans.length - 1]![1]);
  }

  /** The instant `minutes` of business time after `startUtc`, carried across days. */
  addBusinessMinutes(startUtc: number, minutes: number): number {
    const pos = this.effectiveReceipt(startUtc);
    const w = this.window(dayOf(this.zone.toLocal(pos)), Math.ceil(minutes / 60) + 30);
    const i = this.spanAfter(w, pos);
    if (i >= w.opens.length) throw new CalendarConfigError("business-minute arithmetic ran past the calendar window");
    const target = w.cum[i]! + (pos - w.opens[i]!) + minutes * MINUTE;
    // the span in which the running sum reaches the target
    let lo = i;
    let hi = w.opens.length - 1;
    if (w.cum[hi + 1]! < target) throw new CalendarConfigError("business-minute arithmetic ran past the calendar window");
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (w.cum[mid + 1]! >= target) hi = mid;
      else lo = mid + 1;
    }
    return w.opens[lo]! + (target - w.cum[lo]!);
  }

  /** Business milliseconds in [aUtc, bUtc); 0 when b ≤ a. */
  businessMsBetween(aUtc: number, bUtc: number): number {
    if (bUtc <= aUtc) return 0;
    const da = dayOf(this.zone.toLocal(aUtc));
    const db = dayOf(this.zone.toLocal(bUtc));
    const w = this.window(da, db - da + 2);
    return this.position(w, bUtc) - this.position(w, aUtc);
  }

  /** Business milliseconds from the window's start to `utcMs`. */
  private position(w: CalendarWindow, utcMs: number): number {
    const i = this.spanAfter(w, utcMs);
    if (i >= w.opens.length) return w.cum[w.opens.length]!;
    return w.cum[i]! + Math.max(0, utcMs - w.opens[i]!);
  }

  /** Whole business minutes in [aUtc, bUtc). */
  businessMinutesBetween(aUtc: number, bUtc: number): number {
    return Math.floor(this.businessMsBetween(aUtc, bUtc) / MINUTE);
  }

  /** Business days after the day of `startUtc` up to and including the day of `eventUtc`. */
  businessDaysBetween(startUtc: number, eventUtc: number): number {
    const first = dayOf(this.zone.toLocal(startUtc));
    const last = dayOf(this.zone.toLocal(eventUtc));
    if (last <= first) return 0;
    const w = this.window(first, last - first + 2);
    return w.dayBizIdx[last + 1 - w.firstDay]! - w.dayBizIdx[first + 1 - w.firstDay]!;
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
