/**
 * Training the linear heads: multinomial logistic regression for category, sender type and
 * priority, logistic regression for each learned flag, over the hashed features of features.ts.
 * AdaGrad with L2, a fixed seed for the order of examples: the same corpus gives the same weights.
 * Pure computation: the command (scripts/train.ts) reads the corpus and writes the file.
 */
import { WordBuffer, expandFeatures, readEmail, type FeatureConfig, type TextParts } from "./features";
import { seededRandom } from "../random";
import { LinearModel, type HeadSpec, type ModelHeader } from "./model";

export interface TrainingLabels {
  readonly category: string;
  readonly senderType: string;
  readonly priority: string;
  readonly flags: readonly string[];
}

export interface TrainingExample {
  readonly parts: TextParts;
  readonly labels: TrainingLabels;
  readonly writer: string;
  /** How much this example counts (1 by default). */
  readonly weight?: number;
}

export interface TrainOptions {
  readonly heads: readonly HeadSpec[];
  readonly features: FeatureConfig;
  readonly bits?: number;
  readonly epochs?: number;
  readonly learningRate?: number;
  readonly l2?: number;
  readonly seed?: number;
  /** A bucket is kept only when this many writers' emails use it (so one writer's quirks do not become rules). */
  readonly minWriters?: number;
  /** Extra weight per class of a head ("category:appeal" → 2). */
  readonly classWeights?: Readonly<Record<string, number>>;
  readonly version?: string;
  readonly corpusHash?: string;
  readonly temperature?: Readonly<Record<string, number>>;
  readonly thresholds?: Readonly<Record<string, number>>;
  /** Keep at most this many features (the heaviest rows) in the shipped file. */
  readonly maxFeatures?: number;
}

export interface Doc {
  readonly buckets: Int32Array;
  readonly values: Float32Array;
  readonly weight: number;
  readonly targets: Int32Array;
  readonly writer: string;
}

/** One email's features merged per bucket, scaled as the model scales them. */
export function vectorize(parts: TextParts, features: FeatureConfig, bits: number, buf = new WordBuffer()): { buckets: Int32Array; values: Float32Array } {
  readEmail(parts, features, buf);
  const shift = 32 - bits;
  const merged = new Map<number, number>();
  expandFeatures(buf, features, (h, v) => {
    const b = h >>> shift;
    merged.set(b, (merged.get(b) ?? 0) + v);
  });
  const keys = [...merged.keys()].sort((a, b) => a - b);
  return { buckets: Int32Array.from(keys), values: Float32Array.from(keys.map((k) => merged.get(k)!)) };
}

function targetsOf(labels: TrainingLabels, heads: readonly HeadSpec[]): Int32Array {
  return Int32Array.from(
    heads.map((h) => {
      if (h.kind === "logistic") {
        if (h.of) return h.labels.includes(h.of === "category" ? labels.category : labels.priority) ? 1 : 0;
        return labels.flags.includes(h.labels[0]!) ? 1 : 0;
      }
      const value = h.name === "category" ? labels.category : h.name === "senderType" ? labels.senderType : h.name === "priority" ? labels.priority : "";
      const i = h.labels.indexOf(value);
      if (i < 0) throw new Error(`label "${value}" is not a class of ${h.name}`);
      return i;
    }),
  );
}

/** Each example's features, once (they depend on the feature settings only, not on the fit). */
export function vectorizeAll(examples: readonly TrainingExample[], options: Pick<TrainOptions, "features" | "bits" | "heads">): Doc[] {
  const bits = options.bits ?? 18;
  const buf = new WordBuffer();
  return examples.map((e) => {
    const v = vectorize(e.parts, options.features, bits, buf);
    return { ...v, weight: e.weight ?? 1, targets: targetsOf(e.labels, options.heads), writer: e.writer };
  });
}

export function trainModel(examples: readonly TrainingExample[], options: TrainOptions): LinearModel {
  return fitModel(vectorizeAll(examples, options), examples.length, options);
}

