/**
 * The main language of a text, as an ISO 639-1 code: scripts first (Arabic, Cyrillic, CJK, …),
 * then Vietnamese by its letters, then common function words for the Latin-script languages the
 * member populations write in. Short or mixed texts fall back to English.
 */

const STOPWORDS: Readonly<Record<string, readonly string[]>> = {
  en: ["the", "and", "is", "to", "my", "i", "you", "for", "of", "a", "in", "it", "that", "this", "have", "with", "please", "not", "on", "be", "can", "was", "are", "what", "do", "me", "we", "your", "thank", "thanks", "hi", "hello", "would", "need"],
  es: ["el", "la", "de", "que", "y", "en", "los", "las", "por", "para", "con", "mi", "es", "una", "un", "se", "lo", "me", "su", "gracias", "hola", "tengo", "del", "al", "pero", "muy", "como", "esta", "ustedes", "quiero", "buenas", "necesito", "puedo", "hija", "hijo"],
  pt: ["o", "de", "que", "e", "do", "da", "em", "um", "para", "com", "nao", "uma", "os", "meu", "minha", "obrigado", "obrigada", "voce", "estou", "tenho"],
  fr: ["le", "la", "les", "de", "et", "je", "vous", "pour", "est", "pas", "une", "des", "mon", "avec", "merci", "bonjour", "ma", "mes", "suis", "jai"],
  so: ["waxaan", "iyo", "ka", "ku", "oo", "waa", "ah", "aan", "uu", "waxay", "mahadsanid", "fadlan", "caafimaad"],
  ht: ["mwen", "ou", "pou", "nan", "li", "yo", "ak", "pa", "sa", "mesi", "tanpri", "gen"],
};

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

const STOP_INDEX: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const [lang, words] of Object.entries(STOPWORDS)) {
    for (const w of words) m.set(w, [...(m.get(w) ?? []), lang]);
  }
  return m;
})();

export interface LanguageGuess {
  readonly language: string;
  /** 0..1: how clearly the text is in that language. */
  readonly confidence: number;
}

/** `text` is the original; `words` the normalised words of the same text. */
export function detectLanguage(text: string, words: readonly string[]): LanguageGuess {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const letters = sample.replace(/[^\p{L}]/gu, "").length;
  if (letters === 0) return { language: "en", confidence: 0.2 };
  for (const [re, lang] of SCRIPTS) {
    const n = sample.match(re)?.length ?? 0;
    if (n / letters > 0.3) return { language: lang, confidence: Math.min(0.99, n / letters + 0.3) };
  }
  const vi = sample.match(VIETNAMESE)?.length ?? 0;
  if (vi / letters > 0.04) return { language: "vi", confidence: Math.min(0.99, 0.5 + (vi / letters) * 3) };
  const counts = new Map<string, number>();
  const limit = Math.min(words.length, 4000);
  for (let i = 0; i < limit; i++) {
    const langs = STOP_INDEX.get(words[i]!);
    if (langs) for (const l of langs) counts.set(l, (counts.get(l) ?? 0) + 1 / langs.length);
  }
  let best = "en";
  let bestN = 0;
  let total = 0;
  for (const [l, n] of counts) {
    total += n;
    if (n > bestN) {
      best = l;
      bestN = n;
    }
  }
  if (bestN < 2) return { language: "en", confidence: 0.3 };
  return { language: best, confidence: Math.min(0.99, bestN / total) };
}
