/**
 * Phrase matching over a Lexicon's word ids. A phrase is words separated by spaces; a word may end
 * in `*` (any word that starts so), list alternatives with `|` (`run|ran|runs out`), and `...`
 * allows up to three other words in between. Phrases are indexed by their first word (and most by
 * their second), so matching costs a few array reads per word of the email, however large the
 * vocabulary grows.
 */
import { Boundary, type Lexicon, type Tokens } from "./lexicon";
import { normalize } from "./text";

interface WordStep {
  readonly kind: "word";
  readonly exact: readonly number[];
  readonly prefixes: readonly number[];
}
type Step = WordStep | { readonly kind: "gap"; readonly max: number };

export interface PhraseSpec<T> {
  readonly phrase: string;
  readonly payload: T;
}

interface Compiled<T> {
  readonly steps: readonly Step[];
  readonly spec: PhraseSpec<T>;
  /** The findAll run in which this phrase last matched (each phrase counts once per text). */
  seen: number;
}

export interface Hit<T> {
  readonly spec: PhraseSpec<T>;
  /** index of the first and one past the last word */
  readonly start: number;
  readonly end: number;
}

export const NEGATORS: readonly string[] = [
  "not", "no", "never", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wont", "cant",
  "cannot", "without", "nor", "neither", "nunca", "sin", "ni", "tampoco", "khong", "chua", "chang",
];

export class PhraseError extends Error {
  override name = "PhraseError";
}

/** The words of a phrase: alternatives per step, each "word" or "prefix*", folded. */
function parsePhrase(phrase: string): ({ gap: number } | { alts: { text: string; prefix: boolean }[] })[] {
  const out: ({ gap: number } | { alts: { text: string; prefix: boolean }[] })[] = [];
  const split = phrase.trim().replace(/(\p{L})[-/](\p{L})/gu, "$1 $2");
  for (const raw of split.split(/\s+/)) {
    if (raw === "..." || raw === "…") {
      if (out.length === 0) throw new PhraseError(`phrase "${phrase}" cannot start with ...`);
      out.push({ gap: 3 });
      continue;
    }
    const alts = raw.split("|").map((a) => {
      const prefix = a.endsWith("*");
      const text = normalize(prefix ? a.slice(0, -1) : a).replace(/\s+/g, "");
      if (text === "") throw new PhraseError(`phrase "${phrase}" has an empty word`);
      return { text, prefix };
    });
    out.push({ alts });
  }
  if (out.length === 0) throw new PhraseError("empty phrase");
  return out;
}

/** True when token k is one of the step's words or starts with one of its prefixes. */
function stepMatches(step: WordStep, tokens: Tokens, k: number, prefixUp: Int32Array): boolean {
  const id = tokens.ids[k]!;
  if (id >= 0) for (let a = 0; a < step.exact.length; a++) if (step.exact[a] === id) return true;
  if (step.prefixes.length) {
    for (let p = tokens.prefix[k]!; p >= 0; p = prefixUp[p]!) {
      for (let a = 0; a < step.prefixes.length; a++) if (step.prefixes[a] === p) return true;
    }
  }
  return false;
}

export class PhraseMatcher<T> {
  private readonly byFirst: (Compiled<T>[] | undefined)[] = [];
  private readonly byFirstSecond = new Map<number, Compiled<T>[]>();
  private readonly firstHasSecond: Uint8Array;
  /** hasFirst[key] = 1 when some phrase starts with that word (key 2·id) or prefix (2·id + 1). */
  private readonly hasFirst: Uint8Array;
  private run = 0;

  /** Compiles the phrases, adding their words to the lexicon. */
  constructor(
    private readonly lexicon: Lexicon,
    specs: readonly PhraseSpec<T>[],
  ) {
    const compiled: { c: Compiled<T>; firstIds: number[]; secondIds: number[] | null }[] = [];
    for (const spec of specs) {
      const steps: Step[] = parsePhrase(spec.phrase).map((p) =>
        "gap" in p
          ? { kind: "gap", max: p.gap }
          : {
              kind: "word",
              exact: p.alts.filter((a) => !a.prefix).map((a) => lexicon.add(a.text)),
              prefixes: p.alts.filter((a) => a.prefix).map((a) => lexicon.addPrefix(a.text)),
            },
      );
      const first = steps[0] as WordStep;
      const second = steps[1];
      const c: Compiled<T> = { steps, spec, seen: 0 };
      const secondIds = second && second.kind === "word" && second.prefixes.length === 0 ? [...second.exact] : null;
      // first-word keys: an exact word id k is 2k, a prefix id k is 2k + 1
      compiled.push({ c, firstIds: [...first.exact.map((e) => e * 2), ...first.prefixes.map((p) => p * 2 + 1)], secondIds });
    }
    let maxId = 0;
    for (const { firstIds } of compiled) for (const id of firstIds) maxId = Math.max(maxId, id);
    this.firstHasSecond = new Uint8Array(maxId + 1);
    this.hasFirst = new Uint8Array(maxId + 1);
    for (const { c, firstIds, secondIds } of compiled) {
      for (const f of firstIds) {
        this.hasFirst[f] = 1;
        if (secondIds) {
          this.firstHasSecond[f] = 1;
          for (const s of secondIds) {
            const key = f * 0x100000 + s;
            const list = this.byFirstSecond.get(key) ?? [];
            list.push(c);
            this.byFirstSecond.set(key, list);
          }
        } else {
          (this.byFirst[f] ??= []).push(c);
        }
      }
    }
  }

