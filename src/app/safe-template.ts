/**
 * Template HTML as it may go into a member's reply (decision 30): rendered, then sanitised by
 * DOMPurify to an allow-list — paragraphs, line breaks, emphasis, lists, and links only over https
 * to the hosts the deployment's settings name — with bidi controls removed. The preview shows this
 * same HTML, so what the advocate sees is exactly what is inserted. DOMPurify needs a DOM: the
 * pane's own window here; tests hand it one from jsdom.
 */
import createDOMPurify, { type DOMPurify, type WindowLike } from "dompurify";
import { neutraliseBidi } from "../domain/text/bidi";
import { renderTemplate, type Template } from "../domain/templates/templates";

const TAGS = ["p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "a"];

export function linkAllowed(href: string, hosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" || url.username || url.password || url.port) return false;
  const host = url.hostname.toLowerCase();
  return hosts.some((h) => host === h || host.endsWith(`.${h}`));
}

const purifiers = new WeakMap<object, DOMPurify>();

function purifier(win: WindowLike): DOMPurify {
  let p = purifiers.get(win);
  if (!p) {
    p = createDOMPurify(win);
    purifiers.set(win, p);
  }
  return p;
}

/** The HTML cut down to the allow-list; a link to any other host loses its address and is left as its words. */
export function sanitizeTemplateHtml(html: string, hosts: readonly string[], win: WindowLike = window as unknown as WindowLike): string {
  const purify = purifier(win);
  purify.removeAllHooks();
  purify.addHook("afterSanitizeAttributes", (node) => {
    if (node.nodeName.toLowerCase() !== "a") return;
    const el = node as Element;
    const href = el.getAttribute("href") ?? "";
    if (!linkAllowed(href, hosts)) {
      el.removeAttribute("href"); // the words stay, the link goes (an <a> without href is plain text)
      el.removeAttribute("rel");
      return;
    }
    el.setAttribute("rel", "noopener noreferrer");
  });
  const clean = purify.sanitize(neutraliseBidi(html), {
    ALLOWED_TAGS: TAGS,
    ALLOWED_ATTR: ["href", "rel"],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOWED_URI_REGEXP: /^https:/i,
    KEEP_CONTENT: true,
    RETURN_TRUSTED_TYPE: false,
  });
  purify.removeAllHooks();
  return neutraliseBidi(String(clean));
}

/** Plain text of sanitised template HTML, as it is inserted into a text draft. */
export function templateText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/p>\s*/gi, "\n\n")
    .replace(/<li[^>]*>/gi, "• ")
    .replace(/<\/li>\s*/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .trim();
}

export type SafeRender = { readonly ok: true; readonly html: string; readonly text: string } | { readonly ok: false; readonly missing: readonly string[] };

/** Renders a template with its values and sanitises the result: what is previewed and what is inserted. */
export function renderSafe(template: Template, values: Readonly<Record<string, string>>, hosts: readonly string[], win?: WindowLike): SafeRender {
  const cleanValues = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, neutraliseBidi(v)]));
  const r = renderTemplate(template, cleanValues);
  if (!r.ok) return r;
  const html = sanitizeTemplateHtml(r.html, hosts, win);
  return { ok: true, html, text: templateText(html) };
}
