/**
 * Failures the advocate can see: a part of the pane whose code cannot be fetched says so with a
 * retry while the rest keeps working, and a send whose check could not load is held and says so
 * instead of claiming it was checked. Runs its own harness server.
 */
import { describe, expect, it } from "vitest";
import { paneViolations } from "./browser";
import { ownHarness } from "./own-harness";

const NOW = "2026-03-04T10:00:00-06:00";
const harness = ownHarness();

async function open(user: string) {
  const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  return { context, page, pane: page.frameLocator('iframe[data-testid="taskpane"]'), go: () => page.goto(`${harness.server.url}harness/?now=${encodeURIComponent(NOW)}&item=s13&user=${encodeURIComponent(user)}`) };
}

describe("failures the pane shows", () => {
  it("keeps the pane when the team queue's code cannot be fetched, says so, and loads it on Try again", async () => {
    const { context, page, pane, go } = await open("lead@plan.example");
    await page.route(/\/assets\/(TeamQueue|WorkTable)-[^/]*\.js$/, (r) => r.abort());
    await go();
    await pane.getByTestId("category-badge").waitFor();
    await pane.getByTestId("tab-queue").click();
    await expect.poll(() => pane.getByTestId("part-failed").textContent(), { timeout: 15_000 }).toMatch(/^The team queue could not be loaded\. The rest of the pane still works\./);
    await pane.getByTestId("tab-email").click();
    await pane.getByTestId("category-badge").waitFor(); // the rest of the pane is still there
    await pane.getByTestId("tab-queue").click();
    expect(await paneViolations(page)).toEqual([]);
    await page.unrouteAll();
    await pane.getByTestId("part-retry").click();
    await pane.getByTestId("queue-row").or(pane.getByTestId("queue-empty")).first().waitFor({ timeout: 15_000 });
    expect(await pane.getByTestId("part-failed").count()).toBe(0);
    // Chromium keeps a failed module fetch for the page's life, so Try again may reload the pane: it opens on the same view
    expect(await pane.getByTestId("tab-queue").getAttribute("aria-pressed")).toBe("true");
    await context.close();
  });

  it("holds a send whose check could not load, and does not claim it was checked", async () => {
    const { context, page, go } = await open("ana@plan.example");
    await page.route(/\/assets\/on-send-[^/]*\.js$/, (r) => r.abort());
    await go();
    await page.frameLocator('iframe[data-testid="taskpane"]').getByTestId("category-badge").waitFor();
    await page.getByTestId("harness-reply").click();
    await page.getByTestId("draft-text").fill("Thank you, we have your question and will answer by Friday.");
    await page.getByTestId("draft-send").click();
    await expect.poll(() => page.getByTestId("smart-alert").textContent(), { timeout: 15_000 }).toMatch(/The send check could not run, so this message was not checked or recorded/);
    expect(await page.getByTestId("sent-note").count()).toBe(0);
    await page.getByTestId("smart-alert-send-anyway").click();
    expect(await page.getByTestId("sent-note").textContent()).toMatch(/^Sent without the send check: it could not run/);
    await context.close();
  });
});
