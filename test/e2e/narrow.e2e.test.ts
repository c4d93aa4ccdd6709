/**
 * Outlook opens the task pane about 320 px wide. At that width, in Office's light and dark themes,
 * every sample email, the lead's queue and the manager's turnaround view fit without scrolling
 * sideways and pass the accessibility scan; the harness's pane-width switch changes the width and
 * keeps it in the address. This file runs its own harness server (with a list of its own), so the
 * emails it takes in touch no other file's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { SAMPLES } from "../../src/harness/samples";
import { startHarnessServer, type HarnessServer } from "../../scripts/server";
import { launch, paneViolations, watch } from "./browser";

const NOW = "2026-03-04T10:00:00-06:00"; // a Wednesday, 10 a.m. in the plan's zone
let browser: Browser;
let server: HarnessServer;
beforeAll(async () => {
  server = await startHarnessServer({ port: 0 }); // dist-harness/ is built by the global setup
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(user: string, theme: string, query = "&pane=320"): Promise<{ page: Page; pane: FrameLocator }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}harness/?now=${encodeURIComponent(NOW)}&user=${encodeURIComponent(user)}&theme=${theme}${query}`);
  const pane = page.frameLocator('iframe[data-testid="taskpane"]');
  await pane.getByTestId("category-badge").waitFor();
  return { page, pane };
}

/** The pane's document: its width, and how wide its content is (wider means a sideways scroll). */
async function widths(page: Page): Promise<{ client: number; scroll: number; wide: string[] }> {
  const frame = page.frames().find((f) => f.url().includes("taskpane.html"));
  if (!frame) throw new Error("no task pane frame");
  return frame.evaluate(() => {
    const d = document.documentElement;
    // what sticks out to the right, leaving out what a visually hidden (clipped) box holds for screen readers
    const clipped = (el: Element | null): boolean => !!el && (getComputedStyle(el).clip !== "auto" || clipped(el.parentElement));
    const wide = Array.from(document.querySelectorAll("body *"))
      .filter((el) => el.getBoundingClientRect().right > d.clientWidth + 0.5 && !clipped(el))
      .slice(0, 3)
      .map((el) => el.getAttribute("data-testid") ?? el.tagName.toLowerCase());
    return { client: d.clientWidth, scroll: d.scrollWidth, wide };
  });
}

async function fits(page: Page, where: string): Promise<void> {
  const w = await widths(page);
  expect(w.client, where).toBe(320);
  expect({ where, scroll: w.scroll, wide: w.wide }).toEqual({ where, scroll: w.client, wide: [] });
}

describe.each(["light", "dark"])("the pane at 320 px, %s theme", (theme) => {
  it("shows every sample email, the lead's queue and the turnaround view without scrolling sideways, with no accessibility finding", async () => {
    const lead = await open("lead@plan.example", theme);
    const watched = watch(lead.page);
    expect(await lead.page.locator("[data-pane-width]").getAttribute("data-pane-width")).toBe("320");
    for (const s of SAMPLES) {
      await lead.page.locator(`button[data-sample="${s.id}"]`).click();
      await lead.pane.locator("#triage-subject", { hasText: s.subject }).waitFor();
      await lead.pane.getByTestId("inquiry-status").or(lead.pane.getByTestId("sign-in-needed")).first().waitFor();
      await fits(lead.page, s.id);
      expect(await paneViolations(lead.page), s.id).toEqual([]);
    }
    await lead.pane.getByTestId("tab-queue").click();
    await lead.pane.getByTestId("queue-row").first().waitFor({ timeout: 15_000 });
    await fits(lead.page, "team queue");
    expect(await paneViolations(lead.page)).toEqual([]);
    await lead.pane.getByTestId("tab-mine").click();
    await lead.pane.getByTestId("my-work").or(lead.pane.getByTestId("my-work-empty")).waitFor();
    await fits(lead.page, "my work");
    expect(new Set(watched.requests.map((u) => new URL(u).hostname))).toEqual(new Set(["localhost"]));
    await lead.page.context().close();

    const manager = await open("manager@plan.example", theme);
    await manager.pane.getByTestId("tab-turnaround").click();
    await manager.pane.getByTestId("tat-show").click();
    await expect.poll(() => manager.pane.getByTestId("tat-summary").textContent(), { timeout: 15_000 }).toMatch(/^\d+ inquiries received/);
    await manager.pane.getByTestId("tat-table-mailbox").waitFor();
    await fits(manager.page, "turnaround");
    // the chart's words stay legible at this width: 12 px or more as drawn
    const smallest = await manager.pane.locator('svg[role="img"] text').evaluateAll((texts) => Math.min(...texts.map((t) => t.getBoundingClientRect().height)));
    expect(smallest).toBeGreaterThanOrEqual(12);
    expect(await paneViolations(manager.page)).toEqual([]);
    await manager.page.context().close();
  }, 300_000); // 28 emails, each scanned
});

describe("the harness's pane width", () => {
  it("starts at 320 px, switches from its toolbar and keeps the width in the address", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}harness/?now=${encodeURIComponent(NOW)}`);
    const pane = page.frameLocator('iframe[data-testid="taskpane"]');
    await pane.getByTestId("category-badge").waitFor();
    expect((await widths(page)).client).toBe(320);
    await page.getByTestId("pane-width-500").click();
    await expect.poll(async () => (await widths(page)).client).toBe(500);
    expect(new URL(page.url()).searchParams.get("pane")).toBe("500");
    expect(await page.getByTestId("pane-width-500").getAttribute("aria-pressed")).toBe("true");
    await page.reload();
    await pane.getByTestId("category-badge").waitFor();
    expect((await widths(page)).client).toBe(500);
    await page.goto(`${server.url}harness/?now=${encodeURIComponent(NOW)}&pane=380`);
    await pane.getByTestId("category-badge").waitFor();
    expect((await widths(page)).client).toBe(380);
    await context.close();
  });
});
