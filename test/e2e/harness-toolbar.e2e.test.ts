/**
 * The harness says who you are and lets you switch (the default is an advocate on the team), and
 * the samples' received times count back from the server's start, the same on every reload.
 */
import { describe, expect, it } from "vitest";
import { paneViolations } from "./browser";
import { ownHarness } from "./own-harness";

const harness = ownHarness();

describe("the harness toolbar", () => {
  it("signs in as an advocate on the team by default, switches user from the toolbar, and keeps the samples' times across reloads", async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${harness.server.url}harness/?item=s13`);
    const pane = page.frameLocator('iframe[data-testid="taskpane"]');
    await expect.poll(() => pane.getByTestId("signed-in-as").textContent(), { timeout: 15_000 }).toBe("Signed in as ana@plan.example");
    expect(await page.getByTestId("harness-user").inputValue()).toBe("ana@plan.example");
    await pane.getByTestId("inquiry-status").waitFor(); // ana is on the team: she can act
    const due = await pane.getByTestId("clock-due").first().textContent();

    await page.getByTestId("harness-user").selectOption("ben@plan.example");
    await page.waitForURL(/user=ben%40plan\.example|user=ben@plan\.example/);
    await expect.poll(() => pane.getByTestId("signed-in-as").textContent(), { timeout: 15_000 }).toBe("Signed in as ben@plan.example");
    expect(new URL(page.url()).searchParams.get("item")).toBe("s13"); // the same email stays open
    // the same received time, so the same due time, after the reload
    expect(await pane.getByTestId("clock-due").first().textContent()).toBe(due);
    const started = await page.evaluate(() => fetch("/harness/clock.json").then((r) => r.json() as Promise<{ startedAt: number }>));
    const again = await page.evaluate(() => fetch("/harness/clock.json").then((r) => r.json() as Promise<{ startedAt: number }>));
    expect(again.startedAt).toBe(started.startedAt);
    expect(started.startedAt).toBeLessThanOrEqual(Date.now());
    expect(await paneViolations(page)).toEqual([]);
    await context.close();
  });
});
