/**
 * Turning an email body into text the classifier can read: HTML to plain text (never executed,
 * nothing fetched: it is string work only), the sender's own words apart from quoted history, and
 * legal boilerplate removed. Bounded work for any size of input.
 */

/** Analysis reads at most this many characters of a body; a longer one is noted in the reasons. */
export const MAX_ANALYSED_CHARS = 100_000;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ndash: "–", mdash: "—",
  rsquo: "’", lsquo: "‘", rdquo: "”", ldquo: "“", hellip: "…", bull: "•", middot: "·", copy: "©",
  reg: "®", trade: "™", eacute: "é", aacute: "á", iacute: "í", oacute: "ó", uacute: "ú", ntilde: "ñ",
  Eacute: "É", Aacute: "Á", Iacute: "Í", Oacute: "Ó", Uacute: "Ú", Ntilde: "Ñ", uuml: "ü", iexcl: "¡", iquest: "¿",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : " ";
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

export const QUOTE_MARKER = "-----Original Message-----";

/**
 * HTML → plain text with line structure kept (block elements end lines, cells are separated) and
 * quoted replies marked. Scripts, styles, comments and every tag are dropped as text; nothing is
 * parsed by a browser, so nothing runs and no image is fetched.
 */
export function htmlToText(html: string): string {
  let s = html.length > MAX_ANALYSED_CHARS * 4 ? html.slice(0, MAX_ANALYSED_CHARS * 4) : html;
  s = s
    .replace(/<!--[\s\S]*?(?:-->|$)/g, " ")
    .replace(/<(script|style|head|title|template|noscript|svg|iframe|object)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, " ")
    .replace(/<(blockquote|div\s+[^>]*(?:gmail_quote|divRplyFwdMsg|appendonsend)[^>]*)\b[^>]*>/gi, `\n${QUOTE_MARKER}\n`)
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/?(p|div|tr|li|ul|ol|h[1-6]|table|section|article|header|footer|hr|pre|address)\b[^>]*>/gi, "\n")
    .replace(/<\/t[dh]\s*>/gi, " \t ")
    .replace(/<[^>]*>/g, "")
    .replace(/<[^>]*$/, "");
  s = decodeEntities(s);
  return s
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const QUOTE_STARTS: readonly RegExp[] = [
  /^-{2,}\s*(?:original message|mensaje original|forwarded message|mensaje reenviado)\s*-{2,}/im,
  /^_{8,}\s*$/m,
  /^(?:from|de):\s*.+\n(?:.*\n){0,2}(?:sent|date|enviado|fecha):\s/im,
  /^on .{5,200}wrote:\s*$/im,
  /^el .{5,200}escribi[oó]:\s*$/im,
  /^>/m,
];

export interface BodyParts {
  /** The sender's own words. */
  readonly own: string;
  /** Older messages quoted or forwarded below. */
  readonly quoted: string;
}

/** Splits the sender's own words from the history they quote or forward. */
export function splitQuoted(text: string): BodyParts {
  let cut = text.length;
  for (const re of QUOTE_STARTS) {
    const m = re.exec(text);
    if (m && m.index < cut && m.index > 0) cut = m.index;
  }
  return { own: text.slice(0, cut).trim(), quoted: text.slice(cut).trim() };
}

const BOILERPLATE =
  /(confidentiality notice|intended (?:only )?(?:solely )?for the (?:sole )?use|intended recipient|may contain (?:confidential|protected health|privileged)|this (?:e-?mail|message) (?:and any attachments )?(?:is|may be) (?:confidential|privileged)|sent from my (?:iphone|ipad|tablet|android|phone|mobile)|to listen to this message|do not reply to this (?:e-?mail|message))/i;

/** Drops disclaimer and device lines, which say nothing about the inquiry. */
export function stripBoilerplate(text: string): string {
  if (!BOILERPLATE.test(text)) return text;
  return text
    .split(/\n/)
    .filter((line) => !BOILERPLATE.test(line))
    .join("\n");
}

/** Lower case, accents off (đ → d), apostrophes joined, hyphens and slashes split. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/['’`]/g, "")
    .replace(/[-_/]/g, " ");
}

export const enum Boundary {
  None = 0,
  Clause = 1,
  Sentence = 2,
}

export interface Tokens {
  readonly words: string[];
  /** boundaryBefore[i]: the strongest boundary between word i-1 and word i. */
  readonly boundaryBefore: Boundary[];
  /** Word indexes at which a question ended (the index of the next word). */
  readonly questionEnds: Set<number>;
}

const TOKEN = /[\p{L}\p{N}]+|[.!?;\n]|,/gu;

/** Words of a normalised text, with the sentence and clause breaks between them. */
export function tokenize(normalized: string): Tokens {
  const words: string[] = [];
  const boundaryBefore: Boundary[] = [];
  const questionEnds = new Set<number>();
  let pending: Boundary = Boundary.Sentence;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(normalized); m; m = TOKEN.exec(normalized)) {
    const t = m[0];
    if (t === ",") {
      if (pending < Boundary.Clause) pending = Boundary.Clause;
    } else if (t.length === 1 && (t === "." || t === "!" || t === "?" || t === ";" || t === "\n")) {
      if (t === "?") questionEnds.add(words.length);
      pending = Boundary.Sentence;
    } else {
      words.push(t);
      boundaryBefore.push(pending);
      pending = Boundary.None;
    }
  }
  return { words, boundaryBefore, questionEnds };
}
