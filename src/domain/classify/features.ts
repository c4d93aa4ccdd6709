/**
 * The learned classifier's features: hashed words, word pairs and character n-grams of the
 * sender's own words, the subject and (weaker) the quoted history, plus a few structural facts
 * (mailbox, the kind of address it came from). One tokeniser serves training and inference, so
 * both see exactly the same numbers. Text never leaves this module: only 32-bit hashes and, for
 * the reasons shown to the advocate, where each word stands.
 *
 * Identifiers never reach the hash (docs/decisions/0023-learned-classifier.md): digit runs become
 * one placeholder, e-mail and web addresses are dropped, and words mixing letters and digits (ids,
 * reference numbers) are masked whole.
 *
 * Inference sums each distinct word's weights once (its own feature and its character n-grams) and
 * caches the sum (`npm run bench` reports the rate it reaches).
 */

import { CONCEPTS } from "./concepts";

/** Where a word stands in the email (numbers, not an enum: they index arrays in hot loops). */
export const PART_SUBJECT = 0;
export const PART_OWN = 1;
export const PART_QUOTED = 2;
export const PART_STRUCTURE = 3;
export type Part = 0 | 1 | 2 | 3;

export interface TextParts {
  readonly subject: string;
  readonly own: string;
  readonly quoted: string;
  /** Structural facts as short tokens ("mailbox=contact-us", "from=state"). */
  readonly structure: readonly string[];
}

export interface FeatureConfig {
  /** Character n-gram sizes taken inside each word ("<word>" padded). */
  readonly charNgrams: readonly number[];
  /** Word pairs too. */
  readonly bigrams: boolean;
  /** Weight of the quoted history relative to the sender's own words. */
  readonly quotedWeight: number;
  /** Weight of the subject. */
  readonly subjectWeight: number;
  /** Weight of a character n-gram relative to its word. */
  readonly charWeight: number;
  /** Mark the words after a negator, up to the end of the clause ("not … appeal" is not "appeal"). */
  readonly negation?: boolean;
  /** Cross-language cues (concepts.ts) of the subject and the sender's own words, as features of their own. */
  readonly concepts?: boolean;
}

/**
 * Words that turn what follows them around ("I'm not filing a complaint"): the next few words of
 * the same clause are read as negated words, features of their own.
 */
export const NEGATORS: readonly string[] = [
  "not", "no", "never", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wont", "cant",
  "cannot", "without", "nor", "neither", "nunca", "sin", "ni", "tampoco", "khong", "chua", "chang",
];
const NEGATION_WINDOW = 4;

export const DEFAULT_FEATURES: FeatureConfig = { charNgrams: [4], bigrams: true, quotedWeight: 0.35, subjectWeight: 1.5, charWeight: 0.5, negation: true, concepts: true };

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const NS_WORD = 0x9e3779b1;
const NS_PAIR = 0x85ebca77;
const NS_CHAR = 0xc2b2ae3d;
const NS_SUBJECT = 0x27d4eb2f;
const NS_STRUCT = 0x165667b1;
const NS_NEGATED = 0x3c6ef372;
const NS_CONCEPT = 0x7f4a7c15;

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a of a string, mixed: structural tokens. */
export function hashString(s: string, seed = FNV_OFFSET): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return mix(h);
}

const LETTER = 1;
const DIGIT = 2;
const APOSTROPHE = 3;

/**
 * Per UTF-16 code unit: its kind, and its folded form (lower case, accents off; 0 = dropped).
 * Filled on first sight of a code unit (UNSEEN until then): building all 65,536 entries up front
 * cost the pane's start a tenth of a second, and an email uses a few dozen.
 */
const UNSEEN = 0xff;
const FOLD = new Uint16Array(0x10000);
const KIND = new Uint8Array(0x10000).fill(UNSEEN);
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const MARK = /\p{M}/u;

/** The kind of code unit `c`, filling its entries the first time. */
function kindOf(c: number): number {
  const k = KIND[c]!;
  return k !== UNSEEN ? k : learn(c);
}

