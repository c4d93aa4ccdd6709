/**
 * Phrase matching over word tokens. A phrase is words separated by spaces; a word may end in `*`
 * (any word that starts so), list alternatives with `|` (`run|ran|runs out`), and `...` allows up
 * to three other words in between. Phrases are indexed by their first word, so matching costs a
 * couple of map look-ups per word of the email however large the vocabulary grows.
 */
import { Boundary, normalize, type Tokens } from "./text";

interface Alternative {
  readonly text: string;
  readonly prefix: boolean;
}

type Step = { readonly kind: "word"; readonly alts: readonly Alternative[] } | { readonly kind: "gap"; readonly max: number };

export interface PhraseSpec<T> {
  readonly phrase: string;
  readonly payload: T;
}

interface Compiled<T> {
  readonly steps: readonly Step[];
  readonly first: readonly Alternative[];
  readonly spec: PhraseSpec<T>;
}

export interface Hit<T> {
  readonly spec: PhraseSpec<T>;
  /** index of the first and one past the last word */
  readonly start: number;
  readonly end: number;
}

const NEGATORS = new Set([
  "not", "no", "never", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wont", "cant",
  "cannot", "without", "nor", "neither", "nunca", "sin", "ni", "tampoco", "khong", "chua", "chang",
]);

export class PhraseError extends Error {
  override name = "PhraseError";
}

function compileSteps(phrase: string): Step[] {
  const steps: Step[] = [];
  for (const raw of phrase.trim().split(/\s+/)) {
    if (raw === "..." || raw === "…") {
      if (steps.length === 0) throw new PhraseError(`phrase "${phrase}" cannot start with ...`);
      steps.push({ kind: "gap", max: 3 });
      continue;
    }
    const alts = raw.split("|").map((a): Alternative => {
      const prefix = a.endsWith("*");
      const text = normalize(prefix ? a.slice(0, -1) : a).replace(/\s+/g, "");
      if (text === "") throw new PhraseError(`phrase "${phrase}" has an empty word`);
      return { text, prefix };
    });
    steps.push({ kind: "word", alts });
  }
  if (steps.length === 0) throw new PhraseError("empty phrase");
  return steps;
}

function splitHyphens(phrase: string): string {
  // "in-network" and "re-send" are two words in the token stream
  return phrase.replace(/(\p{L})[-/](\p{L})/gu, "$1 $2");
}

function altMatches(alt: Alternative, word: string): boolean {
  return alt.prefix ? word.startsWith(alt.text) : word === alt.text;
}

export class PhraseMatcher<T> {
  private readonly exact = new Map<string, Compiled<T>[]>();
  private readonly byPrefix = new Map<string, Compiled<T>[]>();
  private readonly shortPrefix: Compiled<T>[] = [];

  constructor(specs: readonly PhraseSpec<T>[]) {
    for (const spec of specs) {
      const steps = compileSteps(splitHyphens(spec.phrase));
      const head = steps[0]!;
      if (head.kind !== "word") continue;
      const compiled: Compiled<T> = { steps, first: head.alts, spec };
      for (const alt of head.alts) {
        if (!alt.prefix) {
          const list = this.exact.get(alt.text) ?? [];
          list.push(compiled);
          this.exact.set(alt.text, list);
        } else if (alt.text.length >= 3) {
          const key = alt.text.slice(0, 3);
          const list = this.byPrefix.get(key) ?? [];
          list.push(compiled);
          this.byPrefix.set(key, list);
        } else {
          this.shortPrefix.push(compiled);
        }
      }
    }
  }

  private matchFrom(c: Compiled<T>, tokens: Tokens, start: number): number {
    const { words } = tokens;
    let i = start;
    let gap = 0;
    for (let s = 0; s < c.steps.length; s++) {
      const step = c.steps[s]!;
      if (step.kind === "gap") {
        gap = step.max;
        continue;
      }
      let matched = false;
      for (let skip = 0; skip <= gap && i + skip < words.length; skip++) {
        const w = words[i + skip]!;
        if (s > 0 && skip === 0 && tokens.boundaryBefore[i + skip] === Boundary.Sentence) break;
        if (step.alts.some((a) => altMatches(a, w))) {
          i = i + skip + 1;
          matched = true;
          break;
        }
        if (skip > 0 && tokens.boundaryBefore[i + skip] === Boundary.Sentence) break;
      }
      if (!matched) return -1;
      gap = 0;
    }
    return i;
  }

  /** Every phrase occurrence; each phrase reported at most `perPhrase` times. */
  findAll(tokens: Tokens, perPhrase = 1): Hit<T>[] {
    const hits: Hit<T>[] = [];
    const counts = new Map<PhraseSpec<T>, number>();
    const { words } = tokens;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const candidates: Compiled<T>[] = [];
      const ex = this.exact.get(w);
      if (ex) candidates.push(...ex);
      if (w.length >= 3) {
        const pre = this.byPrefix.get(w.slice(0, 3));
        if (pre) for (const c of pre) if (c.first.some((a) => altMatches(a, w))) candidates.push(c);
      }
      for (const c of this.shortPrefix) if (c.first.some((a) => altMatches(a, w))) candidates.push(c);
      for (const c of candidates) {
        const n = counts.get(c.spec) ?? 0;
        if (n >= perPhrase) continue;
        const end = this.matchFrom(c, tokens, i);
        if (end > 0) {
          counts.set(c.spec, n + 1);
          hits.push({ spec: c.spec, start: i, end });
        }
      }
    }
    return hits;
  }
}

/** True when a negating word stands within `window` words before `start` in the same clause. */
export function isNegated(tokens: Tokens, start: number, window = 5): boolean {
  for (let i = start - 1, n = 0; i >= 0 && n < window; i--, n++) {
    if (tokens.boundaryBefore[i + 1] !== Boundary.None && i + 1 !== start) return false;
    if (i + 1 === start && tokens.boundaryBefore[start] !== Boundary.None) return false;
    if (NEGATORS.has(tokens.words[i]!)) return true;
  }
  return false;
}

/** The sentence around a hit: its words, and whether it ends with a question mark. */
export function sentenceAround(tokens: Tokens, start: number, end: number): { words: string[]; question: boolean } {
  let a = start;
  while (a > 0 && tokens.boundaryBefore[a] !== Boundary.Sentence) a--;
  let b = end;
  while (b < tokens.words.length && tokens.boundaryBefore[b] !== Boundary.Sentence) b++;
  return { words: tokens.words.slice(a, b), question: tokens.questionEnds.has(b) };
}
