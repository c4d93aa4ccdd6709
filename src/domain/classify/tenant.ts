/**
 * A tenant's own adjustment of the shared model (docs/decisions/0071): a second set of weights,
 * learned from the tenant's corrections (their privacy-safe features, private-features.ts) on top
 * of the shared model's scores, which act as the prior — the adjustment starts at zero and is held
 * near it. The pane adds the two (`applyAdjustment`); a new shared model keeps the tenant's
 * corrections, and the next training run fits a new adjustment on top of it.
 *
 * Guard rails: a feature is adjusted only when several corrections hold it, a label is learned only
 * from several corrections of it, every weight is bounded, and `compareOnExamples` is what the
 * publishing step checks against the shared model before anything reaches a pane.
 * Pure computation: no file, list or network here.
 */
import { seededRandom } from "../random";
import { CATEGORIES } from "./labels";
import { LinearModel, type HeadSpec, type ModelHeader } from "./model";
import type { PrivateFeatures } from "./private-features";
import type { TrainingLabels } from "./train";

export interface TenantExample {
  readonly features: PrivateFeatures;
  readonly labels: TrainingLabels;
  /** 1 for a correction, less for a confirmation (an action on an email left as classified). */
  readonly weight: number;
  /** Who gave it (a pseudonymous key is enough): one advocate alone cannot teach a label. */
  readonly advocate: string;
  /**
   * The shared model's scores of the whole email as the pane read it (numbers only), and that
   * model's version: the adjustment is fitted on top of what the pane will add it to. Without them
   * (or when another shared model wrote them) the scores are recomputed from the kept features.
   */
  readonly base?: { readonly version: string; readonly logits: Float32Array };
}

export interface AdjustmentOptions {
  readonly version: string;
  /** A label (of any head) is learned only from at least this many examples of it. */
  readonly minPerLabel?: number;
  /** … given by at least this many advocates. */
  readonly minAdvocatesPerLabel?: number;
  /** A feature is adjusted only when at least this many examples hold it. */
  readonly minExamplesPerFeature?: number;
  /** Every adjusted weight and bias stays within ± this. */
  readonly maxWeight?: number;
  readonly l2?: number;
  readonly epochs?: number;
  readonly learningRate?: number;
  readonly seed?: number;
  /** Extra weight per class ("category:appeal" → 2), as the shared model was trained. */
  readonly classWeights?: Readonly<Record<string, number>>;
  /** Adjust the biases too (the tenant's own mix of labels), or leave the shared model's. */
  readonly adjustBias?: boolean;
  /**
   * Examples of the shipped corpus (never the shipped evaluation sets), fitted beside the tenant's
   * own at their own weight: they hold the adjustment to what the shared model already gets right
   * elsewhere. They teach no label and open no feature: which labels and features are adjusted is
   * decided by the tenant's examples alone.
   */
  readonly anchors?: readonly TenantExample[];
}

/** How much a confirmation (an action on an email left as classified) counts against a correction's 1. */
export const CONFIRMATION_WEIGHT = 0.3;

export const ADJUSTMENT_DEFAULTS = {
  minPerLabel: 3,
  minAdvocatesPerLabel: 1,
  minExamplesPerFeature: 2,
  maxWeight: 0.5,
  l2: 0.05,
  epochs: 10,
  learningRate: 0.1,
  seed: 1414,
  adjustBias: false,
} as const;

function outputsOf(heads: readonly HeadSpec[]): { offsets: number[]; K: number } {
  const offsets: number[] = [];
  let K = 0;
  for (const h of heads) {
    offsets.push(K);
    K += h.kind === "softmax" ? h.labels.length : 1;
  }
  return { offsets, K };
}

/** Which class of each head the labels name (-1: not learned from this example; a logistic head: 0 or 1). */
function targetsOf(labels: TrainingLabels, heads: readonly HeadSpec[]): number[] {
  return heads.map((h) => {
    if (h.kind === "logistic") {
      if (h.of) return h.labels.includes(h.of === "category" ? labels.category : labels.priority) ? 1 : 0;
      return Array.isArray(labels.flags) && labels.flags.includes(h.labels[0]!) ? 1 : 0;
    }
    const value = h.name === "category" ? labels.category : h.name === "senderType" ? labels.senderType : h.name === "priority" ? labels.priority : "";
    return h.labels.indexOf(value);
  });
}

/** Each example's features as rows of `model` (bucket merged), and the model's own logits for it. */
export function logitsOf(model: LinearModel, f: PrivateFeatures): Float32Array {
  const out = Float32Array.from(model.bias);
  for (let i = 0; i < f.hashes.length; i++) {
    const r = model.rowOf(f.hashes[i]!);
    if (r >= 0) model.addRow(out, r, f.values[i]!);
  }
  return out;
}

