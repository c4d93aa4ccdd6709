/**
 * The main language of a text, as an ISO 639-1 code: scripts first (Arabic, Cyrillic, CJK, …),
 * then Vietnamese by its letters, then common function words for the Latin-script languages the
 * member populations write in. Short or mixed texts fall back to English.
 */
import type { Lexicon, Tokens } from "./lexicon";

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

/** Tag bits for the lexicon: bit `first + i` marks a function word of LANGS[i]. */
export function tagLanguageWords(lexicon: Lexicon, firstBit: number): void {
  LANGS.forEach((lang, i) => {
    for (const w of STOPWORDS[lang]!) lexicon.tag(w, 1 << (firstBit + i));
  });
}

export interface LanguageGuess {
  readonly language: string;
  /** 0..1: how clearly the text is in that language. */
  readonly confidence: number;
}

/** `text` is the original; `tokens` its words read through a lexicon tagged by tagLanguageWords. */
export function detectLanguage(text: string, tokens: Tokens, lexicon: Lexicon, firstBit: number): LanguageGuess {
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
        if (n / letters > 0.3) return { language: lang, confidence: Math.min(0.99, n / letters + 0.3) };
      }
      const vi = sample.match(VIETNAMESE)?.length ?? 0;
      if (vi / letters > 0.04) return { language: "vi", confidence: Math.min(0.99, 0.5 + (vi / letters) * 3) };
    }
  }
  const counts = new Float64Array(LANGS.length);
  const limit = Math.min(tokens.count, 250);
  const mask = ((1 << LANGS.length) - 1) << firstBit;
  for (let i = 0; i < limit; i++) {
    const bits = (lexicon.tags(tokens.ids[i]!) & mask) >>> firstBit;
    if (bits === 0) continue;
    let n = 0;
    for (let b = bits; b; b &= b - 1) n++;
    for (let k = 0; k < LANGS.length; k++) if (bits & (1 << k)) counts[k]! += 1 / n;
  }
  let best = "en";
  let bestN = 0;
  let total = 0;
  for (let li = 0; li < LANGS.length; li++) {
    const n = counts[li]!;
    total += n;
    if (n > bestN) {
      best = LANGS[li]!;
      bestN = n;
    }
  }
  if (bestN < 2) return { language: "en", confidence: 0.3 };
  return { language: best, confidence: Math.min(0.99, bestN / total) };
}
