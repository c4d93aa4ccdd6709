/**
 * The features of an email that may be kept as a training example (docs/decisions/0070): the
 * model's own hashed features, but only of words that cannot name or identify anyone. A hash of a
 * word can be reversed by hashing a dictionary, so what must not be recovered must never be hashed:
 *
 * - every word holding a digit (digit runs, ids, dates, phone numbers) is dropped, not masked;
 * - addresses are dropped (the tokeniser blanks e-mail and web addresses before reading);
 * - every word written with a capital letter is dropped (names, places, vendors, the first word of
 *   a sentence too: a name often starts one); scripts without case keep their words;
 * - the words after a salutation or a naming phrase ("dear", "hi", "my name is", "me llamo",
 *   "mr", "dr", "member", "patient", "son", "daughter" …) and the short lines that close an email
 *   (a sign-off name) are dropped, so a name written in lower case is not kept either;
 * - a word that is a common given or family name (names.ts), in any case, is dropped;
 * - a word is kept only when the shared model knows it as a word of its own (it carries weight in
 *   the model, learned from the mail of two or more independent writers): rare words — most names,
 *   a vendor's or a street's, a misspelt id — are never kept, whatever their case;
 * - word pairs are kept only between two kept words that stood side by side; character n-grams
 *   only of kept words; the sender's organisation (structural "org=" groups) is dropped.
 *
 * What is kept: each feature's 32-bit hash and its value as the model would read it (scaled by the
 * whole email's length, so training sees what inference sees), packed and base64-encoded.
 */
import { base64ToBytes, bytesToBase64 } from "../text/base64";
import { COMMON_NAMES } from "./names";
import { PART_OWN, PART_QUOTED, PART_SUBJECT, WordBuffer, charNgrams, featureNorm, readEmail, type FeatureConfig, type TextParts } from "./features";

/** Words after which the next words may be a name, even in lower case. */
const NAME_CUES = new Set([
  "dear", "hi", "hello", "hey", "hola", "estimado", "estimada", "querido", "querida", "chao", "xin", "kinh", "gui",
  "mr", "mrs", "ms", "miss", "dr", "doctor", "doctora", "dra", "nurse", "sr", "sra", "srta", "don", "dona", "ong", "ba", "anh", "chi",
  "name", "named", "llamo", "nombre", "called", "signed", "sincerely", "regards", "thanks", "gracias", "atentamente", "cordialmente", "saludos",
  "member", "patient", "paciente", "miembro", "son", "daughter", "hijo", "hija", "husband", "wife", "esposo", "esposa", "mother", "father", "mom", "dad", "madre", "padre", "caregiver", "grandson", "granddaughter", "nieto", "nieta",
  "attn",
]);
const NAME_REACH = 2;
/** A closing line of at most this many words is read as a sign-off (a name) and dropped. */
const SIGN_OFF_WORDS = 3;
/** At most this many features per example (a 5 MB body must not make a 5 MB list item). */
export const MAX_PRIVATE_FEATURES = 4000;

export interface PrivateFeatures {
  /** Feature hashes (32-bit, as features.ts makes them). */
  readonly hashes: Uint32Array;
  /** Each feature's value as the model reads it. */
  readonly values: Float32Array;
}

const UPPER = /\p{Lu}|\p{Lt}/u;

