/**
 * Fitting the decision thresholds and the category temperature on out-of-fold probabilities (each
 * writer's emails scored by a model that never saw that writer). See docs/decisions/0023.
 */
import { CATEGORIES } from "../src/domain/classify/labels";
import type { Expected } from "../src/domain/classify/evaluate";

export interface OutOfFold {
  readonly expected: Expected;
  readonly category: readonly number[];
  readonly priority: readonly number[];
  readonly flags: Readonly<Record<string, number>>;
  /** The yes/no heads (−1 when the model has none). */
  readonly ga: number;
  readonly high: number;
}

const G = CATEGORIES.indexOf("grievance");
const A = CATEGORIES.indexOf("appeal");
const isGa = (c: string) => c === "grievance" || c === "appeal";


function range(a: number, b: number, step: number): number[] {
  const out: number[] = [];
  for (let x = a; x <= b + 1e-9; x += step) out.push(Math.round(x * 1000) / 1000);
  return out;
}

/** The G&A recall the pick threshold is fitted to reach, and the high-priority recall. */
export const TARGETS = { gaRecall: 0.975, highRecall: 0.95, highPrecision: 0.7, warnRecall: 0.995 };

export function fitThresholds(oof: readonly OutOfFold[]): Record<string, number> {
  const ga = oof.filter((o) => isGa(o.expected.category));
  // as the classifier reads them: the yes/no head and the softmax's share, averaged
  const pga = (o: OutOfFold) => (o.ga >= 0 ? (o.ga + o.category[G]! + o.category[A]!) / 2 : o.category[G]! + o.category[A]!);
  const pick = (t: number) => {
    let correct = 0;
    let found = 0;
    for (const o of oof) {
      let c: number;
      if (pga(o) >= t) c = o.category[A]! >= o.category[G]! ? A : G;
      else {
        c = -1;
        for (let k = 0; k < o.category.length; k++) if (k !== G && k !== A && (c < 0 || o.category[k]! > o.category[c]!)) c = k;
      }
      correct += +(CATEGORIES[c] === o.expected.category);
      if (isGa(o.expected.category) && (c === G || c === A)) found++;
    }
    return { acc: correct / oof.length, recall: found / Math.max(1, ga.length) };
  };
  const gaCands = range(0.05, 0.6, 0.025).map((t) => ({ t, ...pick(t) }));
  const okGa = gaCands.filter((c) => c.recall >= TARGETS.gaRecall);
  const gaPick = (okGa.length ? okGa.sort((a, b) => b.acc - a.acc || b.t - a.t)[0]! : gaCands.sort((a, b) => b.recall - a.recall || b.acc - a.acc)[0]!).t;

  const high = oof.filter((o) => o.expected.priority === "high");
  const phigh = (o: OutOfFold) => (o.high >= 0 ? (o.high + o.priority[2]!) / 2 : o.priority[2]!);
  const hi = (t: number) => {
    let correct = 0;
    let found = 0;
    let called = 0;
    for (const o of oof) {
      const p = phigh(o) >= t ? "high" : o.priority[1]! > o.priority[0]! ? "escalated" : "routine";
      correct += +(p === o.expected.priority);
      if (o.expected.priority === "high" && p === "high") found++;
      if (p === "high") called++;
    }
    return { acc: correct / oof.length, recall: found / Math.max(1, high.length), precision: found / Math.max(1, called) };
  };
  const hiCands = range(0.02, 0.6, 0.01).map((t) => ({ t, ...hi(t) }));
  const okHi = hiCands.filter((c) => c.recall >= TARGETS.highRecall && c.precision >= TARGETS.highPrecision);
  // when no threshold reaches the target recall, the one with the best F2 (recall counted twice)
  const f2 = (c: { recall: number; precision: number }) => (5 * c.precision * c.recall) / Math.max(1e-9, 4 * c.precision + c.recall);
  const highT = (okHi.length ? okHi.sort((a, b) => b.acc - a.acc || b.t - a.t)[0]! : hiCands.sort((a, b) => f2(b) - f2(a) || b.t - a.t)[0]!).t;

  // the safety net: low enough that nearly every grievance or appeal is either picked or flagged
  let gaWarn = gaPick;
  for (const t of range(0.02, gaPick, 0.01).reverse()) {
    gaWarn = t;
    const caught = ga.filter((o) => pga(o) >= t).length;
    if (caught / Math.max(1, ga.length) >= TARGETS.warnRecall) break;
  }

  const out: Record<string, number> = { gaPick, gaWarn, high: highT };
  const flagNames = Object.keys(oof[0]?.flags ?? {});
  for (const f of flagNames) {
    let best = 0.5;
    let bestF1 = -1;
    for (const t of range(0.15, 0.85, 0.05)) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const o of oof) {
        const e = o.expected.flags.includes(f);
        const g = o.flags[f]! >= t;
        if (e && g) tp++;
        else if (g) fp++;
        else if (e) fn++;
      }
      const f1 = tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
      if (f1 > bestF1 + 1e-9) {
        bestF1 = f1;
        best = t;
      }
    }
    out[f] = best;
  }
  return out;
}
