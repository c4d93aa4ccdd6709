/**
 * The words the classifier knows, in a trie over characters. Tokenising walks the trie and records,
 * for each word of the email, a number: the id of the known word it is (or -1), and the deepest
 * known prefix it starts with (or -1). No string is made per word, which is what keeps the
 * classifier above 10,000 five-kilobyte emails a second on one core. Words can carry tag bits
 * (negator, "please"-like, function word of a language) for the checks that need them.
 */
import { foldText } from "./text";

const ALPHABET = 36; // a–z, 0–9; other characters go through a map
/** Letters that fold to ASCII (accented Latin, Vietnamese): only a text with these needs folding. */
const NEEDS_FOLD = /[\u00c0-\u024f\u1e00-\u1eff]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

export const enum Boundary {
  None = 0,
  Clause = 1,
  Sentence = 2,
}

export interface Tokens {
  readonly count: number;
  /** Known-word id of each word, -1 for a word the lexicon does not know. */
  readonly ids: Int32Array;
  /** The deepest known prefix each word starts with, -1 for none. */
  readonly prefix: Int32Array;
  /** boundaryBefore[k]: the strongest break between word k-1 and word k (k = count: after the last). */
  readonly boundaryBefore: Uint8Array;
  /** question[k] = 1 when a "?" stands right before word k (k = count: at the end). */
  readonly question: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** The (folded) text the words came from. */
  readonly source: string;
}

/** ASCII code → trie slot (a–z 0–25, A–Z folded, 0–9 26–35), -1 for anything else. */
const SLOT = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let c = 97; c <= 122; c++) t[c] = c - 97;
  for (let c = 65; c <= 90; c++) t[c] = c - 65;
  for (let c = 48; c <= 57; c++) t[c] = c - 22;
  return t;
})();

function slotOf(code: number): number {
  return code < 128 ? SLOT[code]! : -1;
}

function isWordChar(code: number, text: string, i: number): boolean {
  if (code < 128) return slotOf(code) >= 0;
  return WORD_CHAR.test(text[i]!);
}

export class Lexicon {
  private next = new Int32Array(ALPHABET * 256).fill(-1);
  private readonly other = new Map<number, number>();
  private terminalFlag = new Uint8Array(256);
  private prefixFlag = new Uint8Array(256);
  private parent = new Int32Array(256).fill(-1);
  private tagBits = new Uint32Array(256);
  private prefixUpCache: Int32Array | null = null;
  // an arena for the arrays of Tokens: reset by the caller when the previous Tokens are done with
  private arenaInts = new Int32Array(1 << 16);
  private arenaBytes = new Uint8Array(1 << 15);
  private intsUsed = 0;
  private bytesUsed = 0;
  private deepestCache: Int32Array | null = null;
  private size = 1;

  private ensure(n: number): void {
    if (n <= this.terminalFlag.length) return;
    let cap = this.terminalFlag.length;
    while (cap < n) cap *= 2;
    const grow = <A extends Int32Array | Uint8Array | Uint32Array>(a: A, fill: number): A => {
      const b = new (a.constructor as new (n: number) => A)(cap);
      if (fill) b.fill(fill);
      b.set(a);
      return b;
    };
    const next = new Int32Array(cap * ALPHABET).fill(-1);
    next.set(this.next);
    this.next = next;
    this.terminalFlag = grow(this.terminalFlag, 0);
    this.prefixFlag = grow(this.prefixFlag, 0);
    this.parent = grow(this.parent, -1);
    this.tagBits = grow(this.tagBits, 0);
  }

  private child(node: number, code: number): number {
    const s = slotOf(code);
    if (s >= 0) return this.next[node * ALPHABET + s]!;
    return this.other.get(node * 0x110000 + code) ?? -1;
  }

