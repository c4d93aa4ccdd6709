/**
 * The trainer on hand-made examples (a few buckets, two or three writers): what it keeps, what it
 * weighs, and the fit itself checked against a plain AdaGrad written here from its description.
 * Everything is built inside each test, and each takes milliseconds.
 */
import { describe, expect, it } from "vitest";
import { seededRandom } from "../random";
import { DEFAULT_FEATURES } from "./features";
import type { HeadSpec } from "./model";
import { fitModel, vectorizeAll, type Doc, type TrainOptions } from "./train";

const BITS = 8;
const hashOf = (bucket: number) => (bucket << (32 - BITS)) >>> 0;

const HEADS: readonly HeadSpec[] = [
  { name: "category", labels: ["claims", "appeal", "benefits"], kind: "softmax" },
  { name: "urgent", labels: ["urgent"], kind: "logistic" },
];

function doc(buckets: readonly number[], values: readonly number[], targets: readonly number[], writer: string, weight = 1): Doc {
  return { buckets: Int32Array.from(buckets), values: Float32Array.from(values), targets: Int32Array.from(targets), writer, weight };
}

function options(extra: Partial<TrainOptions> = {}): TrainOptions {
  return { heads: HEADS, features: DEFAULT_FEATURES, bits: BITS, epochs: 5, learningRate: 0.3, l2: 1e-3, seed: 7, minWriters: 1, ...extra };
}

/**
 * AdaGrad as train.ts describes it, written plainly: softmax heads and logistic heads, one
 * accumulator per feature (the squared gradient of all outputs), one per bias, L2 on the weights,
 * the examples shuffled (Fisher–Yates, the seeded generator) before each epoch.
 */
function reference(docs: readonly Doc[], rows: readonly number[], o: TrainOptions, classWeight: readonly number[]) {
  const K = 4;
  const W = rows.map(() => [0, 0, 0, 0]);
  const G = rows.map(() => 1e-6);
  const bias = [0, 0, 0, 0];
  const gBias = [1e-6, 1e-6, 1e-6, 1e-6];
  const rand = seededRandom(o.seed!);
  const order = docs.map((_, i) => i);
  for (let e = 0; e < o.epochs!; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const n of order) {
      const d = docs[n]!;
      const feats = [...d.buckets].map((b, f) => ({ r: rows.indexOf(b), v: d.values[f]! })).filter((x) => x.r >= 0);
      const z = bias.map((b, k) => b + feats.reduce((s, x) => s + W[x.r]![k]! * x.v, 0));
      const top = Math.max(z[0]!, z[1]!, z[2]!);
      const ex = [0, 1, 2].map((k) => Math.exp(z[k]! - top));
      const total = ex[0]! + ex[1]! + ex[2]!;
      const t = d.targets[0]!;
      const grad = [0, 1, 2].map((k) => (ex[k]! / total - (k === t ? 1 : 0)) * classWeight[t]! * d.weight);
      const p = 1 / (1 + Math.exp(-z[3]!));
      grad.push((p - d.targets[1]!) * (d.targets[1] === 1 ? classWeight[3]! : 1) * d.weight);
      const sq = grad.reduce((s, g) => s + g * g, 0);
      for (const { r, v } of feats) {
        G[r]! += v * v * sq;
        const step = (o.learningRate! * v) / Math.sqrt(G[r]!);
        for (let k = 0; k < K; k++) W[r]![k]! -= step * (grad[k]! + o.l2! * W[r]![k]!);
      }
      for (let k = 0; k < K; k++) {
        gBias[k]! += grad[k]! * grad[k]!;
        bias[k]! -= (o.learningRate! * grad[k]!) / Math.sqrt(gBias[k]!);
      }
    }
  }
  return { W, bias };
}

const DOCS = () => [
  doc([3, 10], [1, 0.5], [0, 0], "a"),
  doc([10, 20], [0.8, 1], [1, 1], "b"),
  doc([20, 31], [1, 1], [1, 1], "a", 2),
  doc([3, 40], [1, 0.25], [2, 0], "b"),
  doc([31, 40], [0.5, 1], [2, 1], "c"),
];

function expectClose(actual: ArrayLike<number>, expected: readonly number[]) {
  expect(actual.length).toBe(expected.length);
  expected.forEach((x, i) => expect(actual[i]).toBeCloseTo(x, 5));
}