  private matchFrom(c: Compiled<T>, tokens: Tokens, start: number, prefixUp: Int32Array): number {
    const steps = c.steps;
    let i = start + 1;
    let gap = 0;
    for (let s = 1; s < steps.length; s++) {
      const step = steps[s]!;
      if (step.kind === "gap") {
        gap = step.max;
        continue;
      }
      let matched = false;
      for (let skip = 0; skip <= gap && i + skip < tokens.count; skip++) {
        if (tokens.boundaryBefore[i + skip] === Boundary.Sentence) break;
        if (stepMatches(step, tokens, i + skip, prefixUp)) {
          i = i + skip + 1;
          matched = true;
          break;
        }
      }
      if (!matched) return -1;
      gap = 0;
    }
    return i;
  }

  private tryAll(list: readonly Compiled<T>[], tokens: Tokens, k: number, run: number, prefixUp: Int32Array, hits: Hit<T>[]): void {
    for (let x = 0; x < list.length; x++) {
      const c = list[x]!;
      if (c.seen === run) continue;
      const end = c.steps.length === 1 ? k + 1 : this.matchFrom(c, tokens, k, prefixUp);
      if (end > 0) {
        c.seen = run;
        hits.push({ spec: c.spec, start: k, end });
      }
    }
  }

  private tryFirst(first: number, tokens: Tokens, k: number, run: number, prefixUp: Int32Array, hits: Hit<T>[]): void {
    const list = this.byFirst[first];
    if (list) this.tryAll(list, tokens, k, run, prefixUp, hits);
    if (first < this.firstHasSecond.length && this.firstHasSecond[first] === 1 && k + 1 < tokens.count && tokens.boundaryBefore[k + 1] !== Boundary.Sentence) {
      const second = tokens.ids[k + 1]!;
      if (second >= 0) {
        const l2 = this.byFirstSecond.get(first * 0x100000 + second);
        if (l2) this.tryAll(l2, tokens, k, run, prefixUp, hits);
      }
    }
  }

  /** Every phrase's first occurrence in the text. */
  findAll(tokens: Tokens): Hit<T>[] {
    const hits: Hit<T>[] = [];
    const run = ++this.run;
    const prefixUp = this.lexicon.prefixUp;
    const { ids, prefix } = tokens;
    const hasFirst = this.hasFirst;
    const limit = hasFirst.length;
    for (let k = 0; k < tokens.count; k++) {
      const id = ids[k]!;
      if (id >= 0 && id * 2 < limit && hasFirst[id * 2] === 1) this.tryFirst(id * 2, tokens, k, run, prefixUp, hits);
      for (let p = prefix[k]!; p >= 0; p = prefixUp[p]!) {
        if (p * 2 + 1 < limit && hasFirst[p * 2 + 1] === 1) this.tryFirst(p * 2 + 1, tokens, k, run, prefixUp, hits);
      }
    }
    return hits;
  }
}

/** True when a word tagged `negatorBit` stands within `window` words before `start` in the same clause. */
export function isNegated(tokens: Tokens, lexicon: Lexicon, negatorBit: number, start: number, window = 5): boolean {
  if (tokens.boundaryBefore[start] !== Boundary.None) return false;
  for (let i = start - 1, n = 0; i >= 0 && n < window; i--, n++) {
    if ((lexicon.tags(tokens.ids[i]!) & negatorBit) !== 0) return true;
    if (tokens.boundaryBefore[i] !== Boundary.None) return false;
  }
  return false;
}

/** The sentence around a hit: its word range, and whether it ends with a question mark. */
export function sentenceAround(tokens: Tokens, start: number, end: number): { a: number; b: number; question: boolean } {
  let a = start;
  while (a > 0 && tokens.boundaryBefore[a] !== Boundary.Sentence) a--;
  let b = end;
  while (b < tokens.count && tokens.boundaryBefore[b] !== Boundary.Sentence) b++;
  return { a, b, question: tokens.question[b] === 1 };
}
