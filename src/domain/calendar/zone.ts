/**
 * Time-zone arithmetic for one IANA zone, fast enough for a million due-date computations a second.
 *
 * The offsets come from the platform's Intl data once per year and zone (about 370 lookups), then
 * every conversion is a short array search. "Local milliseconds" are the wall-clock reading in the
 * zone written as if it were UTC: `Date.UTC(y, m, d, h, min)` of the wall time.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface YearOffsets {
  /** UTC instants at which the offset changes, ascending. */
  readonly changes: number[];
  /** offsets[i] applies before changes[i]; offsets[changes.length] after the last. Minutes east of UTC. */
  readonly offsets: number[];
}

export class TimeZone {
  readonly name: string;
  private readonly formatter: Intl.DateTimeFormat;
  private readonly years = new Map<number, YearOffsets>();
  private lastStart = 0;
  private lastEnd = 0;
  private lastTable: YearOffsets | undefined;

  private constructor(name: string) {
    this.name = name;
    this.formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: name,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  }

  private static readonly cache = new Map<string, TimeZone>();

  /** Returns the zone, or throws a RangeError naming the zone when the platform does not know it. */
  static of(name: string): TimeZone {
    let zone = TimeZone.cache.get(name);
    if (!zone) {
      try {
        zone = new TimeZone(name);
      } catch {
        throw new RangeError(`Unknown time zone "${name}": use an IANA name such as America/Chicago`);
      }
      TimeZone.cache.set(name, zone);
    }
    return zone;
  }

  /** Offset in minutes east of UTC, read from Intl (slow; used only to build the per-year table). */
  private intlOffset(utcMs: number): number {
    const parts = this.formatter.formatToParts(new Date(utcMs));
    let y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    for (const p of parts) {
      switch (p.type) {
        case "year": y = Number(p.value); break;
        case "month": mo = Number(p.value); break;
        case "day": d = Number(p.value); break;
        case "hour": h = Number(p.value); break;
        case "minute": mi = Number(p.value); break;
        case "second": s = Number(p.value); break;
        default: break;
      }
    }
    const local = Date.UTC(y, mo - 1, d, h, mi, s);
    const floored = utcMs - (((utcMs % MINUTE) + MINUTE) % MINUTE);
    return Math.round((local - floored) / MINUTE);
  }

  private yearTable(year: number): YearOffsets {
    let table = this.years.get(year);
    if (table) return table;
    const start = Date.UTC(year, 0, 1);
    const end = Date.UTC(year + 1, 0, 1);
    const changes: number[] = [];
    const offsets: number[] = [];
    let prevT = start;
    let prevO = this.intlOffset(start);
    for (let t = start + DAY; t <= end; t += DAY) {
      const o = this.intlOffset(t);
      if (o !== prevO) {
        // binary search the minute of the change in (prevT, t]
        let lo = prevT;
        let hi = t;
        while (hi - lo > MINUTE) {
          const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
          if (this.intlOffset(mid) === prevO) lo = mid;
          else hi = mid;
        }
        offsets.push(prevO);
        changes.push(hi);
        prevO = o;
      }
      prevT = t;
    }
    offsets.push(prevO);
    table = { changes, offsets };
    this.years.set(year, table);
    return table;
  }

  /** Offset in minutes east of UTC at a UTC instant. */
  offsetAt(utcMs: number): number {
    let table = this.lastTable;
    if (utcMs < this.lastStart || utcMs >= this.lastEnd || !table) {
      const year = new Date(utcMs).getUTCFullYear();
      table = this.yearTable(year);
      this.lastStart = Date.UTC(year, 0, 1);
      this.lastEnd = Date.UTC(year + 1, 0, 1);
      this.lastTable = table;
    }
    const { changes, offsets } = table;
    let i = 0;
    while (i < changes.length && utcMs >= changes[i]!) i++;
    return offsets[i]!;
  }

  /** Wall-clock milliseconds (as if UTC) for a UTC instant. */
  toLocal(utcMs: number): number {
    return utcMs + this.offsetAt(utcMs) * MINUTE;
  }

  /**
   * UTC instant for a wall-clock reading. A reading that does not exist (the spring-forward gap)
   * is moved forward by the gap, as Temporal's "compatible" rule does; an ambiguous one (fall-back)
   * maps to its first occurrence.
   */
  fromLocal(localMs: number): number {
    const before = this.offsetAt(localMs - 14 * HOUR);
    const after = this.offsetAt(localMs + 14 * HOUR);
    const a = localMs - before * MINUTE;
    const aValid = this.offsetAt(a) === before;
    if (before === after) return a;
    const b = localMs - after * MINUTE;
    const bValid = this.offsetAt(b) === after;
    if (aValid && bValid) return Math.min(a, b);
    if (aValid) return a;
    if (bValid) return b;
    return a; // gap: read with the offset in force before it, which lands after the gap
  }
}

export const TIME = { MINUTE, HOUR, DAY } as const;

/** Day number (days since 1970-01-01) of a local-milliseconds value. */
export function dayOf(localMs: number): number {
  return Math.floor(localMs / DAY);
}

/** "2026-03-04T17:00:00-06:00": an instant written with the zone's offset at that instant. */
export function formatInZone(utcMs: number, zone: TimeZone): string {
  const offset = zone.offsetAt(utcMs);
  const local = new Date(utcMs + offset * MINUTE);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

export interface ParsedInstant {
  readonly utcMs: number;
  /** True when the text had no offset and was read as wall time in the given zone. */
  readonly assumedZone: boolean;
}

/**
 * Parses an ISO 8601 date-time. Text without an offset is read as wall time in `zone` and says so;
 * anything else that is not a real date-time returns a message instead of a number.
 */
/** The years a date-time may fall in: outside them a date is refused, never read as another year. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;

export function parseInstant(text: unknown, zone: TimeZone): ParsedInstant | { error: string } {
  if (typeof text !== "string" || text.trim() === "") return { error: "missing date-time" };
  const m = ISO.exec(text.trim());
  if (!m) return { error: `"${text.slice(0, 40)}" is not an ISO 8601 date-time such as 2026-03-02T10:15:00-06:00` };
  const [, y, mo, d, h, mi, s, frac, off] = m;
  const year = Number(y), month = Number(mo), day = Number(d), hour = Number(h), minute = Number(mi);
  const second = s ? Number(s) : 0;
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) {
    return { error: `"${text.slice(0, 40)}" is outside the supported years ${FIRST_YEAR} to ${LAST_YEAR}` };
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(local);
  if (
    month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59 ||
    check.getUTCDate() !== day || check.getUTCMonth() !== month - 1
  ) {
    return { error: `"${text.slice(0, 40)}" is not a real date and time` };
  }
  if (!off) return { utcMs: zone.fromLocal(local), assumedZone: true };
  if (off.toUpperCase() === "Z") return { utcMs: local, assumedZone: false };
  const sign = off[0] === "-" ? -1 : 1;
  const digits = off.slice(1).replace(":", "");
  const offMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  if (Math.abs(offMin) > 18 * 60) return { error: `"${off}" is not a valid UTC offset` };
  return { utcMs: local - offMin * MINUTE, assumedZone: false };
}