/** Fits the tenant's adjustment: a model of the same heads whose weights are added to the shared ones. */
export function fitAdjustment(shared: LinearModel, examples: readonly TenantExample[], options: AdjustmentOptions): LinearModel {
  const o = { ...ADJUSTMENT_DEFAULTS, ...options };
  const heads = shared.header.heads;
  const { offsets, K } = outputsOf(heads);
  const shift = 32 - shared.header.bits;
  // targets, and which labels enough examples (and advocates) teach
  const targets = examples.map((e) => targetsOf(e.labels, heads));
  const taught = heads.map((h, hi) => {
    const n = h.kind === "softmax" ? h.labels.length : 2;
    const count = new Array<number>(n).fill(0);
    const who = Array.from({ length: n }, () => new Set<string>());
    examples.forEach((e, i) => {
      const t = targets[i]![hi]!;
      if (t < 0) return;
      count[t]!++;
      who[t]!.add(e.advocate);
    });
    return count.map((c, t) => c >= o.minPerLabel && who[t]!.size >= o.minAdvocatesPerLabel);
  });
  // the buckets several examples hold
  const seen = new Map<number, number>();
  const docs = examples.map((e) => {
    const merged = new Map<number, number>();
    for (let i = 0; i < e.features.hashes.length; i++) {
      const b = e.features.hashes[i]! >>> shift;
      merged.set(b, (merged.get(b) ?? 0) + e.features.values[i]!);
    }
    for (const b of merged.keys()) seen.set(b, (seen.get(b) ?? 0) + 1);
    return merged;
  });
  const buckets = [...seen.entries()].filter(([, n]) => n >= o.minExamplesPerFeature).map(([b]) => b).sort((a, b) => a - b);
  const rowOf = new Map(buckets.map((b, r) => [b, r]));
  const anchors = o.anchors ?? [];
  for (const a of anchors) {
    const merged = new Map<number, number>();
    for (let i = 0; i < a.features.hashes.length; i++) {
      const b = a.features.hashes[i]! >>> shift;
      if (rowOf.has(b)) merged.set(b, (merged.get(b) ?? 0) + a.features.values[i]!);
    }
    docs.push(merged);
    targets.push(targetsOf(a.labels, heads));
  }
  const all = anchors.length ? [...examples, ...anchors] : examples;
  const rows = docs.map((m) => {
    const rs: number[] = [];
    const vs: number[] = [];
    for (const [b, v] of m) {
      const r = rowOf.get(b);
      if (r !== undefined) {
        rs.push(r);
        vs.push(v);
      }
    }
    return { rows: Int32Array.from(rs), values: Float32Array.from(vs) };
  });
  const base = all.map((e) => baseLogits(shared, e));
  const classWeight = new Float32Array(K).fill(1);
  for (const [key, w] of Object.entries(o.classWeights ?? {})) {
    const [name, label] = key.split(":");
    const hi = heads.findIndex((h) => h.name === name);
    if (hi < 0) continue;
    const li = heads[hi]!.labels.indexOf(label!);
    if (li >= 0) classWeight[offsets[hi]! + (heads[hi]!.kind === "softmax" ? li : 0)] = w;
  }

  const W = new Float64Array(buckets.length * K);
  const G = new Float64Array(buckets.length * K).fill(1e-8);
  const bias = new Float64Array(K);
  const gBias = new Float64Array(K).fill(1e-8);
  const z = new Float64Array(K);
  const grad = new Float64Array(K);
  const rand = seededRandom(o.seed);
  const order = all.map((_, i) => i);
  const clip = (x: number) => (x > o.maxWeight ? o.maxWeight : x < -o.maxWeight ? -o.maxWeight : x);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const idx of order) {
      const { rows: rs, values: vs } = rows[idx]!;
      const t = targets[idx]!;
      const weight = all[idx]!.weight;
      for (let k = 0; k < K; k++) z[k] = base[idx]![k]! + bias[k]!;
      for (let f = 0; f < rs.length; f++) {
        const off = rs[f]! * K;
        const v = vs[f]!;
        for (let k = 0; k < K; k++) z[k]! += W[off + k]! * v;
      }
      grad.fill(0);
      for (let h = 0; h < heads.length; h++) {
        const spec = heads[h]!;
        const off = offsets[h]!;
        const target = t[h]!;
        if (target < 0 || !taught[h]![target]) continue;
        if (spec.kind === "logistic") {
          // a yes/no head is taught only when both answers are
          if (!taught[h]![0] || !taught[h]![1]) continue;
          const p = 1 / (1 + Math.exp(-z[off]!));
          grad[off] = (p - target) * (target === 1 ? classWeight[off]! : 1) * weight;
        } else {
          const n = spec.labels.length;
          let max = -Infinity;
          for (let k = 0; k < n; k++) max = Math.max(max, z[off + k]!);
          let sum = 0;
          for (let k = 0; k < n; k++) sum += grad[off + k] = Math.exp(z[off + k]! - max);
          const cw = classWeight[off + target]! * weight;
          // the untaught labels of the head are left where the shared model put them
          for (let k = 0; k < n; k++) grad[off + k] = taught[h]![k] ? (grad[off + k]! / sum - (k === target ? 1 : 0)) * cw : 0;
        }
      }
      for (let f = 0; f < rs.length; f++) {
        const off = rs[f]! * K;
        const v = vs[f]!;
        for (let k = 0; k < K; k++) {
          const g = grad[k]! * v + o.l2 * W[off + k]!;
          if (g === 0) continue;
          G[off + k]! += g * g;
          W[off + k] = clip(W[off + k]! - (o.learningRate * g) / Math.sqrt(G[off + k]!));
        }
      }
      if (o.adjustBias) for (let k = 0; k < K; k++) {
        const g = grad[k]! + o.l2 * bias[k]!;
        if (g === 0) continue;
        gBias[k]! += g * g;
        bias[k] = clip(bias[k]! - (o.learningRate * g) / Math.sqrt(gBias[k]!));
      }
    }
  }
  const header: ModelHeader = {
    format: "triage-linear",
    version: options.version,
    bits: shared.header.bits,
    features: shared.header.features,
    heads,
    temperature: {},
    thresholds: {},
    trainedOn: { emails: examples.length, writers: new Set(examples.map((e) => e.advocate)).size, corpusHash: shared.header.version },
  };
  return new LinearModel(header, Uint32Array.from(buckets), Float32Array.from(W), Float32Array.from(bias));
}