describe("training the model", () => {
  it("fits the weights and biases a plain AdaGrad of the same examples gives", () => {
    const docs = DOCS();
    const o = options();
    const model = fitModel(docs, docs.length, o);
    const rows = [3, 10, 20, 31, 40];
    const want = reference(docs, rows, o, [1, 1, 1, 1]);
    for (const [r, b] of rows.entries()) {
      expect(model.rowOf(hashOf(b))).toBe(r);
      expectClose(model.weights.subarray(r * 4, r * 4 + 4), want.W[r]!);
    }
    expectClose(model.bias, want.bias);
  });

  it("fits the same AdaGrad on feature values large enough to overflow exp() of a raw logit: the softmax is taken from its largest logit", () => {
    // values in the thousands give logits of more than 700 either way, where exp(z + max) would be
    // Infinity (or 0 for 0); the fit must stay finite and be the one the plain AdaGrad gives
    const docs = DOCS().map((d) => ({ ...d, values: d.values.map((v) => v * 3000) }));
    const o = options();
    const model = fitModel(docs, docs.length, o);
    const rows = [3, 10, 20, 31, 40];
    const want = reference(docs, rows, o, [1, 1, 1, 1]);
    const logits = docs.flatMap((d) =>
      [0, 1, 2].map((k) => want.bias[k]! + [...d.buckets].reduce((z, b, f) => z + want.W[rows.indexOf(b)]![k]! * d.values[f]!, 0)),
    );
    expect(Math.max(...logits.map(Math.abs))).toBeGreaterThan(710);
    expect([...model.weights, ...model.bias].every(Number.isFinite)).toBe(true);
    for (const r of [0, 1, 2, 3, 4]) expectClose(model.weights.subarray(r * 4, r * 4 + 4), want.W[r]!);
    expectClose(model.bias, want.bias);
  });

  it("gives a class more weight where the options say so, and a head or class they name that does not exist changes nothing", () => {
    const docs = DOCS();
    const o = options({ classWeights: { "category:appeal": 3, "urgent:urgent": 2, "nohead:x": 9, "category:nolabel": 9, "urgent:nolabel": 9 } });
    const model = fitModel(docs, docs.length, o);
    const rows = [3, 10, 20, 31, 40];
    const want = reference(docs, rows, o, [1, 3, 1, 2]);
    for (const r of rows.keys()) expectClose(model.weights.subarray(r * 4, r * 4 + 4), want.W[r]!);
    expectClose(model.bias, want.bias);
    const plain = fitModel(docs, docs.length, options());
    expect([...model.bias]).not.toEqual([...plain.bias]);
  });

  it("keeps only the words enough writers use", () => {
    const docs = DOCS(); // bucket 3: a and b; 10: a, b; 20: b, a; 31: a, c; 40: b, c — and none of three writers
    const two = fitModel(docs, docs.length, options({ minWriters: 2 }));
    expect([3, 10, 20, 31, 40].map((b) => two.rowOf(hashOf(b)) >= 0)).toEqual([true, true, true, true, true]);
    const three = fitModel([...docs, doc([3], [1], [0, 0], "c")], 6, options({ minWriters: 3 }));
    expect([3, 10, 20, 31, 40].map((b) => three.rowOf(hashOf(b)) >= 0)).toEqual([true, false, false, false, false]);
    // one writer is enough when one is asked for, even for a word only one email has
    expect(fitModel([...docs, doc([50], [1], [0, 0], "a")], 6, options({ minWriters: 1 })).rowOf(hashOf(50))).toBe(5);
    const one = fitModel([doc([5], [1], [0, 0], "a"), doc([6], [1], [1, 1], "a")], 2, options({ minWriters: 2 }));
    expect(one.rowOf(hashOf(5))).toBe(-1);
    expect(one.rowOf(hashOf(6))).toBe(-1);
    expect(one.weights.length).toBe(0);
  });

  it("keeps only the heaviest features when told how many, fitted again on those alone", () => {
    // buckets 5, 7 and 9 tell the classes apart; 1 is in every email and tells nothing (and comes first)
    const docs = ["a", "b"].flatMap((w) => [doc([1, 5], [1, 1], [0, 0], w), doc([1, 7], [1, 1], [1, 1], w), doc([1, 9], [1, 1], [2, 0], w)]);
    const o = options({ maxFeatures: 3, epochs: 8 });
    const model = fitModel(docs, docs.length, o);
    expect([1, 5, 7, 9].map((b) => model.rowOf(hashOf(b)))).toEqual([-1, 0, 1, 2]);
    const want = reference(docs, [5, 7, 9], o, [1, 1, 1, 1]);
    for (const r of [0, 1, 2]) expectClose(model.weights.subarray(r * 4, r * 4 + 4), want.W[r]!);
    expectClose(model.bias, want.bias);
    // as many features as allowed, or no limit: all are kept
    expect(fitModel(docs, 6, options({ maxFeatures: 4 })).rowOf(hashOf(1))).toBe(0);
  });

  it("keeps the word a lightly weighted head depends on when told how many features to keep, not only the heaviest head's words", () => {
    // the priority classes count 1/20 as much as the categories, so every priority weight is small;
    // bucket 11 alone tells a high-priority email, 3 only leans toward two categories
    const heads: HeadSpec[] = [HEADS[0]!, { name: "priority", labels: ["routine", "high"], kind: "softmax" }];
    const docs = ["a", "b"].flatMap((w) => [
      doc([3, 5], [1, 1], [0, 0], w),
      doc([5, 11], [1, 1], [0, 1], w),
      doc([7], [1], [1, 0], w),
      doc([3, 7, 11], [1, 1, 1], [1, 1], w),
      doc([9], [1], [2, 0], w),
      doc([9, 11], [1, 1], [2, 1], w),
    ]);
    const o = options({ heads, epochs: 8, classWeights: { "priority:routine": 0.05, "priority:high": 0.05 } });
    const all = fitModel(docs, docs.length, o);
    const weightOf = (b: number) => Math.max(...all.weights.subarray(all.rowOf(hashOf(b)) * 5, all.rowOf(hashOf(b)) * 5 + 5).map(Math.abs));
    expect(weightOf(11)).toBeLessThan(weightOf(3)); // in plain size, 11 is the lightest word
    const model = fitModel(docs, docs.length, { ...o, maxFeatures: 4 });
    expect([3, 5, 7, 9, 11].map((b) => model.rowOf(hashOf(b)) >= 0)).toEqual([false, true, true, true, true]);
    const told = (buckets: readonly number[]) => {
      const z = Float32Array.from(model.bias);
      for (const b of buckets) if (model.rowOf(hashOf(b)) >= 0) model.addRow(z, model.rowOf(hashOf(b)), 1);
      const [category, priority] = [0, 1].map((h) => model.probabilities(h, z));
      return [HEADS[0]!.labels[category!.indexOf(Math.max(...category!))], priority![1]! > 0.5 ? "high" : "routine"];
    };
    expect(told([5, 11])).toEqual(["claims", "high"]);
    expect(told([5])).toEqual(["claims", "routine"]);
    expect(told([9, 11])).toEqual(["benefits", "high"]);
    expect(told([7])).toEqual(["appeal", "routine"]);
  });

  it("writes what it was trained on in the header, with the defaults where nothing is said", () => {
    const docs = DOCS();
    const model = fitModel(docs, 9, { heads: HEADS, features: DEFAULT_FEATURES, epochs: 1 });
    expect(model.header).toMatchObject({
      format: "triage-linear",
      version: "dev",
      bits: 18,
      temperature: {},
      thresholds: {},
      trainedOn: { emails: 9, writers: 3, corpusHash: "" },
    });
    const named = fitModel(docs, 5, options({ version: "2026.12", corpusHash: "abc", temperature: { category: 1.5 }, thresholds: { urgent: 0.4 } }));
    expect(named.header).toMatchObject({
      version: "2026.12",
      bits: 8,
      temperature: { category: 1.5 },
      thresholds: { urgent: 0.4 },
      trainedOn: { emails: 5, corpusHash: "abc" },
    });
  });

  it("reads each example's labels into the heads' targets, and refuses a label no head has", () => {
    const heads: HeadSpec[] = [
      { name: "category", labels: ["claims", "appeal"], kind: "softmax" },
      { name: "senderType", labels: ["member", "provider"], kind: "softmax" },
      { name: "priority", labels: ["routine", "high"], kind: "softmax" },
      { name: "dispute", labels: ["appeal", "grievance"], kind: "logistic", of: "category" },
      { name: "fast", labels: ["high"], kind: "logistic", of: "priority" },
      { name: "clinical", labels: ["clinical_referral"], kind: "logistic" },
    ];
    const parts = { subject: "denied claim", own: "Please look at my claim again.", quoted: "", structure: ["mailbox=contact-us"] };
    const labels = (category: string, priority: string, flags: string[]) => ({ category, senderType: "provider", priority, flags });
    const [x, y] = vectorizeAll(
      [
        { parts, labels: labels("appeal", "high", ["clinical_referral"]), writer: "w1", weight: 2 },
        { parts, labels: labels("claims", "routine", []), writer: "w2" },
      ],
      { heads, features: DEFAULT_FEATURES, bits: 12 },
    );
    expect([...x!.targets]).toEqual([1, 1, 1, 1, 1, 1]);
    expect([...y!.targets]).toEqual([0, 1, 0, 0, 0, 0]);
    expect([x!.weight, y!.weight, x!.writer]).toEqual([2, 1, "w1"]);
    expect(x!.buckets.length).toBeGreaterThan(0);
    expect(Math.max(...x!.buckets)).toBeLessThan(1 << 12); // buckets of the bits asked for
    expect(() => vectorizeAll([{ parts, labels: labels("billing", "high", []), writer: "w1" }], { heads, features: DEFAULT_FEATURES })).toThrow(
      'label "billing" is not a class of category',
    );
  });
});