export function fitModel(docs: readonly Doc[], emails: number, options: TrainOptions): LinearModel {
  const bits = options.bits ?? 18;
  const epochs = options.epochs ?? 12;
  const lr = options.learningRate ?? 0.5;
  const l2 = options.l2 ?? 1e-5;
  const minWriters = options.minWriters ?? 2;
  const heads = options.heads;
  // which buckets enough writers use
  const writersOf = new Map<number, Set<string> | true>();
  for (const d of docs) {
    for (const b of d.buckets) {
      const s = writersOf.get(b);
      if (s === true) continue;
      if (!s) writersOf.set(b, minWriters <= 1 ? true : new Set([d.writer]));
      else {
        s.add(d.writer);
        if (s.size >= minWriters) writersOf.set(b, true);
      }
    }
  }
  const rowOf = new Map<number, number>();
  const kept: number[] = [];
  for (const [b, s] of [...writersOf.entries()].sort((x, y) => x[0] - y[0])) {
    if (s === true) {
      rowOf.set(b, kept.length);
      kept.push(b);
    }
  }
  const rowsDocs = docs.map((d) => {
    const rows: number[] = [];
    const vals: number[] = [];
    for (let i = 0; i < d.buckets.length; i++) {
      const r = rowOf.get(d.buckets[i]!);
      if (r !== undefined) {
        rows.push(r);
        vals.push(d.values[i]!);
      }
    }
    return { rows: Int32Array.from(rows), values: Float32Array.from(vals), doc: d };
  });

  const offsets: number[] = [];
  let K = 0;
  for (const h of heads) {
    offsets.push(K);
    K += h.kind === "softmax" ? h.labels.length : 1;
  }
  let { W, bias } = sgd(rowsDocs, kept.length, K, offsets, heads, options, epochs, lr, l2);
  // the heaviest features only, so the file stays small; then fitted again on those alone
  let rowsKept = kept.map((_, r) => r);
  if (options.maxFeatures !== undefined && rowsKept.length > options.maxFeatures) {
    const mass = new Float64Array(kept.length);
    const scale = new Float64Array(K);
    for (let r = 0; r < kept.length; r++) for (let k = 0; k < K; k++) scale[k] = Math.max(scale[k]!, Math.abs(W[r * K + k]!));
    for (let r = 0; r < kept.length; r++) {
      let m = 0;
      for (let k = 0; k < K; k++) m = Math.max(m, Math.abs(W[r * K + k]!) / (scale[k]! || 1));
      mass[r] = m;
    }
    rowsKept = rowsKept.sort((a, b) => mass[b]! - mass[a]! || a - b).slice(0, options.maxFeatures).sort((a, b) => a - b);
    const newRow = new Int32Array(kept.length).fill(-1);
    rowsKept.forEach((r, i) => (newRow[r] = i));
    const narrowed = rowsDocs.map((d) => {
      const rows: number[] = [];
      const vals: number[] = [];
      for (let f = 0; f < d.rows.length; f++) {
        const nr = newRow[d.rows[f]!]!;
        if (nr >= 0) {
          rows.push(nr);
          vals.push(d.values[f]!);
        }
      }
      return { rows: Int32Array.from(rows), values: Float32Array.from(vals), doc: d.doc };
    });
    ({ W, bias } = sgd(narrowed, rowsKept.length, K, offsets, heads, options, epochs, lr, l2));
  }
  const header: ModelHeader = {
    format: "triage-linear",
    version: options.version ?? "dev",
    bits,
    features: options.features,
    heads,
    temperature: options.temperature ?? {},
    thresholds: options.thresholds ?? {},
    trainedOn: { emails, writers: new Set(docs.map((d) => d.writer)).size, corpusHash: options.corpusHash ?? "" },
  };
  const outW = Float32Array.from(W);
  return new LinearModel(header, Uint32Array.from(rowsKept.map((r) => kept[r]!)), outW, bias);
}

interface RowDoc {
  readonly rows: Int32Array;
  readonly values: Float32Array;
  readonly doc: Doc;
}

/** The fit itself: AdaGrad over the examples in a seeded order, every head at once. */
function sgd(rowsDocs: readonly RowDoc[], nRows: number, K: number, offsets: readonly number[], heads: readonly HeadSpec[], options: TrainOptions, epochs: number, lr: number, l2: number): { W: Float64Array; bias: Float32Array } {
  const classWeight = new Float32Array(K).fill(1);
  for (const [key, w] of Object.entries(options.classWeights ?? {})) {
    const [name, label] = key.split(":");
    const hi = heads.findIndex((h) => h.name === name);
    if (hi < 0) continue;
    const li = heads[hi]!.labels.indexOf(label!);
    if (li >= 0) classWeight[offsets[hi]! + (heads[hi]!.kind === "softmax" ? li : 0)] = w;
  }
  const W = new Float64Array(nRows * K);
  const G = new Float64Array(nRows).fill(1e-6);
  const bias = new Float32Array(K);
  const gBias = new Float32Array(K).fill(1e-6);
  const rand = seededRandom(options.seed ?? 1);
  const order = rowsDocs.map((_, i) => i);
  const z = new Float64Array(K);
  const grad = new Float64Array(K);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const idx of order) {
      const { rows, values, doc } = rowsDocs[idx]!;
      z.set(bias);
      for (let f = 0; f < rows.length; f++) {
        const o = rows[f]! * K;
        const v = values[f]!;
        for (let k = 0; k < K; k++) z[k]! += W[o + k]! * v;
      }
      for (let h = 0; h < heads.length; h++) {
        const spec = heads[h]!;
        const o = offsets[h]!;
        const t = doc.targets[h]!;
        if (spec.kind === "logistic") {
          const p = 1 / (1 + Math.exp(-z[o]!));
          const cw = t === 1 ? classWeight[o]! : 1;
          grad[o] = (p - t) * cw * doc.weight;
        } else {
          const n = spec.labels.length;
          let max = -Infinity;
          for (let k = 0; k < n; k++) max = Math.max(max, z[o + k]!);
          let sum = 0;
          for (let k = 0; k < n; k++) sum += (grad[o + k] = Math.exp(z[o + k]! - max));
          const cw = classWeight[o + t]! * doc.weight;
          for (let k = 0; k < n; k++) grad[o + k] = (grad[o + k]! / sum - (k === t ? 1 : 0)) * cw;
        }
      }
      // AdaGrad with one accumulator per feature (row): one square root per feature and example
      let gradSq = 0;
      for (let k = 0; k < K; k++) gradSq += grad[k]! * grad[k]!;
      for (let f = 0; f < rows.length; f++) {
        const r = rows[f]!;
        const o = r * K;
        const v = values[f]!;
        G[r]! += v * v * gradSq;
        const step = (lr * v) / Math.sqrt(G[r]!);
        for (let k = 0; k < K; k++) W[o + k]! -= step * (grad[k]! + l2 * W[o + k]!);
      }
      for (let k = 0; k < K; k++) {
        const g = grad[k]!;
        gBias[k]! += g * g;
        bias[k]! -= (lr * g) / Math.sqrt(gBias[k]!);
      }
    }
  }
  return { W, bias };
}