  private path(word: string): number {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      let c = this.child(node, code);
      if (c < 0) {
        c = this.size++;
        this.ensure(this.size);
        this.parent[c] = node;
        const s = slotOf(code);
        if (s >= 0) this.next[node * ALPHABET + s] = c;
        else this.other.set(node * 0x110000 + code, c);
        this.prefixUpCache = null;
        this.deepestCache = null;
      }
      node = c;
    }
    return node;
  }

  /** Adds a word (already folded: lower case, no accents) and returns its id. */
  add(word: string): number {
    const id = this.path(word);
    this.terminalFlag[id] = 1;
    return id;
  }

  /** Adds a prefix ("reconsider" for reconsider*) and returns its id. */
  addPrefix(prefix: string): number {
    const id = this.path(prefix);
    this.prefixFlag[id] = 1;
    this.prefixUpCache = null;
    this.deepestCache = null;
    return id;
  }

  /** Sets tag bits on a word (adding it if needed). */
  tag(word: string, bits: number): void {
    this.tagBits[this.add(word)]! |= bits;
  }

  tags(id: number): number {
    return id >= 0 ? this.tagBits[id]! : 0;
  }

  /** The id of a known word, -1 if unknown. */
  idOf(word: string): number {
    let node = 0;
    for (let i = 0; i < word.length && node >= 0; i++) node = this.child(node, word.charCodeAt(i));
    return node >= 0 && this.terminalFlag[node] === 1 ? node : -1;
  }

  /** For each prefix node, the nearest prefix node above it (-1 for none). */
  get prefixUp(): Int32Array {
    if (this.prefixUpCache) return this.prefixUpCache;
    const up = new Int32Array(this.size).fill(-1);
    for (let n = 1; n < this.size; n++) {
      let p = this.parent[n]!;
      while (p > 0 && this.prefixFlag[p] !== 1) p = this.parent[p]!;
      up[n] = p > 0 ? p : -1;
    }
    this.prefixUpCache = up;
    return up;
  }

  /** For each node, the deepest prefix node on the path to it, itself included (-1 for none). */
  private get deepestPrefix(): Int32Array {
    if (this.deepestCache && this.prefixUpCache) return this.deepestCache;
    const up = this.prefixUp;
    const d = new Int32Array(this.size);
    for (let n = 0; n < this.size; n++) d[n] = this.prefixFlag[n] === 1 ? n : up[n]!;
    d[0] = -1;
    this.deepestCache = d;
    return d;
  }

  /**
   * Lets the next tokenize calls reuse the memory of earlier ones. Call it only when no Tokens from
   * before are still in use (the classifier calls it at the start of each email).
   */
  resetArena(): void {
    this.intsUsed = 0;
    this.bytesUsed = 0;
  }

  private takeInts(n: number): Int32Array {
    if (this.intsUsed + n > this.arenaInts.length) {
      // too big for what is left: a fresh block, and a bigger arena for next time
      if (n * 2 > this.arenaInts.length) this.arenaInts = new Int32Array(Math.max(this.arenaInts.length * 2, n * 2));
      return new Int32Array(n);
    }
    const a = this.arenaInts.subarray(this.intsUsed, this.intsUsed + n);
    this.intsUsed += n;
    return a;
  }

  private takeBytes(n: number): Uint8Array {
    if (this.bytesUsed + n > this.arenaBytes.length) {
      if (n * 2 > this.arenaBytes.length) this.arenaBytes = new Uint8Array(Math.max(this.arenaBytes.length * 2, n * 2));
      return new Uint8Array(n);
    }
    const a = this.arenaBytes.subarray(this.bytesUsed, this.bytesUsed + n);
    this.bytesUsed += n;
    a.fill(0);
    return a;
  }

  /** The words of `tokens` from `start` to `end` (exclusive), as they stand in the text. */
  text(tokens: Tokens, start: number, end: number): string {
    return tokens.source.slice(tokens.starts[start]!, tokens.ends[end - 1]!);
  }

  /**
   * Words of a text with the breaks between them. ASCII capitals fold as they are read; a text
   * with other letters is folded first (accents off). Apostrophes inside a word are skipped
   * ("don't" reads as "dont").
   */
  tokenize(raw: string): Tokens {
    const text = NEEDS_FOLD.test(raw) ? foldText(raw) : raw;
    const n = text.length;
    const cap = (n >> 1) + 2;
    // two allocations per text: typed-array allocation, not the scan, is what a short email costs
    const ints = this.takeInts(cap * 4);
    const bytes = this.takeBytes(cap * 2);
    const ids = ints.subarray(0, cap);
    const prefix = ints.subarray(cap, 2 * cap);
    const starts = ints.subarray(2 * cap, 3 * cap);
    const ends = ints.subarray(3 * cap, 4 * cap);
    const boundaryBefore = bytes.subarray(0, cap);
    const question = bytes.subarray(cap, 2 * cap);
    const next = this.next;
    const terminalFlag = this.terminalFlag;
    const deepest = this.deepestPrefix;
    let count = 0;
    let pending: number = Boundary.Sentence;
    let i = 0;
    while (i < n) {
      let code = text.charCodeAt(i);
      let s = slotOf(code);
      if (s >= 0 || (code >= 128 && WORD_CHAR.test(text[i]!))) {
        const start = i;
        let node = 0;
        let last = 0; // the deepest trie node reached: its deepest prefix is the word's
        let j = i;
        while (j < n) {
          if (s >= 0) {
            if (node >= 0) {
              node = next[node * ALPHABET + s]!;
              if (node >= 0) last = node;
            } else {
              // an unknown word: run to its end without the trie
              j++;
              while (j < n) {
                code = text.charCodeAt(j);
                if (code < 128 && SLOT[code]! >= 0) j++;
                else break;
              }
              s = j < n && code < 128 ? SLOT[code]! : -1;
              if (j >= n) break;
              continue;
            }
          } else if (code >= 128 && WORD_CHAR.test(text[j]!)) {
            if (node >= 0) {
              node = this.other.get(node * 0x110000 + code) ?? -1;
              if (node >= 0) last = node;
            }
          } else if (!((code === 39 || code === 96 || code === 0x2019) && j + 1 < n && isWordChar(text.charCodeAt(j + 1), text, j + 1))) {
            break;
          }
          j++;
          if (j < n) {
            code = text.charCodeAt(j);
            s = code < 128 ? SLOT[code]! : -1;
          }
        }
        ids[count] = node >= 0 && terminalFlag[node] === 1 ? node : -1;
        prefix[count] = deepest[last]!;
        boundaryBefore[count] = pending;
        starts[count] = start;
        ends[count] = j;
        count++;
        pending = Boundary.None;
        i = j;
        continue;
      }
      if (code === 44) {
        if (pending < Boundary.Clause) pending = Boundary.Clause;
      } else if (code === 46 || code === 33 || code === 63 || code === 59 || code === 10) {
        if (code === 63) question[count] = 1;
        pending = Boundary.Sentence;
      }
      i++;
    }
    boundaryBefore[count] = Boundary.Sentence;
    return {
      count,
      ids: ids.subarray(0, count),
      prefix: prefix.subarray(0, count),
      boundaryBefore: boundaryBefore.subarray(0, count + 1),
      question: question.subarray(0, count + 1),
      starts: starts.subarray(0, count),
      ends: ends.subarray(0, count),
      source: text,
    };
  }
}
