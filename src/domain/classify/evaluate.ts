/** Scores of a classifier on a labelled set: the figures `npm run eval` prints and the tests hold to floors. */
import { CATEGORIES, FLAGS } from "./labels";

export interface Expected {
  readonly category: string;
  readonly senderType: string;
  readonly priority: string;
  readonly language?: string;
  readonly flags: readonly string[];
}

export interface Predicted {
  readonly category: string;
  readonly senderType: string;
  readonly priority: string;
  readonly language: string;
  readonly flags: readonly string[];
}

export interface Scores {
  readonly n: number;
  readonly category: number;
  readonly macroF1: number;
  readonly gaRecall: number;
  readonly gaPrecision: number;
  readonly highRecall: number;
  readonly highPrecision: number;
  readonly senderType: number;
  readonly priority: number;
  readonly language: number;
  readonly flagMicroF1: number;
  readonly flagF1: Readonly<Record<string, number>>;
}

function f1(tp: number, fp: number, fn: number): number {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

const ratio = (a: number, b: number) => (b ? a / b : 1);

export function score(pairs: readonly { expected: Expected; got: Predicted }[]): Scores {
  let cat = 0;
  let sender = 0;
  let prio = 0;
  let lang = 0;
  let langN = 0;
  const conf = new Map<string, number>();
  let gaTp = 0;
  let gaFn = 0;
  let gaFp = 0;
  let hTp = 0;
  let hFn = 0;
  let hFp = 0;
  const fc = new Map<string, [number, number, number]>(FLAGS.map((f) => [f, [0, 0, 0]]));
  const isGa = (c: string) => c === "grievance" || c === "appeal";
  for (const { expected: e, got: g } of pairs) {
    cat += +(e.category === g.category);
    sender += +(e.senderType === g.senderType);
    prio += +(e.priority === g.priority);
    if (e.language) {
      langN++;
      lang += +(e.language === g.language);
    }
    conf.set(`${e.category}|${g.category}`, (conf.get(`${e.category}|${g.category}`) ?? 0) + 1);
    if (isGa(e.category)) isGa(g.category) ? gaTp++ : gaFn++;
    else if (isGa(g.category)) gaFp++;
    if (e.priority === "high") g.priority === "high" ? hTp++ : hFn++;
    else if (g.priority === "high") hFp++;
    for (const f of FLAGS) {
      const c = fc.get(f)!;
      const inE = e.flags.includes(f);
      const inG = g.flags.includes(f);
      if (inE && inG) c[0]++;
      else if (inG) c[1]++;
      else if (inE) c[2]++;
    }
  }
  const present = CATEGORIES.filter((c) => pairs.some((p) => p.expected.category === c));
  const macro =
    present.reduce((s, c) => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const [k, v] of conf) {
        const [e, g] = k.split("|");
        if (e === c && g === c) tp += v;
        else if (g === c) fp += v;
        else if (e === c) fn += v;
      }
      return s + f1(tp, fp, fn);
    }, 0) / Math.max(1, present.length);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const flagF1: Record<string, number> = {};
  for (const [f, c] of fc) {
    tp += c[0];
    fp += c[1];
    fn += c[2];
    if (c[0] + c[1] + c[2] > 0) flagF1[f] = f1(c[0], c[1], c[2]);
  }
  const n = pairs.length;
  return {
    n,
    category: ratio(cat, n),
    macroF1: macro,
    gaRecall: ratio(gaTp, gaTp + gaFn),
    gaPrecision: ratio(gaTp, gaTp + gaFp),
    highRecall: ratio(hTp, hTp + hFn),
    highPrecision: ratio(hTp, hTp + hFp),
    senderType: ratio(sender, n),
    priority: ratio(prio, n),
    language: ratio(lang, langN),
    flagMicroF1: tp + fp + fn ? f1(tp, fp, fn) : 1,
    flagF1,
  };
}

export function formatScores(name: string, s: Scores): string {
  const p = (x: number) => x.toFixed(3);
  const flags = Object.entries(s.flagF1)
    .map(([f, v]) => `${f} ${p(v)}`)
    .join(", ");
  return (
    `${name} (n=${s.n}): category ${p(s.category)}, macro-F1 ${p(s.macroF1)}, G&A recall ${p(s.gaRecall)} precision ${p(s.gaPrecision)}, ` +
    `high recall ${p(s.highRecall)} precision ${p(s.highPrecision)}, sender ${p(s.senderType)}, priority ${p(s.priority)}, ` +
    `language ${p(s.language)}, flag micro-F1 ${p(s.flagMicroF1)} [${flags}]`
  );
}
