/**
 * The lead's queue as a place to work from: filter it, search it, pick three, assign them from the
 * sticky bar, and open an email from its row, with the filter and the picks kept while the open
 * email changes. Runs its own harness server, so its list is its own.
 */
import { describe, expect, it } from "vitest";
import type { FrameLocator, Page } from "playwright-core";
import { SAMPLES, sampleMessageId } from "../../src/harness/samples";
import { paneViolations } from "./browser";
import { ownHarness } from "./own-harness";

const NOW = "2026-03-04T10:00:00-06:00";
const harness = ownHarness();
const listItem = (messageId: string) => harness.listItem(messageId);

const mid = (id: string) => sampleMessageId({ id });
const subject = (id: string) => SAMPLES.find((s) => s.id === id)!.subject;

const assigneeOf = (id: string): unknown => listItem(mid(id))?.["Assignee"];

async function pick(page: Page, pane: FrameLocator, id: string): Promise<void> {
  await page.locator(`button[data-sample="${id}"]`).click();
  await pane.locator("#triage-subject", { hasText: subject(id) }).waitFor();
  await pane.getByTestId("inquiry-status").waitFor();
}

const shownIds = async (pane: FrameLocator) => (await pane.getByTestId("queue-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-message-id")))).sort();
const row = (pane: FrameLocator, id: string) => pane.locator(`[data-testid="queue-row"][data-message-id="${mid(id)}"]`);

describe("the lead's queue", () => {
  it("filters, picks three, assigns them from the sticky bar and opens one from its row, keeping the picks across emails", async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${harness.server.url}harness/?now=${encodeURIComponent(NOW)}&item=s08&user=lead%40plan.example`);
    const pane = page.frameLocator('iframe[data-testid="taskpane"]');
    for (const id of ["s08", "s01", "s06", "s14", "s15", "s10"]) await pick(page, pane, id);
    await expect.poll(() => pane.getByTestId("log-status").textContent(), { timeout: 15_000 }).toBe("All changes saved to SharePoint.");

    await pane.getByTestId("tab-queue").click();
    await pane.getByTestId("queue-row").first().waitFor();
    expect(await shownIds(pane)).toEqual(["s01", "s06", "s08", "s10", "s14", "s15"].map(mid).sort());

    // only the secure-message mailbox
    await pane.getByTestId("queue-filter-mailbox").selectOption("secure-message");
    await expect.poll(() => shownIds(pane)).toEqual(["s01", "s06", "s14", "s15"].map(mid).sort());
    // a search narrows further, and clearing it brings the filtered queue back
    await pane.getByTestId("queue-search").fill(subject("s15").slice(0, 12).toUpperCase());
    await expect.poll(() => shownIds(pane)).toEqual([mid("s15")]);
    await pane.getByTestId("queue-search").fill("");
    await expect.poll(() => shownIds(pane)).toEqual(["s01", "s06", "s14", "s15"].map(mid).sort());

    for (const id of ["s01", "s06", "s14"]) await row(pane, id).locator('input[type="checkbox"]').check();
    expect(await pane.getByTestId("queue-assign").textContent()).toBe("Assign 3 picked");
    expect(await pane.getByTestId("queue-select-all").evaluate((el) => (el as HTMLInputElement).indeterminate)).toBe(true);
    // each picked row says whom the suggestion gives it to
    for (const id of ["s01", "s06", "s14"]) expect(await row(pane, id).getByTestId("queue-suggestion").textContent()).toMatch(/^Suggested: (Ana|Ben|Cam)/);
    expect(await row(pane, "s15").getByTestId("queue-suggestion").count()).toBe(0);

    // the lead opens s15 from its row: the harness selects it, as Outlook would open it
    await row(pane, "s15").getByTestId("queue-open").click();
    await expect.poll(() => page.locator('button[data-sample="s15"]').getAttribute("aria-current")).toBe("true");
    await pane.locator("#triage-subject", { hasText: subject("s15") }).waitFor();

    // back in the queue: the filter and the three picks are still there
    await pane.getByTestId("tab-queue").click();
    await pane.getByTestId("queue-row").first().waitFor();
    expect(await pane.getByTestId("queue-filter-mailbox").inputValue()).toBe("secure-message");
    expect(await shownIds(pane)).toEqual(["s01", "s06", "s14", "s15"].map(mid).sort());
    expect(await pane.getByTestId("queue-assign").textContent()).toBe("Assign 3 picked");

    // the action bar stays in sight as the queue scrolls
    expect(await pane.getByTestId("queue-action-bar").evaluate((el) => getComputedStyle(el).position)).toBe("sticky");
    await pane.getByTestId("queue-assign-to").selectOption("ben@plan.example");
    await pane.getByTestId("queue-assign").click();
    await expect.poll(() => ["s01", "s06", "s14"].map(assigneeOf), { timeout: 15_000 }).toEqual(["ben@plan.example", "ben@plan.example", "ben@plan.example"]);
    expect(assigneeOf("s15")).toBeNull();
    expect(await paneViolations(page)).toEqual([]);
    await context.close();
  });
});