function learn(c: number): number {
  let kind = 0;
  if (c >= 0x30 && c <= 0x39) {
    kind = DIGIT;
    FOLD[c] = 0x30;
  } else if (c === 0x27 || c === 0x2019 || c === 0x60) {
    kind = APOSTROPHE; // apostrophes join a word ("don't" → "dont")
  } else if (c >= 0x41 && !(c >= 0xd800 && c <= 0xdfff)) {
    const ch = String.fromCharCode(c);
    if (LETTER_OR_MARK.test(ch)) {
      kind = LETTER;
      // a combining mark is part of the word, folded away (FOLD 0)
      if (!MARK.test(ch)) {
        const base = ch.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
        FOLD[c] = ch === "đ" || ch === "Đ" ? 0x64 : base.length > 0 ? base.charCodeAt(0) : c;
      }
    }
  }
  KIND[c] = kind;
  return kind;
}
for (let c = 0; c < 0x250; c++) learn(c); // ASCII and the Latin letters, at once

const MAX_WORD = 40;

/** The words of an email, as the model reads them. Reused between emails, so inference allocates little. */
export class WordBuffer {
  count = 0;
  /** The word's own feature hash. */
  word = new Uint32Array(1024);
  /** The pair (previous word, this word) feature hash, 0 for none. */
  pair = new Uint32Array(1024);
  part = new Uint8Array(1024);
  value = new Float32Array(1024);
  /** Where the word stands in its part's text. */
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  /** How many folded characters "<word>" has when character n-grams are taken from it, else 0. */
  charLen = new Uint8Array(1024);
  /** Each part's text as read (addresses blanked), for the n-grams of a word not seen before. */
  texts: string[] = ["", "", ""];
  structure: number[] = [];

  reset(): void {
    this.count = 0;
    this.texts[0] = this.texts[1] = this.texts[2] = "";
    this.structure.length = 0;
  }

  /** Room for `words` more words. */
  capacity(words: number): void {
    if (this.count + words <= this.word.length) return;
    const n = Math.max(this.word.length * 2, this.count + words);
    const grow = <T extends Uint32Array | Uint8Array | Float32Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a.subarray(0, this.count));
      return b;
    };
    this.word = grow(this.word, (k) => new Uint32Array(k));
    this.pair = grow(this.pair, (k) => new Uint32Array(k));
    this.part = grow(this.part, (k) => new Uint8Array(k));
    this.value = grow(this.value, (k) => new Float32Array(k));
    this.start = grow(this.start, (k) => new Int32Array(k));
    this.end = grow(this.end, (k) => new Int32Array(k));
    this.charLen = grow(this.charLen, (k) => new Uint8Array(k));
  }
}

const ADDRESS = /[^\s<>()"]+@[^\s<>()"]+|\b(?:https?:\/\/|www\.)\S+/gi;
/** What every address holds, in any case ("WWW.MEDICAID.GOV" is an address too): most texts skip the replace. */
const ADDRESS_HINT = /@|:\/\/|www\./i;

