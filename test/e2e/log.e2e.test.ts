/** The pane's actions, logged to the local SharePoint emulator, in headless Chromium. */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { launch } from "./browser";

const BASE = inject("harnessUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(item: string, user: string): Promise<{ page: Page; pane: FrameLocator }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${BASE}harness/?now=${encodeURIComponent("2026-03-04T10:00:00-06:00")}&item=${item}&user=${encodeURIComponent(user)}`);
  const pane = page.frameLocator('iframe[data-testid="taskpane"]');
  await pane.getByTestId("inquiry-status").waitFor();
  return { page, pane };
}

describe("logging from the pane", () => {
  it("logs each action to the list, moves the clocks, and shows the logged state after a reload", async () => {
    const { page, pane } = await open("s16", "ana@plan.example");
    await expect.poll(() => pane.getByTestId("inquiry-status").textContent()).toBe("New · not assigned");
    await pane.getByTestId("action-assign").click();
    await pane.getByTestId("action-respond").click();
    await expect.poll(() => pane.getByTestId("log-status").textContent()).toBe("All changes saved to SharePoint.");
    expect(await pane.getByTestId("inquiry-status").textContent()).toBe("Responded · assigned to you");
    expect(await pane.getByTestId("clock-firstResponse").getAttribute("data-standing")).toBe("met");
    await page.reload();
    await expect.poll(() => pane.getByTestId("inquiry-status").textContent()).toBe("Responded · assigned to you");
    expect(await pane.getByTestId("clock-firstResponse").getAttribute("data-standing")).toBe("met");
    await page.context().close();
  });

  it("refuses a second advocate's assignment and says who has it, instead of overwriting", async () => {
    const ana = await open("s12", "ana@plan.example");
    const ben = await open("s12", "ben@plan.example");
    await expect.poll(() => ben.pane.getByTestId("inquiry-status").textContent()).toBe("New · not assigned");
    await ana.pane.getByTestId("action-assign").click();
    await expect.poll(() => ana.pane.getByTestId("log-status").textContent()).toBe("All changes saved to SharePoint.");
    await ben.pane.getByTestId("action-assign").click(); // ben's pane still shows it unassigned
    await expect.poll(() => ben.pane.getByTestId("log-conflicts").textContent(), { timeout: 15_000 }).toMatch(
      /Not saved: ana@plan\.example already has it \(assigned by ana@plan\.example\)/,
    );
    // at once, without a reload: the real assignee, not "assigned to you", and no "All changes saved"
    await expect.poll(() => ben.pane.getByTestId("inquiry-status").textContent(), { timeout: 10_000 }).toBe("Assigned · assigned to ana@plan.example");
    expect(await ben.pane.getByTestId("log-status").textContent()).not.toBe("All changes saved to SharePoint.");
    await ben.page.reload();
    await expect.poll(() => ben.pane.getByTestId("inquiry-status").textContent()).toBe("Assigned · assigned to ana@plan.example");
    await ana.page.context().close();
    await ben.page.context().close();
  });
});