/** A word as the names list writes it: lower case, accents and apostrophes off. */
function foldName(lower: string): string {
  return lower.normalize("NFD").replace(/[\u0300-\u036f'’`]/g, "");
}

/** Which words of the buffer may be kept. */
function keptWords(buf: WordBuffer, known: (hash: number) => boolean): Uint8Array {
  const keep = new Uint8Array(buf.count);
  let cue = 0;
  let lastPart = -1;
  for (let w = 0; w < buf.count; w++) {
    const part = buf.part[w]!;
    if (part !== lastPart) cue = 0;
    lastPart = part;
    const text = buf.texts[part]!;
    const word = text.slice(buf.start[w]!, buf.end[w]!);
    const lower = word.toLowerCase();
    let ok = !/\d/.test(word) && !UPPER.test(word) && !COMMON_NAMES.has(foldName(lower)) && known(buf.word[w]!);
    if (cue > 0) {
      ok = false;
      cue--;
    }
    if (NAME_CUES.has(lower.replace(/['’`]/g, ""))) cue = NAME_REACH;
    keep[w] = ok ? 1 : 0;
  }
  // the short lines that close each part (a sign-off: "maria", "ana g"), and their line breaks
  for (const part of [PART_OWN, PART_QUOTED]) {
    const text = buf.texts[part] ?? "";
    if (text === "") continue;
    const lines = text.split("\n");
    let offset = text.length;
    for (let l = lines.length - 1, seen = 0; l >= 0 && seen < 3; l--) {
      const line = lines[l]!;
      offset -= line.length + (l > 0 ? 1 : 0);
      if (line.trim() === "") continue;
      seen++;
      const from = Math.max(0, offset);
      const to = from + line.length + 1;
      const inLine: number[] = [];
      for (let w = 0; w < buf.count; w++) if (buf.part[w] === part && buf.start[w]! >= from && buf.end[w]! <= to) inLine.push(w);
      if (inLine.length > SIGN_OFF_WORDS) break;
      for (const w of inLine) keep[w] = 0;
    }
  }
  return keep;
}

/** The structural facts that may be kept (the sender's organisation name is not one). */
function keptStructure(structure: readonly string[]): string[] {
  return structure.filter((s) => !s.startsWith("org="));
}

/** What a model must offer: its feature settings, and which feature hashes carry weight in it. */
export interface Vocabulary {
  readonly features: FeatureConfig;
  rowOf(hash: number): number;
}

/** The email's privacy-safe features, hashed as the model hashes them; `vocabulary` is the shared model. */
export function privateFeatures(parts: TextParts, vocabulary: Vocabulary, buf = new WordBuffer()): PrivateFeatures {
  const config = vocabulary.features;
  readEmail({ ...parts, structure: keptStructure(parts.structure) }, config, buf);
  const keep = keptWords(buf, (h) => vocabulary.rowOf(h) >= 0);
  const norm = featureNorm(buf, config);
  const merged = new Map<number, number>();
  const add = (h: number, v: number) => {
    if (merged.size >= MAX_PRIVATE_FEATURES && !merged.has(h)) return;
    merged.set(h, (merged.get(h) ?? 0) + v);
  };
  const grams: number[] = [];
  for (let w = 0; w < buf.count; w++) {
    if (keep[w] === 0) continue;
    const v = buf.value[w]! / norm;
    add(buf.word[w]!, v);
    // a pair is the hash of (previous word, this word): kept only when both were kept
    if (buf.pair[w] !== 0 && w > 0 && keep[w - 1] === 1 && buf.part[w - 1] === buf.part[w]) add(buf.pair[w]!, v);
    if (buf.charLen[w]! > 0 && buf.part[w] !== PART_SUBJECT) for (const g of charNgrams(buf, w, config, grams)) add(g, v * config.charWeight);
  }
  for (const s of buf.structure) add(s, 1);
  const hashes = Uint32Array.from([...merged.keys()].sort((a, b) => a - b));
  return { hashes, values: Float32Array.from(hashes, (h) => merged.get(h)!) };
}

/** Packed for a list field: per feature 4 bytes of hash and 2 of value (value × 16384, at most 4). */
export function encodePrivateFeatures(f: PrivateFeatures): string {
  const n = f.hashes.length;
  const bytes = new Uint8Array(n * 6);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < n; i++) {
    view.setUint32(i * 6, f.hashes[i]!, true);
    view.setUint16(i * 6 + 4, Math.max(0, Math.min(65535, Math.round(f.values[i]! * 16384))), true);
  }
  return bytesToBase64(bytes);
}

/** Reads a stored field back; throws a plain message on anything that is not one. */
export function decodePrivateFeatures(text: unknown): PrivateFeatures {
  if (typeof text !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new Error("features are not base64");
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(text);
  } catch {
    throw new Error("features are not base64");
  }
  if (bytes.length % 6 !== 0) throw new Error("features are truncated");
  const n = bytes.length / 6;
  if (n > MAX_PRIVATE_FEATURES + 64) throw new Error("too many features");
  const view = new DataView(bytes.buffer);
  const hashes = new Uint32Array(n);
  const values = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    hashes[i] = view.getUint32(i * 6, true);
    values[i] = view.getUint16(i * 6 + 4, true) / 16384;
  }
  return { hashes, values };
}