/** Reads one part's words into `out`. */
function readWords(text: string, part: Part, weight: number, config: FeatureConfig, out: WordBuffer): void {
  if (text.length === 0 || weight === 0) return;
  const src = ADDRESS_HINT.test(text) ? text.replace(ADDRESS, (m) => " ".repeat(m.length)) : text;
  out.texts[part] = src;
  const n = src.length;
  out.capacity((n >> 1) + 1);
  const words = out.word;
  const pairs = out.pair;
  const parts = out.part;
  const values = out.value;
  const starts = out.start;
  const ends = out.end;
  const charLens = out.charLen;
  const seed = (FNV_OFFSET ^ (part === PART_SUBJECT ? NS_SUBJECT : 0)) >>> 0;
  const withChars = part !== PART_SUBJECT && config.charNgrams.length > 0;
  const bigrams = config.bigrams;
  let count = out.count;
  let prev = 0;
  let i = 0;
  const negation = config.negation === true;
  let negated = 0;
  while (i < n) {
    let d = src.charCodeAt(i);
    let kd = kindOf(d);
    if (kd !== LETTER && kd !== DIGIT) {
      // a clause ends the reach of a negator
      if (negated > 0 && (d === 0x2e || d === 0x2c || d === 0x3b || d === 0x21 || d === 0x3f || d === 0x0a || d === 0x3a)) negated = 0;
      i++;
      continue;
    }
    // one word, hashed as it is read: "<" folded letters, one "0" per digit run, ">"
    let h = Math.imul(seed ^ 0x3c, FNV_PRIME);
    let len = 1;
    let letters = 0;
    let digits = 0;
    let lastDigit = false;
    const start = i;
    for (;;) {
      if (kd === LETTER) {
        const f = FOLD[d]!;
        if (f !== 0 && len <= MAX_WORD) {
          h = Math.imul(h ^ f, FNV_PRIME);
          len++;
        }
        letters++;
        lastDigit = false;
      } else if (kd === DIGIT) {
        if (!lastDigit && len <= MAX_WORD) {
          h = Math.imul(h ^ 0x30, FNV_PRIME);
          len++;
        }
        digits++;
        lastDigit = true;
      } else if (kd === APOSTROPHE) {
        if (i + 1 >= n || kindOf(src.charCodeAt(i + 1)) !== LETTER) break;
      } else break;
      if (++i >= n) break;
      d = src.charCodeAt(i);
      kd = kindOf(d);
    }
    // an id, a date code, a reference (letters and digits): masked whole
    if (letters > 0 && digits > 0) h = MASKED_SEED[part]!;
    const plain = mix(Math.imul(h ^ 0x3e, FNV_PRIME) ^ NS_WORD);
    let wh = plain;
    if (negation) {
      if (negated > 0) {
        wh = mix(plain ^ NS_NEGATED);
        negated--;
      }
      if ((NEGATOR_BITS[(plain >>> 5) & BIT_MASK]! & (1 << (plain & 31))) !== 0 && NEGATOR_HASHES.has(plain)) negated = NEGATION_WINDOW;
    }
    const w = count++;
    words[w] = wh;
    pairs[w] = bigrams && prev !== 0 ? mix(Math.imul(prev, 31) ^ wh ^ NS_PAIR) || 1 : 0;
    parts[w] = part;
    values[w] = weight;
    starts[w] = start;
    ends[w] = i;
    charLens[w] = withChars && digits === 0 ? len + 1 : 0;
    prev = wh;
  }
  out.count = count;
}

/** The running hash of "<#" per part: a masked id. */
const MASKED_SEED = [0, 1, 2].map((p) => {
  const seed = (FNV_OFFSET ^ (p === PART_SUBJECT ? NS_SUBJECT : 0)) >>> 0;
  return Math.imul(Math.imul(seed ^ 0x3c, FNV_PRIME) ^ 0x23, FNV_PRIME);
});

/** Reads an email's parts into `out`. */
export function readEmail(parts: TextParts, config: FeatureConfig, out: WordBuffer): void {
  out.reset();
  readWords(parts.subject, PART_SUBJECT, config.subjectWeight, config, out);
  if (config.concepts === true) addConcepts(out, PART_SUBJECT, 0, config.subjectWeight);
  const ownFrom = out.count;
  readWords(parts.own, PART_OWN, 1, config, out);
  if (config.concepts === true) addConcepts(out, PART_OWN, ownFrom, 1);
  readWords(parts.quoted, PART_QUOTED, config.quotedWeight, config, out);
  for (const s of parts.structure) out.structure.push(hashString(s, NS_STRUCT));
}

const scratch = new Uint16Array(MAX_WORD + 2);

/** The character n-gram hashes of word `w` (none for subject words, ids and digit runs). */
export function charNgrams(buf: WordBuffer, w: number, config: FeatureConfig, out: number[]): number[] {
  out.length = 0;
  const len = buf.charLen[w]!;
  if (len === 0) return out;
  // fold the word again from its text ("<" letters ">"), as readWords hashed it
  const src = buf.texts[buf.part[w]!]!;
  let k = 0;
  scratch[k++] = 0x3c;
  for (let i = buf.start[w]!; i < buf.end[w]! && k < len - 1; i++) {
    const c = src.charCodeAt(i);
    if (kindOf(c) === LETTER && FOLD[c] !== 0) scratch[k++] = FOLD[c]!;
  }
  scratch[k++] = 0x3e;
  for (const g of config.charNgrams) {
    for (let a = 0; a + g <= k; a++) {
      let hc = (FNV_OFFSET ^ Math.imul(g, FNV_PRIME)) >>> 0;
      for (let j = a; j < a + g; j++) hc = Math.imul(hc ^ scratch[j]!, FNV_PRIME);
      out.push(mix(hc ^ NS_CHAR));
    }
  }
  return out;
}

