/**
 * The learned model: linear heads over hashed features (one softmax per single-choice field, one
 * logistic output per flag), its binary file format, and scoring. Trained by `npm run train`
 * (train.ts) from the corpus; loaded by the pane (fetched as an asset) and the command lines (read
 * from disk) as bytes, so this module touches no file, network or browser API.
 */
import { DEFAULT_FEATURES, PART_OWN, PART_QUOTED, charNgrams, featureNorm, type FeatureConfig, type WordBuffer } from "./features";

export interface HeadSpec {
  readonly name: string;
  /** Class labels; a flag head has one label and a logistic output. */
  readonly labels: readonly string[];
  readonly kind: "softmax" | "logistic";
  /** A logistic head learned from a single-choice field: positive when that field is one of `labels`. */
  readonly of?: "category" | "priority";
}

export interface ModelHeader {
  readonly format: "triage-linear";
  /** The model's own version, shown in the pane beside the classification. */
  readonly version: string;
  readonly bits: number;
  readonly features: FeatureConfig;
  readonly heads: readonly HeadSpec[];
  /** Softmax temperature per head, fitted on held-out writers (calibration). */
  readonly temperature: Readonly<Record<string, number>>;
  /** Decision thresholds fitted on held-out writers (see the decision record). */
  readonly thresholds: Readonly<Record<string, number>>;
  /** What it was trained on: counts only, never text. */
  readonly trainedOn: { readonly emails: number; readonly writers: number; readonly corpusHash: string };
}

const MAGIC = 0x54524931; // "TRI1"

export class LinearModel {
  readonly header: ModelHeader;
  /** Outputs: the heads' classes laid end to end. */
  readonly outputs: number;
  readonly offsets: readonly number[];
  /** bucket → row, or -1 when the bucket carries no weight. */
  private readonly index: Int32Array;
  readonly weights: Float32Array;
  readonly bias: Float32Array;
  private readonly shift: number;

  constructor(header: ModelHeader, buckets: Uint32Array, weights: Float32Array, bias: Float32Array) {
    this.header = header;
    const offsets: number[] = [];
    let k = 0;
    for (const h of header.heads) {
      offsets.push(k);
      k += h.kind === "softmax" ? h.labels.length : 1;
    }
    this.offsets = offsets;
    this.outputs = k;
    if (bias.length !== k) throw new Error(`model: ${bias.length} biases for ${k} outputs`);
    if (weights.length !== buckets.length * k) throw new Error("model: weights do not match the buckets");
    if (header.bits < 8 || header.bits > 24) throw new Error("model: bits out of range");
    this.index = new Int32Array(1 << header.bits).fill(-1);
    for (let r = 0; r < buckets.length; r++) {
      const b = buckets[r]!;
      if (b >= this.index.length) throw new Error("model: bucket out of range");
      this.index[b] = r;
    }
    this.weights = weights;
    this.bias = bias;
    this.shift = 32 - header.bits;
  }

  private config: FeatureConfig | undefined;

  get features(): FeatureConfig {
    return (this.config ??= { ...DEFAULT_FEATURES, ...this.header.features });
  }

  rowOf(hash: number): number {
    return this.index[hash >>> this.shift]!;
  }

  /** The summed weights of one word (its own feature and its character n-grams), or null when none. */
  wordVector(buf: WordBuffer, w: number, grams: number[]): Float32Array | null {
    const K = this.outputs;
    const W = this.weights;
    let vec: Float32Array | null = null;
    const r = this.index[buf.word[w]! >>> this.shift]!;
    if (r >= 0) {
      vec = new Float32Array(K);
      for (let k = 0; k < K; k++) vec[k] = W[r * K + k]!;
    }
    if (buf.charLen[w]! > 0) {
      const cw = this.features.charWeight;
      for (const g of charNgrams(buf, w, this.features, grams)) {
        const rg = this.index[g >>> this.shift]!;
        if (rg < 0) continue;
        vec ??= new Float32Array(K);
        for (let k = 0; k < K; k++) vec[k]! += W[rg * K + k]! * cw;
      }
    }
    return vec;
  }

  /** Raw scores of every output, given each word's vector and its pair's row (see Scorer). */
  addRow(out: Float32Array, row: number, scale: number): void {
    const K = this.outputs;
    const W = this.weights;
    const o = row * K;
    for (let k = 0; k < K; k++) out[k]! += W[o + k]! * scale;
  }