describe("replying with a template", () => {
  it("puts the suggested template in a reply with the inquiry's confirmation number, records a draft (not a reply), and keeps the number", async () => {
    const { checkConfirmationNumber } = await import("../../src/domain/inquiry/confirmation");
    const { page, pane } = await open("s15", "ana@plan.example");
    await pane.getByTestId("template-insert").click();
    const draft = page.frameLocator("iframe.draft-body").locator("body");
    await expect.poll(() => draft.textContent(), { timeout: 15_000 }).toMatch(/Hello Monique Okafor,/);
    const number = /confirmation number: ([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})/.exec((await draft.textContent()) ?? "")?.[1];
    expect(number && checkConfirmationNumber(number)).toEqual({ valid: true, normalized: number });
    // the draft is not an acknowledgement until it goes: the inquiry is taken, its clocks run
    await expect.poll(() => pane.getByTestId("inquiry-status").textContent()).toBe("Assigned · assigned to you");
    await expect.poll(() => pane.getByTestId("log-status").textContent()).toBe("All changes saved to SharePoint.");
    expect(await pane.getByTestId("clock-firstResponse").getAttribute("data-standing")).not.toBe("met");
    await expect.poll(() => pane.getByTestId("draft-offer").textContent()).toMatch(/not recorded as sent/);
    // the advocate discards the draft (the harness's reload closes it): nothing was recorded as sent
    await page.reload();
    await expect.poll(() => pane.getByTestId("inquiry-status").textContent()).toBe("Assigned · assigned to you");
    expect(await pane.getByTestId("clock-firstResponse").getAttribute("data-standing")).not.toBe("met");
    expect(await pane.getByTestId("draft-offer").count()).toBe(0);
    await pane.getByTestId("template-insert").click();
    await expect.poll(() => draft.textContent(), { timeout: 15_000 }).toContain(number!);
    // this time it goes, and she says so: now it is acknowledged
    await pane.getByTestId("draft-mark-sent").click();
    await expect.poll(() => pane.getByTestId("inquiry-status").textContent()).toBe("Acknowledged · assigned to you");
    await expect.poll(() => pane.getByTestId("log-status").textContent()).toBe("All changes saved to SharePoint.");
    await page.context().close();
  });

  it("shows a member name that is markup as text in the reply, never as markup", async () => {
    const { page, pane } = await open("s28", "ana@plan.example");
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await pane.getByTestId("template-insert").click();
    const draft = page.frameLocator("iframe.draft-body").locator("body");
    await expect.poll(() => draft.textContent(), { timeout: 15_000 }).toContain("Hello <img src=x onerror=alert(1)>,");
    expect(await page.frameLocator("iframe.draft-body").locator("img").count()).toBe(0);
    expect(await pane.locator("img").count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });
});

describe("finding an inquiry by its confirmation number", () => {
  it("says when a typed number is mistyped, and finds the inquiry when it is right", async () => {
    const { page, pane } = await open("s09", "ana@plan.example");
    await pane.getByTestId("template-insert").click();
    const draft = page.frameLocator("iframe.draft-body").locator("body");
    await expect.poll(() => draft.textContent(), { timeout: 15_000 }).toMatch(/confirmation number: [2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}/);
    const number = /confirmation number: ([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})/.exec((await draft.textContent()) ?? "")![1]!;
    const swapped = number[1]! + number[0]! + number.slice(2);
    await pane.getByTestId("lookup-input").fill(swapped === number ? "K7QM-4TX0" : swapped.toLowerCase());
    await pane.getByTestId("lookup-button").click();
    await expect.poll(() => pane.getByTestId("lookup-answer").textContent()).toMatch(/mistyped|never use/);
    await pane.getByTestId("lookup-input").fill(number.toLowerCase().replace("-", " "));
    await pane.getByTestId("lookup-button").click();
    await expect.poll(() => pane.getByTestId("lookup-answer").textContent()).toBe(`${number}: “ASL interpreter for my appointment” — Assigned, with ana@plan.example.`);
    await page.context().close();
  });
});

describe("sending a reply (the harness's stand-in for Outlook's OnMessageSend)", () => {
  it("stops an unfilled placeholder, holds jargon with a choice to send anyway, and records a plain reply as the answer", async () => {
    // someone outside the team queue test's advocates, whose open work that test counts
    const { page, pane } = await open("s23", "dee@plan.example");
    await expect.poll(() => pane.getByTestId("inquiry-status").textContent()).toBe("New · not assigned");
    await expect.poll(() => pane.getByTestId("log-status").textContent()).toBe("All changes saved to SharePoint."); // taken in
    await page.getByTestId("harness-reply").click();
    const text = page.getByTestId("draft-text");
    await text.fill("Hello {memberName},\n\nThank you for your kind note. We are glad we could help.");
    await page.getByTestId("draft-send").click();
    await expect.poll(() => page.getByTestId("smart-alert").textContent()).toContain("Fill in {memberName} before sending");
    expect(await page.getByTestId("smart-alert-send-anyway").count()).toBe(0); // a placeholder cannot be sent anyway
    await page.getByTestId("smart-alert-back").click();
    await text.fill("Hello Evelyn,\n\nPer the EOB your claim was adjudicated under CPT 99213.");
    await page.getByTestId("draft-send").click();
    await expect.poll(() => page.getByTestId("smart-alert").textContent()).toContain("hard for the member to read");
    await page.getByTestId("smart-alert-back").click();
    await text.fill("Hello Evelyn,\n\nThank you for your kind note. We are glad we could help.");
    await page.getByTestId("draft-send").click();
    await expect.poll(() => page.getByTestId("sent-note").count()).toBe(1);
    // the reply that went is recorded in the inquiry's log: assigned to the sender and answered
    await page.reload();
    await expect.poll(() => pane.getByTestId("inquiry-status").textContent(), { timeout: 15_000 }).toBe("Responded · assigned to you");
    await page.context().close();
  });
});
