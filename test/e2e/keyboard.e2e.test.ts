/**
 * An advocate's day with the keyboard alone: into the pane with Tab, acknowledge with the
 * shortcut, insert a template, mark the reply responded, and look a confirmation number up with
 * Enter. After each action focus stays on the pane's status line (announced as a status), never
 * on the page's body. Runs its own harness server, so its list is its own.
 */
import { describe, expect, it } from "vitest";
import type { Frame, Page } from "playwright-core";
import { SAMPLES, sampleMessageId } from "../../src/harness/samples";
import { paneViolations } from "./browser";
import { ownHarness } from "./own-harness";

const NOW = "2026-03-04T10:00:00-06:00";
const harness = ownHarness();
const listItem = (messageId: string) => harness.listItem(messageId);

const focused = (frame: Frame) => frame.evaluate(() => (document.hasFocus() ? (document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.tagName.toLowerCase() ?? "") : "(not focused)"));

/** Tab until `want` says focus is where it should be (at most `max` presses). */
async function tabUntil(page: Page, frame: Frame, want: (testId: string) => boolean, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (want(await focused(frame))) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`focus never got there; it is on ${await focused(frame)}`);
}

const listFields = (id: string) => listItem(sampleMessageId({ id }));

describe("the advocate workflow by keyboard alone", () => {
  it("acknowledges, inserts a template and marks responded, with focus kept and the status announced", async () => {
    const sample = SAMPLES.find((s) => s.id === "s23")!;
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${harness.server.url}harness/?now=${encodeURIComponent(NOW)}&item=s23&user=ana%40plan.example`);
    const paneFrame = page.frameLocator('iframe[data-testid="taskpane"]');
    await paneFrame.locator("#triage-subject", { hasText: sample.subject }).waitFor();
    await paneFrame.getByTestId("inquiry-status").waitFor();
    const frame = page.frames().find((f) => f.url().includes("taskpane.html"))!;

    // into the pane with Tab, from the top of the harness page
    await tabUntil(page, frame, (t) => t !== "(not focused)" && t !== "body");
    expect(await paneFrame.getByTestId("action-acknowledge").getAttribute("aria-keyshortcuts")).toBe("Alt+Shift+K");

    await page.keyboard.press("Alt+Shift+K");
    await expect.poll(() => paneFrame.getByTestId("inquiry-status").textContent()).toMatch(/^Acknowledged/);
    await expect.poll(() => focused(frame)).toBe("inquiry-status");
    expect(await paneFrame.getByTestId("inquiry-status").getAttribute("role")).toBe("status");

    // the template: Alt+Shift+T goes to Insert, Enter inserts it into the reply
    await page.keyboard.press("Alt+Shift+T");
    await expect.poll(() => focused(frame)).toBe("template-insert");
    await page.keyboard.press("Enter");
    await page.getByTestId("reply-draft").waitFor();
    await expect.poll(() => listFields("s23")?.["ConfirmationNumber"], { timeout: 15_000 }).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    // inserting took the inquiry for ana, and it stays acknowledged
    await expect.poll(() => paneFrame.getByTestId("inquiry-status").textContent()).toBe("Acknowledged · assigned to you");
    // the reply went: mark it responded
    expect(await focused(frame)).toBe("template-insert");
    await page.keyboard.press("Alt+Shift+R");
    await expect.poll(() => paneFrame.getByTestId("inquiry-status").textContent()).toMatch(/^Responded/);
    await expect.poll(() => focused(frame)).toBe("inquiry-status");
    await expect.poll(() => listFields("s23")?.["Status"], { timeout: 15_000 }).toBe("responded");

    // a member quotes the number: type it and press Enter
    const number = String(listFields("s23")!["ConfirmationNumber"]);
    await tabUntil(page, frame, (t) => t === "lookup-input");
    await page.keyboard.type(number);
    await page.keyboard.press("Enter");
    await expect.poll(() => paneFrame.getByTestId("lookup-answer").textContent()).toMatch(new RegExp(`^${number}: “${sample.subject}” — Responded, with ana@plan\\.example\\.$`));
    expect(await paneViolations(page)).toEqual([]);
    await context.close();
  });
});