  /** Probabilities of one head from the logits. */
  probabilities(head: number, logits: Float32Array): number[] {
    const spec = this.header.heads[head]!;
    const o = this.offsets[head]!;
    const t = this.header.temperature[spec.name] ?? 1;
    if (spec.kind === "logistic") return [1 / (1 + Math.exp(-logits[o]! / t))];
    let max = -Infinity;
    for (let k = 0; k < spec.labels.length; k++) max = Math.max(max, logits[o + k]!);
    const p: number[] = [];
    let sum = 0;
    for (let k = 0; k < spec.labels.length; k++) {
      const e = Math.exp((logits[o + k]! - max) / t);
      p.push(e);
      sum += e;
    }
    return p.map((x) => x / sum);
  }

  headIndex(name: string): number {
    const i = this.header.heads.findIndex((h) => h.name === name);
    if (i < 0) throw new Error(`model has no head "${name}"`);
    return i;
  }

  /**
   * The binary file: magic, header length, header JSON, bucket ids, int8 weights with one scale per
   * output, biases. `saved` is the header written: `npm run train` saves the model under a version
   * named after these weights.
   */
  encode(saved: ModelHeader = this.header): Uint8Array {
    const K = this.outputs;
    const rows = this.weights.length / K;
    const buckets = new Uint32Array(rows);
    for (let b = 0; b < this.index.length; b++) {
      const r = this.index[b]!;
      if (r >= 0) buckets[r] = b;
    }
    // rows in bucket order, bucket ids as deltas (they compress well)
    const order = [...buckets.keys()].sort((a, b) => buckets[a]! - buckets[b]!);
    const scales = new Float32Array(K);
    for (let k = 0; k < K; k++) {
      let m = 0;
      for (let r = 0; r < rows; r++) m = Math.max(m, Math.abs(this.weights[r * K + k]!));
      scales[k] = m / 127 || 1;
    }
    const header = new TextEncoder().encode(JSON.stringify({ ...saved, rows }));
    const size = 8 + header.length + rows * 5 + K * 4 + K * 4 + rows * K;
    const bytes = new Uint8Array(size);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, MAGIC, true);
    view.setUint32(4, header.length, true);
    bytes.set(header, 8);
    let p = 8 + header.length;
    let last = 0;
    for (const r of order) {
      // bucket ids as deltas, seven bits a byte
      let d = buckets[r]! - last;
      last = buckets[r]!;
      while (d >= 0x80) {
        bytes[p++] = (d & 0x7f) | 0x80;
        d >>>= 7;
      }
      bytes[p++] = d;
    }
    for (let k = 0; k < K; k++, p += 4) view.setFloat32(p, scales[k]!, true);
    for (let k = 0; k < K; k++, p += 4) view.setFloat32(p, this.bias[k]!, true);
    // weights output-major: each output's column together compresses better
    for (let k = 0; k < K; k++) {
      for (const r of order) bytes[p++] = Math.round(this.weights[r * K + k]! / scales[k]!) & 0xff;
    }
    return bytes.slice(0, p);
  }

  static decode(bytes: Uint8Array): LinearModel {
    if (bytes.length < 8) throw new Error("model file is too short");
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getUint32(0, true) !== MAGIC) throw new Error("not a triage model file");
    const hl = view.getUint32(4, true);
    if (8 + hl > bytes.length) throw new Error("model file is truncated");
    let header: ModelHeader;
    try {
      header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + hl))) as ModelHeader;
    } catch {
      throw new Error("model header is not JSON");
    }
    if (header.format !== "triage-linear" || !Array.isArray(header.heads)) throw new Error("unknown model format");
    let K = 0;
    for (const h of header.heads) K += h.kind === "softmax" ? h.labels.length : 1;
    const rows = (header as ModelHeader & { rows?: number }).rows;
    if (typeof rows !== "number" || !Number.isInteger(rows) || rows < 0) throw new Error("model header has no row count");
    let p = 8 + hl;
    const buckets = new Uint32Array(rows);
    let last = 0;
    for (let r = 0; r < rows; r++) {
      let d = 0;
      let shift = 0;
      for (;;) {
        if (p >= bytes.length || shift > 28) throw new Error("model file is truncated");
        const b = bytes[p++]!;
        d |= (b & 0x7f) << shift;
        if (b < 0x80) break;
        shift += 7;
      }
      buckets[r] = last += d >>> 0;
    }
    if (p + 8 * K + rows * K !== bytes.length) throw new Error("model file is truncated");
    const scales = new Float32Array(K);
    for (let k = 0; k < K; k++, p += 4) scales[k] = view.getFloat32(p, true);
    const bias = new Float32Array(K);
    for (let k = 0; k < K; k++, p += 4) bias[k] = view.getFloat32(p, true);
    const weights = new Float32Array(rows * K);
    for (let k = 0; k < K; k++) {
      const s = scales[k]!;
      for (let r = 0; r < rows; r++) weights[r * K + k] = ((bytes[p++]! << 24) >> 24) * s;
    }
    return new LinearModel(header, buckets, weights, bias);
  }
}

