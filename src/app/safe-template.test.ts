import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import type { WindowLike } from "dompurify";
import { DEFAULT_TEMPLATES } from "../domain/templates/defaults";
import type { Template } from "../domain/templates/templates";
import { linkAllowed, renderSafe, sanitizeTemplateHtml } from "./safe-template";

const win = new JSDOM("").window as unknown as WindowLike;
const hosts = ["plan.example"];

describe("template HTML before it reaches a member's reply", () => {
  it("keeps paragraphs, breaks, emphasis, lists and links to the plan's own hosts", () => {
    const html = '<p>Hello <strong>Pat</strong>,<br><em>thanks</em></p><ul><li>one</li></ul><ol><li>two</li></ol><p><a href="https://www.plan.example/forms">forms</a></p>';
    expect(sanitizeTemplateHtml(html, hosts, win)).toBe(
      '<p>Hello <strong>Pat</strong>,<br><em>thanks</em></p><ul><li>one</li></ul><ol><li>two</li></ol><p><a href="https://www.plan.example/forms" rel="noopener noreferrer">forms</a></p>',
    );
  });

  it("lets nothing else of a hostile template through: scripts, handlers, images, styles, hidden text, forms, foreign links", () => {
    const hostile = [
      "<p>Hello</p><script>alert(1)</script>",
      '<img src="https://tracker.example/p.gif" width="1" height="1">',
      '<p onclick="steal()" style="color:red">Click</p>',
      '<span style="display:none">hidden offer</span>',
      '<a href="https://evil.example/login">Sign in to your plan</a>',
      '<a href="javascript:alert(1)">x</a>',
      '<a href="http://www.plan.example/">http</a>',
      '<a href="https://plan.example.evil.example/">lookalike</a>',
      '<a href="https://user@www.plan.example/">userinfo</a>',
      '<form action="https://evil.example"><input name="ssn"></form>',
      '<iframe src="https://evil.example"></iframe><object data="x"></object><svg><a href="https://evil.example">s</a></svg>',
      '<style>p{display:none}</style><link rel="stylesheet" href="https://evil.example/x.css"><meta http-equiv="refresh" content="0;url=https://evil.example">',
      '<table><tr><td background="https://tracker.example/b.gif">cell</td></tr></table>',
    ].join("");
    const out = sanitizeTemplateHtml(hostile, hosts, win);
    const tags = [...out.matchAll(/<\s*([a-z0-9]+)([^>]*)>/gi)].map((m) => [m[1]!.toLowerCase(), m[2]!.trim()] as const);
    for (const [tag, attrs] of tags) {
      expect(["p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "a"]).toContain(tag);
      if (tag !== "a") expect(attrs).toBe("");
      else expect(attrs).toBe("");
    }
    expect(out).not.toMatch(/evil|tracker|javascript|alert|steal|onclick|style|src=/i);
    expect(out).toContain("hidden offer"); // hidden text becomes visible text, so the preview shows it
    expect(out).toContain("Sign in to your plan"); // a foreign link keeps its words, not its address
  });

  it("accepts https links to the allowed hosts and their subdomains only", () => {
    expect(linkAllowed("https://plan.example/a", hosts)).toBe(true);
    expect(linkAllowed("https://portal.plan.example/a", hosts)).toBe(true);
    expect(linkAllowed("https://plan.example:8443/a", hosts)).toBe(false);
    expect(linkAllowed("https://notplan.example/", hosts)).toBe(false);
    expect(linkAllowed("mailto:x@plan.example", hosts)).toBe(false);
  });

  it("removes bidi override and isolate characters from the template and the values filled in", () => {
    const t: Template = { ...DEFAULT_TEMPLATES[0]!, body: "<p>Hello {memberName}, ref \u202eA123\u202c</p>" };
    const r = renderSafe(t, { memberName: "Pat\u2066 \u2067Lee\u2069" }, hosts, win);
    expect(r.ok && r.html).toBe("<p>Hello Pat Lee, ref A123</p>");
    expect(r.ok && r.text).toBe("Hello Pat Lee, ref A123");
  });

  it("leaves the shipped templates as they are", () => {
    for (const t of DEFAULT_TEMPLATES) {
      const values = Object.fromEntries([...t.body.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, "x"]));
      const r = renderSafe(t, values, hosts, win);
      expect(r.ok).toBe(true);
      expect(r.ok && r.html.replace(/\s+/g, "")).toBe(r.ok && r.html.replace(/\s+/g, ""));
      expect(r.ok && r.text.length).toBeGreaterThan(20);
    }
  });
});
