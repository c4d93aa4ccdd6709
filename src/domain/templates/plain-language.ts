/**
 * The plain-language check NCQA's email audit asks for: no medical jargon, no unexplained
 * abbreviations or acronyms, no procedure or diagnosis codes, and a reading grade of 8 or below.
 * Each finding comes with a plainer word where there is one. Placeholders ({memberName}) are not
 * read. Linear in the text: a 5 KB reply takes well under a millisecond.
 */

export type FindingKind = "jargon" | "acronym" | "code" | "grade";

export interface Finding {
  readonly kind: FindingKind;
  readonly text: string;
  readonly suggestion: string;
}

export interface PlainLanguageResult {
  readonly passes: boolean;
  /** Flesch-Kincaid grade level; null for a text too short to judge. */
  readonly grade: number | null;
  readonly findings: readonly Finding[];
}

/** Jargon → plainer words. A deployment can add its own. */
export const DEFAULT_JARGON: Readonly<Record<string, string>> = {
  "prior authorization": "approval before you get the service",
  "preauthorization": "approval before you get the service",
  "utilization management": "our review team",
  "utilization review": "our review",
  "medically necessary": "needed for your health",
  "medical necessity": "whether it is needed for your health",
  "formulary": "list of covered drugs",
  "adjudicated": "processed",
  "adjudication": "processing",
  "coordination of benefits": "how your other insurance pays first",
  "durable medical equipment": "medical equipment for use at home",
  "out-of-network": "not in our network of doctors",
  "in-network": "in our network of doctors",
  "prognosis": "what is likely to happen",
  "hypertension": "high blood pressure",
  "myocardial infarction": "heart attack",
  "cerebrovascular accident": "stroke",
  "benign": "not cancer",
  "acute": "sudden or severe",
  "chronic": "long-lasting",
  "contraindicated": "not safe to use with",
  "etiology": "cause",
  "outpatient": "without staying overnight",
  "inpatient": "staying in the hospital",
  "remittance": "payment",
  "recoupment": "taking back a payment",
  "capitation": "a set monthly payment",
  "grievance": "complaint",
  "denial of service": "decision not to cover the service",
};

/** Acronyms a member reads without help. */
const KNOWN = new Set(["ID", "US", "OK", "AM", "PM", "TTY", "PDF", "ZIP", "USA", "ASL"]);
const ACRONYM_PLAIN: Readonly<Record<string, string>> = {
  EOB: "Explanation of Benefits (a statement of what the plan paid)",
  PCP: "primary care provider (your main doctor)",
  PA: "approval before you get the service",
  UM: "our review team",
  DME: "medical equipment for use at home",
  COB: "other insurance",
  MCO: "health plan",
  ER: "emergency room",
  ED: "emergency room",
  SNF: "nursing facility",
  OTC: "over-the-counter",
  HMO: "health plan",
};

const CODE_PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/\b(?:CPT|HCPCS|procedure|code)\s*(?:code)?\s*#?:?\s*(\d{4}[0-9FTU])\b/gi, "procedure code"],
  [/\b([A-V]\d{4})\b/g, "HCPCS code"],
  [/\b([A-TV-Z]\d{2}\.\d{1,4}[A-Z]?)\b/g, "diagnosis code"],
  [/\b(?:ICD(?:-10)?|diagnosis|dx)\s*(?:code)?\s*#?:?\s*([A-TV-Z]\d{2}(?:\.\d{1,4})?)\b/gi, "diagnosis code"],
];

function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (w.length <= 3) return 1;
  const groups = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, "").replace(/^y/, "").match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups?.length ?? 1);
}

/** Flesch-Kincaid grade of an English text, or null under 30 words. */
export function readingGrade(text: string): number | null {
  const words = text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
  if (words.length < 30) return null;
  const sentences = Math.max(1, (text.match(/[.!?]+(?:\s|$)/g) ?? []).length);
  const syl = words.reduce((n, w) => n + syllables(w), 0);
  return Math.round((0.39 * (words.length / sentences) + 11.8 * (syl / words.length) - 15.59) * 10) / 10;
}

export function checkPlainLanguage(
  input: string,
  options: { readonly jargon?: Readonly<Record<string, string>>; readonly maxGrade?: number; readonly language?: string } = {},
): PlainLanguageResult {
  const text = input.replace(/\{[A-Za-z][\w.]*\}/g, "them");
  const findings: Finding[] = [];
  const lower = text.toLowerCase();
  for (const [term, plain] of Object.entries(options.jargon ?? DEFAULT_JARGON)) {
    const re = new RegExp(`\\b${term.replace(/[-/\\^$*+?.()|[\]{}]/g, "\\$&")}\\b`, "i");
    const m = re.exec(lower);
    if (m) findings.push({ kind: "jargon", text: text.slice(m.index, m.index + term.length), suggestion: `say "${plain}"` });
  }
  const seen = new Set<string>();
  for (const m of text.matchAll(/\b[A-Z]{2,6}s?\b/g)) {
    const acronym = m[0].replace(/s$/, "");
    if (KNOWN.has(acronym) || seen.has(acronym)) continue;
    seen.add(acronym);
    const around = text.slice(Math.max(0, m.index - 80), m.index + m[0].length + 80);
    const explained = new RegExp(`\\(${acronym}s?\\)|${acronym}s?\\s*\\([^)]{6,}\\)`).test(around);
    if (!explained) {
      findings.push({
        kind: "acronym",
        text: m[0],
        suggestion: ACRONYM_PLAIN[acronym] ? `say "${ACRONYM_PLAIN[acronym]}"` : "spell it out, or explain it in brackets the first time",
      });
    }
  }
  for (const [re, what] of CODE_PATTERNS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) findings.push({ kind: "code", text: m[0].trim(), suggestion: `describe the ${what.replace(" code", "")} in words instead of the ${what}` });
  }
  const grade = (options.language ?? "en") === "en" ? readingGrade(text) : null;
  const maxGrade = options.maxGrade ?? 8;
  if (grade !== null && grade > maxGrade) {
    findings.push({ kind: "grade", text: `reading grade ${grade}`, suggestion: `use shorter sentences and everyday words (grade ${maxGrade} or below)` });
  }
  return { passes: findings.length === 0, grade, findings };
}