const CACHE_BITS = 14;
const CACHE_SLOTS = 1 << CACHE_BITS;
/** Distinct words the cache takes before it is emptied (open addressing stays quick below 70 %). */
const CACHE_LIMIT = CACHE_SLOTS * 0.7;
/** A word's slot when the cache is full: its weights are summed again wherever they are needed. */
const UNCACHED = -2;

/**
 * Scores emails with one model: each distinct word's weights are summed once and kept (an
 * open-addressing table in typed arrays, emptied between emails when nearly full), so a word seen before costs one probe.
 * Keeps, for the last email, each word's slot and its pair's row, from which the reasons are read.
 */
export class Scorer {
  readonly model: LinearModel;
  private readonly grams: number[] = [];
  private readonly config: FeatureConfig;
  private readonly K: number;
  /** Cache: word key per slot (0 = empty), and the slot's vector in `pool` (row `slot`). */
  private readonly keys = new Uint32Array(CACHE_SLOTS);
  private readonly has = new Uint8Array(CACHE_SLOTS);
  private readonly pool: Float32Array;
  private used = 0;
  /** For the last email: each word's cache slot (-1 when it carries no weight, -2 when the cache was full) and its pair's row (-1 for none). */
  slots = new Int32Array(1024);
  pairRows = new Int32Array(1024);
  norm = 1;

  constructor(model: LinearModel) {
    this.model = model;
    this.config = model.features;
    this.K = model.outputs;
    this.pool = new Float32Array(CACHE_SLOTS * this.K);
  }

  private slotOf(buf: WordBuffer, w: number): number {
    const key = (buf.charLen[w]! > 0 ? buf.word[w]! : (buf.word[w]! ^ 0x5bd1e995) >>> 0) || 1;
    const mask = CACHE_SLOTS - 1;
    let i = (key ^ (key >>> CACHE_BITS)) & mask;
    while (this.has[i] !== 0) {
      if (this.keys[i] === key) return this.has[i] === 1 ? i : -1;
      i = (i + 1) & mask;
    }
    // full: this email alone has more distinct words than the cache holds (it was emptied before
    // the email, never during one, so no word of the email loses its slot to a later one)
    if (this.used > CACHE_LIMIT) return UNCACHED;
    const vec = this.model.wordVector(buf, w, this.grams);
    this.keys[i] = key;
    this.used++;
    if (vec === null) {
      this.has[i] = 2; // known, no weight
      return -1;
    }
    this.has[i] = 1;
    this.pool.set(vec, i * this.K);
    return i;
  }

  /** Per email: each touched cache slot's and pair row's summed value (a word met twice is weighed once). */
  private slotSum = new Float64Array(CACHE_SLOTS);
  private rowSum = new Float64Array(0);
  private touchedSlots = new Int32Array(1024);
  private touchedRows = new Int32Array(1024);