/** The buckets a model carries weight in, with their rows. */
function bucketRows(m: LinearModel): [number, number][] {
  const shift = 32 - m.header.bits;
  const out: [number, number][] = [];
  for (let b = 0; b < 1 << m.header.bits; b++) {
    const r = m.rowOf((b << shift) >>> 0);
    if (r >= 0) out.push([b, r]);
  }
  return out;
}

/**
 * The shared model with the tenant's adjustment added: what the pane classifies with. Its version
 * names both ("shared-… + tenant-…"); the shared model's thresholds and calibration are kept.
 * Refuses an adjustment made for other heads or another feature space.
 */
export function applyAdjustment(shared: LinearModel, adjustment: LinearModel): LinearModel {
  const a = adjustment.header;
  const s = shared.header;
  if (a.bits !== s.bits || JSON.stringify(a.heads) !== JSON.stringify(s.heads) || JSON.stringify(a.features) !== JSON.stringify(s.features)) {
    throw new Error("the tenant model does not fit this shared model (other heads or features)");
  }
  const K = shared.outputs;
  const rows = new Map<number, Float32Array>();
  for (const [b, r] of bucketRows(shared)) rows.set(b, shared.weights.slice(r * K, r * K + K));
  for (const [b, r] of bucketRows(adjustment)) {
    const w = rows.get(b) ?? new Float32Array(K);
    for (let k = 0; k < K; k++) w[k]! += adjustment.weights[r * K + k]!;
    rows.set(b, w);
  }
  const buckets = [...rows.keys()].sort((x, y) => x - y);
  const weights = new Float32Array(buckets.length * K);
  buckets.forEach((b, r) => weights.set(rows.get(b)!, r * K));
  const bias = Float32Array.from(shared.bias, (v, k) => v + adjustment.bias[k]!);
  return new LinearModel({ ...s, version: `${s.version}+${a.version}` }, Uint32Array.from(buckets), weights, bias);
}

/** The shared model's scores of an example: as the pane read the whole email when it can, else from the kept features. */
export function baseLogits(shared: LinearModel, e: TenantExample): Float32Array {
  return e.base && e.base.version === shared.header.version && e.base.logits.length === shared.outputs ? e.base.logits : logitsOf(shared, e.features);
}

