/**
 * US federal holidays as OPM observes them: a Saturday holiday on the Friday before, a Sunday one on
 * the Monday after. Computed by rule for any year, so no list goes stale.
 */

export interface Holiday {
  /** ISO date of the day off (the observed date). */
  readonly date: string;
  readonly name: string;
}

function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Day of week (0 Sunday) of a civil date. */
function weekday(y: number, m: number, d: number): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The nth (1-based) given weekday of a month; n = -1 for the last. */
function nthWeekday(y: number, m: number, wd: number, n: number): number {
  if (n > 0) {
    const first = weekday(y, m, 1);
    return 1 + ((wd - first + 7) % 7) + (n - 1) * 7;
  }
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const last = weekday(y, m, lastDay);
  return lastDay - ((last - wd + 7) % 7);
}

function observed(y: number, m: number, d: number, name: string): Holiday {
  const wd = weekday(y, m, d);
  const shift = wd === 6 ? -1 : wd === 0 ? 1 : 0;
  const t = new Date(Date.UTC(y, m - 1, d + shift));
  return { date: isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()), name };
}

/**
 * The observed federal holidays whose day off falls in `year` (New Year's Day of the next year
 * observed on 31 December is included in this year; Inauguration Day, a holiday only for the
 * Washington DC area, is not).
 */
export function federalHolidays(year: number): Holiday[] {
  const list: Holiday[] = [
    observed(year, 1, 1, "New Year's Day"),
    { date: isoDate(year, 1, nthWeekday(year, 1, 1, 3)), name: "Birthday of Martin Luther King, Jr." },
    { date: isoDate(year, 2, nthWeekday(year, 2, 1, 3)), name: "Washington's Birthday" },
    { date: isoDate(year, 5, nthWeekday(year, 5, 1, -1)), name: "Memorial Day" },
  ];
  if (year >= 2021) list.push(observed(year, 6, 19, "Juneteenth National Independence Day"));
  list.push(
    observed(year, 7, 4, "Independence Day"),
    { date: isoDate(year, 9, nthWeekday(year, 9, 1, 1)), name: "Labor Day" },
    { date: isoDate(year, 10, nthWeekday(year, 10, 1, 2)), name: "Columbus Day" },
    observed(year, 11, 11, "Veterans Day"),
    { date: isoDate(year, 11, nthWeekday(year, 11, 4, 4)), name: "Thanksgiving Day" },
    observed(year, 12, 25, "Christmas Day"),
    observed(year + 1, 1, 1, "New Year's Day"),
  );
  return list.filter((h) => h.date.startsWith(String(year).padStart(4, "0")));
}
