/**
 * The SharePoint list views a manager opens each day, one per section of the daily report, written
 * once as conditions on the list's columns. The same conditions become the views' CAML (what
 * `provision` sends to SharePoint) and are evaluated here (what the tests and the emulator check),
 * so the views and the report cannot drift apart: the report at 10:00 and the views opened at 10:00
 * list the same items.
 *
 * "Today" in a view is the site's own day: the site's regional time zone must be the plan's.
 */
import type { TimeZone } from "../../domain/calendar/zone";
import { dayOf } from "../../domain/calendar/zone";
import { LOGGED_CLOCKS } from "./row";
import type { DailySection } from "../../domain/reports/daily";

/** A date-time operand: local midnight `today` days from today, or this instant. */
export type Operand = string | { readonly today: number } | { readonly now: true };

export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly field: string; readonly op: "eq" | "neq" | "lt" | "geq"; readonly value: Operand }
  | { readonly field: string; readonly op: "isNull" | "isNotNull" };

export interface ListView {
  readonly title: string;
  /** The daily report section it shows. */
  readonly section: DailySection;
  readonly where: Condition;
  readonly fields: readonly string[];
  readonly orderBy: readonly string[];
  readonly groupBy?: string;
}

const NOW = { now: true } as const;
const open: Condition = { field: "Status", op: "neq", value: "resolved" };
const inTodaysReport = (field: string): Condition => ({ all: [{ field, op: "geq", value: { today: 0 } }, { field, op: "lt", value: { today: 1 } }] });
/** A clock has run out and nothing has stopped it. */
const late: Condition = { any: LOGGED_CLOCKS.map((c) => ({ all: [{ field: `${c}DoneAt`, op: "isNull" }, { field: `${c}DueAt`, op: "lt", value: NOW }] })) };
/** No clock has run out unstopped (late, negated clock by clock, since CAML has no "not"). */
const notLate: Condition = {
  all: LOGGED_CLOCKS.map((c) => ({ any: [{ field: `${c}DoneAt`, op: "isNotNull" }, { field: `${c}DueAt`, op: "isNull" }, { field: `${c}DueAt`, op: "geq", value: NOW }] })),
};
const dueToday: Condition = {
  any: LOGGED_CLOCKS.map((c) => ({
    all: [{ field: `${c}DoneAt`, op: "isNull" }, { field: `${c}DueAt`, op: "geq", value: NOW }, { field: `${c}DueAt`, op: "lt", value: { today: 1 } }],
  })),
};

const COMMON = ["ConfirmationNumber", "Title", "Channel", "Category", "Priority", "Assignee", "Status"];

export const REPORT_VIEWS: readonly ListView[] = [
  { title: "Daily e-mail report", section: "arrived", where: inTodaysReport("ArrivedInReport"), fields: ["ReceivedAt", ...COMMON, "firstResponseDueAt"], orderBy: ["ReceivedAt"] },
  { title: "Breached", section: "late", where: { all: [open, late] }, fields: [...COMMON, "firstResponseDueAt", "resolutionDueAt", "ReceivedAt"], orderBy: ["firstResponseDueAt"] },
  { title: "Due today", section: "dueToday", where: { all: [open, notLate, dueToday] }, fields: [...COMMON, "acknowledgementDueAt", "firstResponseDueAt", "resolutionDueAt"], orderBy: ["firstResponseDueAt"] },
  { title: "Open by assignee", section: "open", where: open, fields: [...COMMON, "ReceivedAt", "firstResponseDueAt"], orderBy: ["ReceivedAt"], groupBy: "Assignee" },
  { title: "Completed", section: "completed", where: inTodaysReport("CompletedInReport"), fields: [...COMMON, "ReceivedAt", "resolutionDoneAt"], orderBy: ["ReceivedAt"] },
];

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
const CAML_OP = { eq: "Eq", neq: "Neq", lt: "Lt", geq: "Geq", isNull: "IsNull", isNotNull: "IsNotNull" } as const;

function valueXml(v: Operand): string {
  if (typeof v === "string") return `<Value Type="Text">${xmlEscape(v)}</Value>`;
  if ("now" in v) return `<Value Type="DateTime" IncludeTimeValue="TRUE"><Now /></Value>`;
  return `<Value Type="DateTime"><Today OffsetDays="${v.today}" /></Value>`;
}

/** CAML's And and Or take exactly two operands: longer lists nest. */
function conditionXml(c: Condition): string {
  if ("all" in c || "any" in c) {
    const parts = ("all" in c ? c.all : c.any).map(conditionXml);
    const tag = "all" in c ? "And" : "Or";
    if (parts.length === 1) return parts[0]!;
    return parts.reduceRight((acc, p) => `<${tag}>${p}${acc}</${tag}>`);
  }
  const ref = `<FieldRef Name="${xmlEscape(c.field)}" />`;
  return "value" in c ? `<${CAML_OP[c.op]}>${ref}${valueXml(c.value)}</${CAML_OP[c.op]}>` : `<${CAML_OP[c.op]}>${ref}</${CAML_OP[c.op]}>`;
}

/** The view's query as SharePoint stores it (SP.View.ViewQuery). */
export function viewQuery(view: ListView): string {
  const group = view.groupBy ? `<GroupBy Collapse="FALSE"><FieldRef Name="${xmlEscape(view.groupBy)}" /></GroupBy>` : "";
  const order = view.orderBy.length ? `<OrderBy>${view.orderBy.map((f) => `<FieldRef Name="${xmlEscape(f)}" />`).join("")}</OrderBy>` : "";
  return `${group}${order}<Where>${conditionXml(view.where)}</Where>`;
}

function instant(v: unknown): number | null {
  if (typeof v !== "string" || !v) return null;
  const t = Date.parse(v);
  return Number.isFinite(t) ? t : null;
}

/** Whether a list item's fields meet the condition at `now`, "today" being the day in `zone`. */
export function matches(c: Condition, fields: Readonly<Record<string, unknown>>, now: number, zone: TimeZone): boolean {
  if ("all" in c) return c.all.every((x) => matches(x, fields, now, zone));
  if ("any" in c) return c.any.some((x) => matches(x, fields, now, zone));
  const raw = fields[c.field];
  const empty = raw === null || raw === undefined || raw === "";
  if (!("value" in c)) return c.op === "isNull" ? empty : !empty;
  if (empty) return false;
  if (typeof c.value === "string") return c.op === "eq" ? raw === c.value : c.op === "neq" ? raw !== c.value : c.op === "lt" ? String(raw) < c.value : String(raw) >= c.value;
  const left = instant(raw);
  if (left === null) return false;
  const right = "now" in c.value ? now : zone.fromLocal((dayOf(zone.toLocal(now)) + c.value.today) * 86_400_000);
  return c.op === "eq" ? left === right : c.op === "neq" ? left !== right : c.op === "lt" ? left < right : left >= right;
}

/**
 * Row formatting for every view (SP.View.CustomFormatter): completed rows blue, as the procedure
 * highlights them; rows with a clock run out red. Severity classes are SharePoint's documented ones.
 */
export function rowFormatter(): string {
  const lateRow = LOGGED_CLOCKS.map((c) => `([$${c}DoneAt] == '' && [$${c}DueAt] != '' && Number([$${c}DueAt]) < Number(@now))`).join(" || ");
  return JSON.stringify({
    $schema: "https://developer.microsoft.com/json-schemas/sp/v2/row-formatting.schema.json",
    additionalRowClass: `=if([$Status] == 'resolved', 'ms-bgColor-themeLighter', if(${lateRow}, 'sp-field-severity--blocked', ''))`,
  });
}