/** The category the scores give, decided as the classifier decides it (the grievance/appeal pick first). */
export function categoryOf(model: LinearModel, logits: Float32Array, thresholds: Readonly<Record<string, number>>): string {
  const cat = model.headIndex("category");
  const p = model.probabilities(cat, logits);
  const G = CATEGORIES.indexOf("grievance");
  const A = CATEGORIES.indexOf("appeal");
  const gaHead = model.header.heads.findIndex((h) => h.name === "grievanceOrAppeal");
  const ga = gaHead >= 0 ? (model.probabilities(gaHead, logits)[0]! + p[G]! + p[A]!) / 2 : p[G]! + p[A]!;
  if (ga >= (thresholds["gaPick"] ?? 0.4)) return p[A]! >= p[G]! ? "appeal" : "grievance";
  let best = -1;
  for (let k = 0; k < p.length; k++) if (k !== G && k !== A && (best < 0 || p[k]! > p[best]!)) best = k;
  return CATEGORIES[best]!;
}

export interface ExampleScores {
  readonly n: number;
  readonly category: number;
  readonly gaRecall: number;
}

/** Category accuracy and grievance/appeal recall on stored examples: of the shared model, or with an adjustment added. */
export function scoreExamples(shared: LinearModel, adjustment: LinearModel | null, examples: readonly TenantExample[], thresholds: Readonly<Record<string, number>>): ExampleScores {
  let right = 0;
  let ga = 0;
  let found = 0;
  for (const e of examples) {
    const logits = Float32Array.from(baseLogits(shared, e));
    if (adjustment) {
      const a = logitsOf(adjustment, e.features);
      for (let k = 0; k < logits.length; k++) logits[k]! += a[k]!;
    }
    const c = categoryOf(shared, logits, thresholds);
    right += +(c === e.labels.category);
    const isGa = e.labels.category === "grievance" || e.labels.category === "appeal";
    if (isGa) {
      ga++;
      found += +(c === "grievance" || c === "appeal");
    }
  }
  return { n: examples.length, category: examples.length ? right / examples.length : 1, gaRecall: ga ? found / ga : 1 };
}

/** The held-out slice of a tenant's examples: every `k`-th one (in the order given), and the rest to train on. */
export function holdOut<T>(examples: readonly T[], k = 4): { train: T[]; held: T[] } {
  const train: T[] = [];
  const held: T[] = [];
  examples.forEach((e, i) => (i % k === k - 1 ? held : train).push(e));
  return { train, held };
}

export interface GuardVerdict {
  readonly publish: boolean;
  /** Why not, in words for the command line (no email content: figures only). */
  readonly reasons: string[];
}

/** At least as good as the shared model: category accuracy not lower, grievance/appeal recall never lower, on each set. */
export function compareScores(sets: readonly { name: string; shared: ExampleScores | { category: number; gaRecall: number }; tenant: { category: number; gaRecall: number } }[]): GuardVerdict {
  const reasons: string[] = [];
  for (const s of sets) {
    if (s.tenant.category < s.shared.category - 1e-9) reasons.push(`${s.name}: category ${s.tenant.category.toFixed(3)} below the shared model's ${s.shared.category.toFixed(3)}`);
    if (s.tenant.gaRecall < s.shared.gaRecall - 1e-9) reasons.push(`${s.name}: grievance/appeal recall ${s.tenant.gaRecall.toFixed(3)} below the shared model's ${s.shared.gaRecall.toFixed(3)}`);
  }
  return { publish: reasons.length === 0, reasons };
}

export interface GuardedFit {
  readonly adjustment: LinearModel;
  readonly verdict: GuardVerdict;
  /** The figures compared, per set: shared and tenant. */
  readonly figures: { name: string; shared: { category: number; gaRecall: number }; tenant: { category: number; gaRecall: number } }[];
}

/**
 * The one way a tenant model is made (the training command, the scheduled run and the simulation):
 * fitted without a held-out slice of the tenant's examples, then compared with the shared model on
 * that slice and on the shipped evaluation sets (`shipped` scores a model on them).
 */
export function fitGuarded(
  shared: LinearModel,
  examples: readonly TenantExample[],
  thresholds: Readonly<Record<string, number>>,
  shipped: (model: LinearModel) => { category: number; gaRecall: number },
  options: AdjustmentOptions,
  sharedShipped = shipped(shared),
): GuardedFit {
  const { train, held } = holdOut(examples);
  const adjustment = fitAdjustment(shared, train, options);
  const figures = [
    { name: "held-out corrections", shared: scoreExamples(shared, null, held, thresholds), tenant: scoreExamples(shared, adjustment, held, thresholds) },
    { name: "shipped sets", shared: sharedShipped, tenant: shipped(applyAdjustment(shared, adjustment)) },
  ];
  return { adjustment, verdict: compareScores(figures), figures };
}
