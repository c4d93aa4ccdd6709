/**
 * Turning an email body into text the classifier can read: HTML to plain text (never executed,
 * nothing fetched: it is string work only), the sender's own words apart from quoted history, and
 * legal boilerplate removed. Bounded work for any size of input.
 */

/** Analysis reads at most this many characters of a body; a longer one is noted in the reasons. */
export const MAX_ANALYSED_CHARS = 1_200_000;

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

const RAW_TEXT = new Set(["script", "style", "head", "title", "template", "noscript", "svg", "iframe", "object"]);
const BLOCK = new Set(["p", "div", "tr", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "header", "footer", "hr", "pre", "address"]);
const QUOTE_CLASS = /gmail_quote|divRplyFwdMsg|appendonsend/;
const NAME_CHAR = /[A-Za-z0-9]/;

/** The closing tag of a raw-text element from `from` on (case-insensitive), as [start, end] or null. */
function findClose(s: string, name: string, from: number): [number, number] | null {
  const re = new RegExp(`</${name}\\s*>`, "gi");
  re.lastIndex = from;
  const m = re.exec(s);
  return m ? [m.index, m.index + m[0].length] : null;
}

/**
 * HTML → plain text with line structure kept (block elements end lines, cells are separated) and
 * quoted replies marked. Scripts, styles, comments and every tag are dropped as text; nothing is
 * parsed by a browser, so nothing runs and no image is fetched. One pass from left to right: each
 * character is looked at a bounded number of times, so the time is linear in the input whatever it
 * holds (a body of "<p" and a million "<" included); an unterminated tag or comment ends the text.
 */
export function htmlToText(html: string): string {
  const s = html.length > MAX_ANALYSED_CHARS * 4 ? html.slice(0, MAX_ANALYSED_CHARS * 4) : html;
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf("<", i);
    if (lt < 0) {
      out.push(s.slice(i));
      break;
    }
    if (lt > i) out.push(s.slice(i, lt));
    if (s.startsWith("<!--", lt)) {
      const close = s.indexOf("-->", lt + 4);
      out.push(" ");
      if (close < 0) break;
      i = close + 3;
      continue;
    }
    let j = lt + 1;
    const closing = s[j] === "/";
    if (closing) j++;
    const nameStart = j;
    while (j < s.length && NAME_CHAR.test(s[j]!)) j++;
    const name = s.slice(nameStart, j).toLowerCase();
    if (!closing && RAW_TEXT.has(name)) {
      // everything up to its closing tag is not text; unclosed, the rest is not either
      const close = findClose(s, name, j);
      out.push(" ");
      if (!close) break;
      i = close[1];
      continue;
    }
    const gt = s.indexOf(">", j);
    if (gt < 0) break; // an unterminated tag: nothing after it is text
    if (!closing && (name === "blockquote" || (name === "div" && QUOTE_CLASS.test(s.slice(j, gt))))) out.push(`\n${QUOTE_MARKER}\n`);
    else if (name === "br") out.push("\n");
    else if (BLOCK.has(name)) out.push("\n");
    else if (closing && (name === "td" || name === "th")) out.push(" \t ");
    i = gt + 1;
  }
  return decodeEntities(out.join(""))
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Where quoted history starts: Outlook and Gmail headers, Spanish clients, "> " lines. One pass. */
const QUOTE_START =
  /^(?:-{2,}\s*(?:original message|mensaje original|forwarded message|mensaje reenviado)\s*-{2,}|_{8,}\s*$|(?:from|de):\s*.+\n(?:.*\n){0,2}(?:sent|date|enviado|fecha):\s|on .{5,200}wrote:\s*$|el .{5,200}escribi[oó]:\s*$|>)/im;

export interface BodyParts {
  /** The sender's own words. */
  readonly own: string;
  /** Older messages quoted or forwarded below. */
  readonly quoted: string;
}

/** Splits the sender's own words from the history they quote or forward. */
export function splitQuoted(text: string): BodyParts {
  const m = QUOTE_START.exec(text);
  let cut = m ? m.index : text.length;
  if (cut === 0) {
    // the text starts with a header: look for the next one (a forward with no words of its own is all quoted)
    const rest = QUOTE_START.exec(text.slice(1));
    cut = rest ? rest.index + 1 : text.length;
    if (cut === text.length) return { own: "", quoted: text.trim() };
  }
  return { own: text.slice(0, cut).trim(), quoted: text.slice(cut).trim() };
}

const BOILERPLATE_SOURCE =
  /\b(confidentiality notice|intended (?:only )?(?:solely )?for the (?:sole )?use|intended recipient|may contain (?:confidential|protected health|privileged)|this (?:e-?mail|message) (?:and any attachments )?(?:is|may be) (?:confidential|privileged)|sent from my (?:iphone|ipad|tablet|android|phone|mobile)|to listen to this message|do not reply to this (?:e-?mail|message))/.source;
const BOILERPLATE = new RegExp(BOILERPLATE_SOURCE, "gi");

/** Drops disclaimer and device lines, which say nothing about the inquiry (one scan of the text). */
export function stripBoilerplate(text: string): string {
  BOILERPLATE.lastIndex = 0;
  let m = BOILERPLATE.exec(text);
  if (!m) return text;
  const kept: string[] = [];
  let from = 0;
  while (m) {
    const lineStart = text.lastIndexOf("\n", m.index) + 1;
    const nl = text.indexOf("\n", m.index);
    const lineEnd = nl < 0 ? text.length : nl + 1;
    if (lineStart >= from) kept.push(text.slice(from, lineStart));
    from = Math.max(from, lineEnd);
    BOILERPLATE.lastIndex = lineEnd;
    m = lineEnd >= text.length ? null : BOILERPLATE.exec(text);
  }
  kept.push(text.slice(from));
  return kept.join("");
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Lower case, accents off (đ → d), apostrophes joined, hyphens and slashes split. */
export function normalize(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(/['`]/g, "").replace(/[-_/]/g, " ");
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/['’`]/g, "")
    .replace(/[-_/]/g, " ");
}
