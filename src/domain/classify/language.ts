/**
 * The main language of a text, as an ISO 639-1 code: scripts first (Arabic, Cyrillic, CJK, …),
 * then Vietnamese by its letters, then common function words for the Latin-script languages the
 * member populations write in. Short or mixed texts fall back to English.
 */

import { PART_SUBJECT, ownWordHash, subjectWordHash } from "./features";

const STOPWORDS: Readonly<Record<string, readonly string[]>> = {
  en: ["the", "and", "is", "to", "my", "i", "you", "for", "of", "a", "in", "it", "that", "this", "have", "with", "please", "not", "on", "be", "can", "was", "are", "what", "do", "me", "we", "your", "thank", "thanks", "hi", "hello", "would", "need"],
  es: ["el", "la", "de", "que", "y", "en", "los", "las", "por", "para", "con", "mi", "es", "una", "un", "se", "lo", "me", "su", "gracias", "hola", "tengo", "del", "al", "pero", "muy", "como", "esta", "ustedes", "quiero", "buenas", "necesito", "puedo", "hija", "hijo"],
  pt: ["o", "de", "que", "e", "do", "da", "em", "um", "para", "com", "nao", "uma", "os", "meu", "minha", "obrigado", "obrigada", "voce", "estou", "tenho"],
  fr: ["le", "la", "les", "de", "et", "je", "vous", "pour", "est", "pas", "une", "des", "mon", "avec", "merci", "bonjour", "ma", "mes", "suis", "jai"],
  so: ["waxaan", "iyo", "ka", "ku", "oo", "waa", "ah", "aan", "uu", "waxay", "mahadsanid", "fadlan", "caafimaad"],
  ht: ["mwen", "ou", "pou", "nan", "li", "yo", "ak", "pa", "sa", "mesi", "tanpri", "gen"],
};

const NON_ASCII = /[^\x00-\x7f]/;

const SCRIPTS: readonly (readonly [RegExp, string])[] = [
  [/\p{Script=Arabic}/gu, "ar"],
  [/\p{Script=Cyrillic}/gu, "ru"],
  [/\p{Script=Hangul}/gu, "ko"],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, "ja"],
  [/\p{Script=Han}/gu, "zh"],
  [/\p{Script=Ethiopic}/gu, "am"],
  [/\p{Script=Thai}/gu, "th"],
  [/\p{Script=Khmer}/gu, "km"],
  [/\p{Script=Lao}/gu, "lo"],
  [/\p{Script=Hebrew}/gu, "he"],
  [/\p{Script=Devanagari}/gu, "hi"],
  [/\p{Script=Armenian}/gu, "hy"],
  [/\p{Script=Greek}/gu, "el"],
];

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;

const LANGS = Object.keys(STOPWORDS);

const STOPWORD_LANG = new Map<string, number>();
LANGS.forEach((lang, i) => {
  for (const w of STOPWORDS[lang]!) STOPWORD_LANG.set(w, (STOPWORD_LANG.get(w) ?? 0) | (1 << i));
});
const WORDS = /[\p{L}']+/gu;
/** The function words by their hash, for the body's words and for the subject's (hashed apart). */
const BY_HASH: (Map<number, number> | undefined)[] = [];
function byHash(part: number): Map<number, number> {
  const subject = part === PART_SUBJECT;
  let table = BY_HASH[subject ? 1 : 0];
  if (!table) {
    table = new Map();
    for (const [w, bits] of STOPWORD_LANG) {
      const h = subject ? subjectWordHash(w) : ownWordHash(w);
      table.set(h, (table.get(h) ?? 0) | bits);
    }
    BY_HASH[subject ? 1 : 0] = table;
  }
  return table;
}

/** The words of the text as features.ts hashes them, to count function words without a second pass. */
export interface HashedWords {
  readonly count: number;
  readonly word: Uint32Array;
  readonly part: Uint8Array;
}

export interface LanguageGuess {
  readonly language: string;
}

/**
 * The main language of `text`: its first 1,200 characters decide the script; function words are
 * counted over its first 250 words within those characters, or, with `words` (the email's words
 * as read for the model, part `part`), from their hashes over that part's first 250 words wherever
 * they are (so a long list before the sender's sentence does not hide its language).
 */
export function detectLanguage(text: string, words?: HashedWords, part?: number): LanguageGuess {
  const sample = text.length > 1200 ? text.slice(0, 1200) : text;
  if (NON_ASCII.test(sample)) {
    let ascii = 0;
    let other = 0;
    for (let i = 0; i < sample.length; i++) {
      const c = sample.charCodeAt(i);
      if (c >= 128) other++;
      else if ((c | 32) >= 97 && (c | 32) <= 122) ascii++;
    }
    const letters = ascii + other;
    if (other / Math.max(1, letters) > 0.03) {
      for (const [re, lang] of SCRIPTS) {
        re.lastIndex = 0;
        const n = sample.match(re)?.length ?? 0;
        if (n / letters > 0.3) return { language: lang };
      }
      const vi = sample.match(VIETNAMESE)?.length ?? 0;
      if (vi / letters > 0.04) return { language: "vi" };
    }
  }
  const counts = new Float64Array(LANGS.length);
  const add = (bits: number) => {
    if (bits === 0) return;
    let n = 0;
    for (let b = bits; b; b &= b - 1) n++;
    for (let k = 0; k < LANGS.length; k++) if (bits & (1 << k)) counts[k]! += 1 / n;
  };
  if (words && part !== undefined) {
    const table = byHash(part);
    let seen = 0;
    for (let w = 0; w < words.count && seen < 250; w++) {
      if (words.part[w] !== part) continue;
      seen++;
      add(table.get(words.word[w]!) ?? 0);
    }
  } else {
    let seen = 0;
    for (const m of sample.matchAll(WORDS)) {
      if (++seen > 250) break;
      const lower = m[0].toLowerCase();
      const w = (NON_ASCII.test(lower) ? lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : lower).replace(/'/g, "");
      add(STOPWORD_LANG.get(w) ?? 0);
    }
  }
  let best = "en";
  let bestN = 0;
  for (let li = 0; li < LANGS.length; li++) {
    const n = counts[li]!;
    if (n > bestN) {
      best = LANGS[li]!;
      bestN = n;
    }
  }
  return { language: bestN < 2 ? "en" : best };
}