  logits(buf: WordBuffer): Float32Array {
    const model = this.model;
    const K = this.K;
    const acc = new Float64Array(K);
    const norm = (this.norm = featureNorm(buf, this.config));
    const n = buf.count;
    if (this.slots.length < n) {
      this.slots = new Int32Array(n * 2);
      this.pairRows = new Int32Array(n * 2);
      this.touchedSlots = new Int32Array(n * 2);
      this.touchedRows = new Int32Array(n * 2);
    }
    // emptied between emails only: emptied in the middle of one, a later word could take an
    // earlier word's slot and its weights (the score would depend on the emails scored before)
    if (this.used + n > CACHE_LIMIT) {
      this.has.fill(0);
      this.used = 0;
    }
    const rows = model.weights.length / K;
    if (this.rowSum.length < rows) this.rowSum = new Float64Array(rows);
    const slotSum = this.slotSum;
    const rowSum = this.rowSum;
    const touchedSlots = this.touchedSlots;
    const touchedRows = this.touchedRows;
    let ns = 0;
    let nr = 0;
    for (let w = 0; w < n; w++) {
      const v = buf.value[w]! / norm;
      const slot = this.slotOf(buf, w);
      this.slots[w] = slot;
      if (slot >= 0) {
        if (slotSum[slot] === 0) touchedSlots[ns++] = slot;
        slotSum[slot]! += v;
      } else if (slot === UNCACHED) {
        const vec = model.wordVector(buf, w, this.grams);
        if (vec !== null) for (let k = 0; k < K; k++) acc[k]! += vec[k]! * v;
      }
      const pr = buf.pair[w] !== 0 ? model.rowOf(buf.pair[w]!) : -1;
      this.pairRows[w] = pr;
      if (pr >= 0) {
        if (rowSum[pr] === 0) touchedRows[nr++] = pr;
        rowSum[pr]! += v;
      }
    }
    addScaled(acc, this.pool, touchedSlots, ns, slotSum, K);
    addScaled(acc, model.weights, touchedRows, nr, rowSum, K);
    const out = new Float32Array(K);
    for (let k = 0; k < K; k++) out[k] = model.bias[k]! + acc[k]!;
    for (const s of buf.structure) {
      const r = model.rowOf(s);
      if (r >= 0) model.addRow(out, r, 1);
    }
    return out;
  }

  /**
   * How much each word of the last email pushed output `o` above `against` (or above zero), into
   * `out`; and, in `totals`, the sums of the positive pushes over the subject and own words and
   * over the quoted history, and the strongest push of each (own words from `sigStart` on, the
   * signature, are summed but never the strongest).
   */
  contributions(buf: WordBuffer, o: number, against: number, out: Float64Array, sigStart = Infinity, totals?: Float64Array): void {
    const K = this.K;
    const pool = this.pool;
    const W = this.model.weights;
    const inv = 1 / this.norm;
    const slots = this.slots;
    const pairs = this.pairRows;
    const part = buf.part;
    const starts = buf.start;
    const value = buf.value;
    let ownTotal = 0;
    let quotedTotal = 0;
    let ownTop = 0;
    let quotedTop = 0;
    for (let w = 0; w < buf.count; w++) {
      let c = 0;
      const s = slots[w]!;
      if (s >= 0) c = pool[s * K + o]! - (against < 0 ? 0 : pool[s * K + against]!);
      else if (s === UNCACHED) {
        const vec = this.model.wordVector(buf, w, this.grams);
        if (vec !== null) c = vec[o]! - (against < 0 ? 0 : vec[against]!);
      }
      const pr = pairs[w]!;
      if (pr >= 0) c += W[pr * K + o]! - (against < 0 ? 0 : W[pr * K + against]!);
      const v = (out[w] = c * value[w]! * inv);
      if (v <= 0) continue;
      const p = part[w]!;
      if (p === PART_QUOTED) {
        quotedTotal += v;
        if (v > quotedTop) quotedTop = v;
      } else {
        ownTotal += v;
        if (v > ownTop && !(p === PART_OWN && starts[w]! >= sigStart)) ownTop = v;
      }
    }
    if (totals) {
      totals[0] = ownTotal;
      totals[1] = quotedTotal;
      totals[2] = ownTop;
      totals[3] = quotedTop;
    }
  }
}

/** acc += Σ sums[i] · table[row i]; clears the sums it read. */
function addScaled(acc: Float64Array, table: Float32Array, touched: Int32Array, n: number, sums: Float64Array, K: number): void {
  for (let t = 0; t < n; t++) {
    const r = touched[t]!;
    const v = sums[r]!;
    sums[r] = 0;
    const o = r * K;
    for (let k = 0; k < K; k++) acc[k]! += table[o + k]! * v;
  }
}
