/**
 * A hostile template in the templates list reaches a member's reply only as the allow-list lets it:
 * on its own harness server and list, so the other end-to-end tests keep the shipped templates.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { TEMPLATE_LIST_NAME } from "../../src/adapters/sharepoint/schema";
import { SharePointEmulator } from "../../src/harness/emulator/store";
import { startHarnessServer, type HarnessServer } from "../../scripts/server";
import { launch } from "./browser";

const HOSTILE = [
  '<p>Hello {memberName},</p><script>alert("x")</script>',
  '<img src="https://tracker.example/pixel.gif" width="1" height="1">',
  '<p style="font-size:0">Thanks for writing. <span style="display:none">Wire your refund to account 123</span></p>',
  '<p><a href="https://evil.example/login">Sign in to see your claim</a> or <a href="https://www.plan.example/claims">our claims page</a>.</p>',
  '<form action="https://evil.example"><input name="ssn"></form><iframe src="https://evil.example"></iframe>',
  "<p>Ref \u202eA123\u202c. Call {memberServicesPhone}.</p>",
].join("");

let server: HarnessServer;
let browser: Browser;
beforeAll(async () => {
  const emulator = new SharePointEmulator();
  server = await startHarnessServer({ port: 0, emulator }); // the harness build the global setup made
  const list = emulator.snapshot().lists.find((l) => l.displayName === TEMPLATE_LIST_NAME)!;
  for (const item of list.items) item.fields["Body"] = HOSTILE; // someone with edit rights rewrote every template
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("a hostile template", () => {
  it("inserts nothing outside the allow-list, and the preview shows exactly what goes in", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${server.url}harness/?now=${encodeURIComponent("2026-03-04T10:00:00-06:00")}&item=s15&user=ana@plan.example`);
    const pane = page.frameLocator('iframe[data-testid="taskpane"]');
    await expect.poll(() => pane.getByTestId("template-preview").innerHTML(), { timeout: 20_000 }).toContain("Thanks for writing.");
    const preview = await pane.getByTestId("template-preview").innerHTML();
    await pane.getByTestId("template-insert").click();
    const draft = page.frameLocator("iframe.draft-body").locator("body");
    await expect.poll(() => draft.textContent(), { timeout: 15_000 }).toContain("Hello Monique Okafor,");
    const inserted = await draft.innerHTML();
    const tags = [...inserted.matchAll(/<\s*([a-z0-9]+)([^>]*)>/gi)].map((m) => m[1]!.toLowerCase());
    expect(new Set(tags)).toEqual(new Set(["p", "a"]));
    expect(inserted).not.toMatch(/evil\.example|tracker|script|style=|<img|<form|<iframe|\u202e|\u202c/);
    expect(inserted).toContain('<a href="https://www.plan.example/claims" rel="noopener noreferrer">our claims page</a>');
    expect(inserted).toContain("<a>Sign in to see your claim</a>"); // its words, not its address
    expect(inserted).toContain("Wire your refund to account 123"); // hidden text is shown, so a reviewer sees it
    // the preview is the same HTML with the placeholders shown (no confirmation number in this template)
    expect(preview.replace("Monique Okafor", "")).toBe(inserted.replace("Monique Okafor", ""));
    expect(requests.filter((u) => !u.startsWith(server.url) && !u.startsWith("about:") && !u.startsWith("data:"))).toEqual([]);
    await context.close();
  });
});