/** How many character n-grams a word of `len` folded characters gives. */
export function ngramCount(len: number, config: FeatureConfig): number {
  let n = 0;
  for (const g of config.charNgrams) if (len >= g) n += len - g + 1;
  return n;
}

/**
 * The length by which text feature values are divided, so a long letter and a one-liner weigh
 * alike; structural features are not scaled. The same in training and inference.
 */
export function featureNorm(buf: WordBuffer, config: FeatureConfig): number {
  let sq = 0;
  const cw2 = config.charWeight * config.charWeight;
  const counts = ngramCounts(config);
  for (let w = 0; w < buf.count; w++) {
    const v2 = buf.value[w]! * buf.value[w]!;
    sq += v2 * (1 + (buf.pair[w] !== 0 ? 1 : 0) + cw2 * counts[buf.charLen[w]!]!);
  }
  return Math.sqrt(sq) || 1;
}

const COUNTS = new WeakMap<FeatureConfig, Uint16Array>();
function ngramCounts(config: FeatureConfig): Uint16Array {
  let t = COUNTS.get(config);
  if (!t) {
    t = new Uint16Array(MAX_WORD + 4);
    for (let len = 0; len < t.length; len++) t[len] = ngramCount(len, config);
    COUNTS.set(config, t);
  }
  return t;
}

/** Every feature of an email as (hash, value) pairs, values already scaled: what training reads. */
export function expandFeatures(buf: WordBuffer, config: FeatureConfig, emit: (hash: number, value: number) => void): void {
  const norm = featureNorm(buf, config);
  const grams: number[] = [];
  for (let w = 0; w < buf.count; w++) {
    const v = buf.value[w]! / norm;
    emit(buf.word[w]!, v);
    if (buf.pair[w] !== 0) emit(buf.pair[w]!, v);
    if (buf.charLen[w]! > 0) for (const g of charNgrams(buf, w, config, grams)) emit(g, v * config.charWeight);
  }
  for (const s of buf.structure) emit(s, 1);
}

/** The feature hash a word gets in the sender's own words (for word lists such as language cues). */
export function ownWordHash(word: string): number {
  const b = new WordBuffer();
  readWords(word, PART_OWN, 1, { ...DEFAULT_FEATURES, charNgrams: [], negation: false }, b);
  return b.count > 0 ? b.word[0]! : 0;
}

const NEGATOR_HASHES = new Set(NEGATORS.map((w) => ownWordHash(w)).concat(NEGATORS.map((w) => subjectWordHash(w))));

/**
 * A bit per hash (its low 16 bits) of a small set of hashes: a word whose bit is clear is not in the
 * set, so the hot loops ask the set itself only for the rare word whose bit is set.
 */
const BIT_MASK = (1 << 11) - 1;
function bitsOf(hashes: Iterable<number>): Uint32Array {
  const bits = new Uint32Array(BIT_MASK + 1);
  for (const h of hashes) bits[(h >>> 5) & BIT_MASK]! |= 1 << (h & 31);
  return bits;
}
const NEGATOR_BITS = bitsOf(NEGATOR_HASHES);

export function subjectWordHash(word: string): number {
  const b = new WordBuffer();
  readWords(word, PART_SUBJECT, 1, { ...DEFAULT_FEATURES, charNgrams: [], negation: false }, b);
  return b.count > 0 ? b.word[0]! : 0;
}

// ---- cross-language cues (concepts.ts): matched on the words as read, added as words of their own

interface ConceptTables {
  /** Folded word hash (own words' seed, subject words' seed) → concept. */
  readonly word: readonly Map<number, number>[];
  /** Word-pair hash → concept; three words and more: the hash of their last two pairs. */
  readonly pair: readonly Map<number, number>[];
  readonly triple: readonly Map<number, number>[];
  /** Terms in Han characters, matched inside a run of them. */
  readonly han: readonly (readonly [string, number])[];
  /** Each concept's feature hash. */
  readonly hash: Uint32Array;
  /** The word, pair and triple keys of either part, as bits (bitsOf): most words skip the maps. */
  readonly bits: Uint32Array;
}

