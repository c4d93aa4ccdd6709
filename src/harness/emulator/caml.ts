/**
 * Reads the CAML the product writes for its views (Where with And/Or, Eq/Neq/Lt/Geq, IsNull,
 * IsNotNull; Text and DateTime values with Today OffsetDays or Now) back into the view conditions,
 * so the emulator can answer a view's items the way SharePoint would. Anything else is refused by
 * name, as SharePoint refuses a malformed query.
 */
import { dayOf, type TimeZone } from "../../domain/calendar/zone";

/**
 * A CAML condition as the emulator reads it. The emulator has its own types and its own evaluator
 * (`evaluate`, below), written from SharePoint's documented semantics, so the view tests check the
 * product's CAML against an independent reading, not the product's own evaluator.
 */
type Operand = { readonly text: string; readonly type: string } | { readonly today: number } | { readonly now: true };
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly field: string; readonly op: "eq" | "neq" | "lt" | "geq"; readonly value: Operand }
  | { readonly field: string; readonly op: "isNull" | "isNotNull" };

interface XmlNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
  text: string;
}

export class CamlError extends Error {
  override name = "CamlError";
}

const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: "#root", attrs: {}, children: [], text: "" };
  const stack: XmlNode[] = [root];
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < xml.length && (m = token.exec(xml))) {
    at = token.lastIndex;
    const top = stack[stack.length - 1]!;
    if (m[5] !== undefined) {
      top.text += unescape(m[5]);
      continue;
    }
    const [, close, name, rawAttrs, self] = m;
    if (close) {
      if (top.name !== name) throw new CamlError(`unexpected </${name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (rawAttrs ?? "").matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]!] = unescape(a[2] ?? a[3] ?? "");
    const node: XmlNode = { name: name!, attrs, children: [], text: "" };
    top.children.push(node);
    if (!self) stack.push(node);
  }
  if (at !== xml.length || stack.length !== 1) throw new CamlError("the query is not well-formed XML");
  return root;
}

const OPS: Readonly<Record<string, "eq" | "neq" | "lt" | "geq">> = { Eq: "eq", Neq: "neq", Lt: "lt", Geq: "geq" };

function operand(value: XmlNode | undefined): Operand {
  if (!value || value.name !== "Value") throw new CamlError("a comparison needs a <Value>");
  const today = value.children.find((c) => c.name === "Today");
  if (today) return { today: Number(today.attrs["OffsetDays"] ?? 0) || 0 };
  if (value.children.some((c) => c.name === "Now")) return { now: true };
  return { text: value.text, type: value.attrs["Type"] ?? "Text" };
}

function condition(node: XmlNode): Condition {
  if (node.name === "And" || node.name === "Or") {
    if (node.children.length !== 2) throw new CamlError(`<${node.name}> needs exactly two conditions`);
    const parts = node.children.map(condition);
    return node.name === "And" ? { all: parts } : { any: parts };
  }
  const field = node.children[0]?.name === "FieldRef" ? node.children[0].attrs["Name"] : undefined;
  if (!field) throw new CamlError(`<${node.name}> needs a <FieldRef Name="...">`);
  if (node.name === "IsNull") return { field, op: "isNull" };
  if (node.name === "IsNotNull") return { field, op: "isNotNull" };
  const op = OPS[node.name];
  if (!op) throw new CamlError(`<${node.name}> is not supported`);
  return { field, op, value: operand(node.children[1]) };
}

export interface CamlQuery {
  readonly where: Condition | null;
  readonly orderBy: readonly string[];
  readonly fields: readonly string[];
}

/** A view's query (`ViewQuery`, or a whole `<View><Query>…</Query></View>`). */
export function parseCaml(xml: string): CamlQuery {
  const root = parseXml(xml.trim());
  const view = root.children.find((c) => c.name === "View");
  const query = view ? view.children.find((c) => c.name === "Query") ?? { children: [] as XmlNode[] } : root;
  const where = query.children.find((c) => c.name === "Where");
  if (where && where.children.length !== 1) throw new CamlError("<Where> needs exactly one condition");
  const orderBy = query.children.find((c) => c.name === "OrderBy")?.children.map((c) => c.attrs["Name"] ?? "") ?? [];
  const fields = [...(where ? [where] : [])].flatMap(function refs(n: XmlNode): string[] {
    return n.name === "FieldRef" ? [n.attrs["Name"] ?? ""] : n.children.flatMap(refs);
  });
  return { where: where ? condition(where.children[0]!) : null, orderBy, fields };
}

/**
 * Whether an item's fields meet a condition, as SharePoint judges it: an empty field meets IsNull
 * and no comparison; Text compares case-insensitively; DateTime compares instants, [Today] being
 * local midnight of the site's day (its regional time zone) plus OffsetDays, [Now] the site's clock.
 */
export function evaluate(c: Condition, fields: Readonly<Record<string, unknown>>, now: number, zone: TimeZone): boolean {
  if ("all" in c) return c.all.every((x) => evaluate(x, fields, now, zone));
  if ("any" in c) return c.any.some((x) => evaluate(x, fields, now, zone));
  const raw = fields[c.field];
  const isEmpty = raw === null || raw === undefined || raw === "";
  if (!("value" in c)) return c.op === "isNull" ? isEmpty : !isEmpty;
  if (isEmpty) return false;
  const v = c.value;
  let order: number;
  if ("text" in v && v.type !== "DateTime") {
    const a = String(raw).toLowerCase();
    const b = v.text.toLowerCase();
    order = a < b ? -1 : a > b ? 1 : 0;
  } else {
    const left = typeof raw === "string" ? Date.parse(raw) : NaN;
    const right = "now" in v ? now : "today" in v ? zone.fromLocal((dayOf(zone.toLocal(now)) + v.today) * 86_400_000) : Date.parse(v.text);
    if (!Number.isFinite(left) || !Number.isFinite(right)) return false;
    order = Math.sign(left - right);
  }
  return c.op === "eq" ? order === 0 : c.op === "neq" ? order !== 0 : c.op === "lt" ? order < 0 : order >= 0;
}
