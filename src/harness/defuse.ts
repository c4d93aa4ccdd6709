/**
 * Makes an email's HTML inert before the harness's reading pane shows it: no element that runs or
 * loads anything, no attribute that fetches, no CSS url(). The sandboxed frame and its
 * Content-Security-Policy stay as a second and third line (Chromium's preload scanner has fetched
 * an image before a srcdoc's meta policy applied).
 */
export function defuseHtml(html: string): string {
  return html
    .replace(/<(script|style|iframe|frame|object|embed|link|meta|base|form|svg|math|template|noscript)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, "")
    .replace(/<(script|iframe|frame|object|embed|link|meta|base)\b[^>]*>/gi, "")
    .replace(/\s(src|srcset|href|background|poster|action|formaction|xlink:href|data|lowsrc|dynsrc|ping)\s*=/gi, " data-blocked-$1=")
    .replace(/\son[a-z]+\s*=/gi, " data-blocked-on=")
    .replace(/url\s*\(/gi, "blocked(");
}