let conceptTables: ConceptTables | undefined;

function isHan(c: number): boolean {
  return c >= 0x2e80 && c <= 0x9fff;
}

function tables(): ConceptTables {
  if (conceptTables) return conceptTables;
  const names = Object.keys(CONCEPTS);
  const hash = new Uint32Array(names.map((n) => hashString(`concept:${n}`, NS_CONCEPT)));
  const word = [new Map<number, number>(), new Map<number, number>()];
  const pair = [new Map<number, number>(), new Map<number, number>()];
  const triple = [new Map<number, number>(), new Map<number, number>()];
  const han: [string, number][] = [];
  const plain: FeatureConfig = { ...DEFAULT_FEATURES, charNgrams: [], negation: false, concepts: false };
  const negating: FeatureConfig = { ...plain, negation: true };
  const b = new WordBuffer();
  names.forEach((name, k) => {
    for (const term of CONCEPTS[name]!) {
      if (isHan(term.charCodeAt(0))) {
        han.push([term, k]);
        continue;
      }
      // read as an email is read, with negation off and on: a cue that holds a negator ("can't
      // breathe", "not approved") reads its next word negated when negation is on
      for (const config of [plain, negating])
        for (const [i, part] of [[0, PART_OWN], [1, PART_SUBJECT]] as const) {
          b.reset();
          readWords(term, part, 1, config, b);
          const n = b.count;
          if (n === 1) word[i]!.set(b.word[0]!, k);
          else if (n === 2) pair[i]!.set(b.pair[1]!, k);
          else if (n > 2) triple[i]!.set(mix(b.pair[n - 2]! ^ Math.imul(b.pair[n - 1]!, 0x2545f491)), k);
        }
    }
  });
  const bits = bitsOf([...word, ...pair, ...triple].flatMap((m) => [...m.keys()]));
  return (conceptTables = { word, pair, triple, han, hash, bits });
}

/** Adds a concept word for each cue among words `from`…end of `part`, standing where the cue stands. */
function addConcepts(out: WordBuffer, part: Part, from: number, weight: number): void {
  const t = tables();
  const i = part === PART_SUBJECT ? 1 : 0;
  const words = t.word[i]!;
  const pairs = t.pair[i]!;
  const triples = t.triple[i]!;
  const end = out.count;
  const text = out.texts[part]!;
  const bits = t.bits;
  const maybe = (h: number) => (bits[(h >>> 5) & BIT_MASK]! & (1 << (h & 31))) !== 0;
  for (let w = from; w < end; w++) {
    const wh = out.word[w]!;
    let k = maybe(wh) ? words.get(wh) : undefined;
    let start = out.start[w]!;
    if (k !== undefined) push(out, t.hash[k]!, part, weight, start, out.end[w]!);
    const ph = out.pair[w]!;
    if (w > from && ph !== 0) {
      k = maybe(ph) ? pairs.get(ph) : undefined;
      if (k !== undefined) push(out, t.hash[k]!, part, weight, out.start[w - 1]!, out.end[w]!);
      if (w > from + 1 && out.pair[w - 1] !== 0) {
        const th = mix(out.pair[w - 1]! ^ Math.imul(ph, 0x2545f491));
        k = maybe(th) ? triples.get(th) : undefined;
        if (k !== undefined) push(out, t.hash[k]!, part, weight, out.start[w - 2]!, out.end[w]!);
      }
    }
    if (t.han.length > 0 && isHan(text.charCodeAt(start))) {
      const run = text.slice(start, out.end[w]!);
      let seen = 0;
      for (const [term, c] of t.han) {
        const at = run.indexOf(term);
        if (at < 0 || (seen & (1 << (c & 31))) !== 0) continue;
        seen |= 1 << (c & 31);
        start = out.start[w]! + at;
        push(out, t.hash[c]!, part, weight, start, start + term.length);
      }
    }
  }
}

function push(out: WordBuffer, hash: number, part: Part, weight: number, start: number, end: number): void {
  out.capacity(1);
  const w = out.count++;
  out.word[w] = hash;
  out.pair[w] = 0;
  out.part[w] = part;
  out.value[w] = weight;
  out.start[w] = start;
  out.end[w] = end;
  out.charLen[w] = 0;
}
