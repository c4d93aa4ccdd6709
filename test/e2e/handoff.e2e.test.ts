/**
 * An advocate forwards a grievance to the Appeals & Grievances coordinator from the pane: the
 * forward opens to the settings' address with the email attached, the list records the hand-off
 * with its time and who made it, and the instruction then says it was forwarded, and when. Runs its
 * own harness server, so its list is its own.
 */
import { describe, expect, it } from "vitest";
import { SAMPLES, sampleMessageId } from "../../src/harness/samples";
import { paneViolations } from "./browser";
import { ownHarness } from "./own-harness";

const NOW = "2026-03-04T10:00:00-06:00";
const harness = ownHarness();
const listItem = (messageId: string) => harness.listItem(messageId);


describe("the hand-off to A&G", () => {
  it("opens a forward to the coordinator, logs the hand-off, and the instruction reads 'Forwarded to A&G at …'", async () => {
    const sample = SAMPLES.find((s) => s.id === "s02")!; // a grievance
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${harness.server.url}harness/?now=${encodeURIComponent(NOW)}&item=s02&user=ana%40plan.example`);
    const pane = page.frameLocator('iframe[data-testid="taskpane"]');
    await pane.locator("#triage-subject", { hasText: sample.subject }).waitFor();
    await pane.getByTestId("inquiry-status").waitFor();
    const ag = pane.locator('[data-kind="appealsGrievances"]');
    expect(await ag.textContent()).toMatch(/Forward to the Appeals & Grievances coordinator now/);

    await pane.getByTestId("forward-appealsGrievances").click();
    // the harness, as Outlook, opens a new message to the coordinator with the email attached
    await expect.poll(() => page.getByTestId("forward-to").textContent()).toMatch(/^To appeals\.grievances@plan\.example · attached: “Complaint about the front desk”/);
    await expect.poll(() => ag.textContent()).toMatch(/^(Note: )?Forwarded to A&G at Wed, Mar 4, 10:0\d AM CST/);
    expect(await ag.getAttribute("data-tone")).toBe("info");
    expect(await pane.getByTestId("forward-appealsGrievances").count()).toBe(0); // done: no second forward offered
    expect(await pane.getByTestId("handoff-note").textContent()).toMatch(/hand-off is logged/);

    // the list records it: routed, by ana, to the coordinator's address, at the time it was done
    await expect.poll(() => listItem(sampleMessageId(sample))?.["Status"], { timeout: 15_000 }).toBe("routed");
    const history = JSON.parse(String(listItem(sampleMessageId(sample))!["StatusHistory"])) as { action: string; target?: string; by: string; at: string }[];
    const route = history.find((h) => h.action === "route");
    expect(route).toMatchObject({ target: "appeals.grievances@plan.example", by: "ana@plan.example" });
    expect(route!.at).toMatch(/^2026-03-04T10:0\d:\d\d-06:00$/);

    // another pane, opened later, reads the same hand-off from the list
    const again = await harness.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p2 = await again.newPage();
    await p2.goto(`${harness.server.url}harness/?now=${encodeURIComponent(NOW)}&item=s02&user=ben%40plan.example`);
    const pane2 = p2.frameLocator('iframe[data-testid="taskpane"]');
    await expect.poll(() => pane2.locator('[data-kind="appealsGrievances"]').textContent(), { timeout: 15_000 }).toMatch(/Forwarded to A&G at/);
    expect(await paneViolations(page)).toEqual([]);
    await again.close();
    await context.close();
  });
});
