/**
 * The harness in real headless Chromium: pick emails as an advocate would and check what the pane
 * shows; scan it with axe-core; and hold it to the rules that matter for member data (nothing
 * fetched beyond localhost, nothing run from an email, nothing about a member on the console).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { SAMPLES } from "../../src/harness/samples";
import { launch, paneViolations, watch, type Watched } from "./browser";

const BASE = inject("harnessUrl");
const NOW = "2026-03-04T10:00:00-06:00"; // a Wednesday, mid-morning in the plan's zone
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openHarness(query = "", options: { forcedColors?: "active" } = {}): Promise<{ page: Page; pane: FrameLocator; watched: Watched }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, timezoneId: "America/New_York", ...options });
  const page = await context.newPage();
  const watched = watch(page);
  await page.goto(`${BASE}harness/?now=${encodeURIComponent(NOW)}${query}`);
  const pane = page.frameLocator('iframe[data-testid="taskpane"]');
  await pane.getByTestId("category-badge").waitFor();
  return { page, pane, watched };
}

async function pick(page: Page, pane: FrameLocator, id: string): Promise<void> {
  const sample = SAMPLES.find((s) => s.id === id)!;
  await page.locator(`button[data-sample="${id}"]`).click();
  await pane.locator("#triage-subject", { hasText: sample.subject }).waitFor();
}

describe("the task pane in the harness", () => {
  it("shows the first email's classification, its instruction and its clocks, and says it runs on the emulator", async () => {
    const { page, pane } = await openHarness();
    await expect(pane.getByTestId("emulator-banner").textContent()).resolves.toMatch(/local harness/i);
    await expect(pane.getByTestId("category-badge").textContent()).resolves.toBe("Appeal");
    await expect(pane.getByTestId("instructions").textContent()).resolves.toMatch(/Forward to the Appeals & Grievances coordinator now/);
    await expect(pane.getByTestId("instructions").textContent()).resolves.toMatch(/Refer to clinical staff/);
    await expect(pane.getByTestId("model-version").textContent()).resolves.toMatch(/Classified by model shared-[0-9a-f]{10}/);
    await expect(pane.getByTestId("clock-firstResponse").getAttribute("data-standing")).resolves.toBe("onTrack");
    await expect(pane.getByTestId("reasons").textContent()).resolves.toMatch(/reconsider/);
    await page.context().close();
  });

  it("follows the selection like a pinned pane, with badges, instructions and clock states in colour and words", async () => {
    const { page, pane } = await openHarness();
    await pick(page, pane, "s03");
    expect(await pane.getByTestId("category-badge").textContent()).toBe("Authorization");
    expect(await pane.getByTestId("priority-badge").textContent()).toBe("High priority");
    expect(await pane.getByTestId("sender-badge").textContent()).toBe("Internal / state partner");
    const instructions = await pane.getByTestId("instructions").textContent();
    expect(instructions).toMatch(/High priority: respond within 4 business hours/);
    const first = pane.getByTestId("clock-firstResponse");
    expect(await first.getAttribute("data-standing")).toBe("atRisk");
    expect(await first.getByTestId("clock-standing").textContent()).toBe("At risk");
    expect(await first.getByTestId("clock-left").textContent()).toMatch(/^(2 h|1 h 59 min) left$/);
    expect(await first.getByTestId("clock-due").textContent()).toMatch(/Due Wed, Mar 4, 12:00 PM CST \(plan time, America\/Chicago\) · Wed, Mar 4, 1:00 PM EST your time/);

    await pick(page, pane, "s20");
    expect(await pane.getByTestId("category-badge").textContent()).toBe("Grievance");
    expect(await pane.getByTestId("clock-firstResponse").getAttribute("data-standing")).toBe("breached");
    expect(await pane.getByTestId("clock-firstResponse").getByTestId("clock-left").textContent()).toMatch(/ overdue$/);
    expect(await pane.getByTestId("instructions").textContent()).toMatch(/Repeat contact/);

    await pick(page, pane, "s04");
    expect(await pane.getByTestId("category-badge").textContent()).toBe("Out of scope");
    expect(await pane.getByTestId("instructions").textContent()).toMatch(/Missing: Agent Name; Agent SAN; Member ID #; Member Name; Summary of issue/);
    expect(await pane.getByTestId("clock-acknowledgement").isVisible()).toBe(true);

    await pick(page, pane, "s11");
    expect(await pane.getByTestId("instructions").textContent()).toMatch(/Verify identity before sharing account details/);

    await pick(page, pane, "s06");
    expect(await pane.getByTestId("instructions").textContent()).toMatch(/Written in Spanish/);
    await page.context().close();
  });

  it("lets an advocate correct the priority; the clocks follow, and the correction survives a reload", async () => {
    const { page, pane } = await openHarness("&item=s06");
    expect(await pane.getByTestId("clock-firstResponse").getByTestId("clock-due").textContent()).toMatch(/Due Thu, Mar 5, 5:00 PM CST/);
    await pane.getByTestId("correct-priority").selectOption("high");
    await pane.getByTestId("corrected-note").waitFor();
    expect(await pane.getByTestId("priority-badge").textContent()).toBe("High priority");
    expect(await pane.getByTestId("clock-firstResponse").getByTestId("clock-due").textContent()).toMatch(/Due Wed, Mar 4, 1:15 PM CST/);
    await page.reload();
    await pane.getByTestId("corrected-note").waitFor();
    expect(await pane.getByTestId("priority-badge").textContent()).toBe("High priority");
    await pane.getByTestId("undo-correction").click();
    await pane.getByTestId("corrected-note").waitFor({ state: "detached" });
    expect(await pane.getByTestId("priority-badge").textContent()).toBe("Routine");
    await page.context().close();
  });

  it("counts down each minute", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.clock.install({ time: new Date("2026-03-04T15:00:00Z") });
    const page = await context.newPage();
    await page.goto(`${BASE}harness/?item=s03`); // under a day left: the countdown shows its minutes
    const pane = page.frameLocator('iframe[data-testid="taskpane"]');
    const left = pane.getByTestId("clock-firstResponse").getByTestId("clock-left");
    await left.waitFor();
    const minutes = (text: string | null) => {
      const m = /^(?:(\d+) days? ?)?(?:(\d+) h ?)?(?:(\d+) min)? left$/.exec(text ?? "");
      if (!m) throw new Error(`not a countdown: ${text}`);
      return Number(m[1] ?? 0) * 540 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
    };
    const before = minutes(await left.textContent());
    await context.clock.runFor(3 * 60_000);
    await expect.poll(async () => before - minutes(await left.textContent()), { timeout: 5000 }).toBe(3);
    await context.close();
  });

  it("never runs an email's script or fetches its tracking image", async () => {
    const { page, pane, watched } = await openHarness();
    await pick(page, pane, "s17");
    expect(await pane.getByTestId("category-badge").textContent()).toBe("Portal access");
    await page.waitForTimeout(300);
    expect(await page.title()).not.toBe("pwned");
    expect(watched.dialogs).toEqual([]);
    expect(watched.requests.filter((u) => u.includes("tracker.invalid"))).toEqual([]);
    const body = page.frameLocator("iframe.html-body").locator("body");
    await expect.poll(() => body.textContent(), { timeout: 10_000 }).toContain("invalid credentials");
    expect(await body.textContent()).not.toContain("pwned");
    await page.context().close();
  });

  it("answers awkward input with a clear message: empty body, 5 MB body, unknown mailbox, no UTC offset", async () => {
    const { page, pane } = await openHarness();
    await pick(page, pane, "s25");
    expect(await pane.getByTestId("input-warnings").textContent()).toMatch(/no body text/);
    await pick(page, pane, "s27");
    expect(await pane.getByTestId("input-warnings").textContent()).toMatch(/only the first 1.2 million characters were read/);
    expect(await pane.getByTestId("category-badge").textContent()).toBe("Claims & billing");
    await pick(page, pane, "s24");
    expect(await pane.getByTestId("input-warnings").textContent()).toMatch(/choose the mailbox/);
    await pane.getByTestId("correct-mailbox").selectOption("secure-message");
    await expect.poll(() => pane.getByTestId("input-warnings").count()).toBe(0);
    await pick(page, pane, "s26");
    expect(await pane.getByTestId("input-warnings").textContent()).toMatch(/no UTC offset; read as America\/Chicago time/);
    await page.context().close();
  });

  it("has no axe-core accessibility violations (WCAG 2.2 AA) on the emails it shows", async () => {
    const { page, pane } = await openHarness();
    const violations: string[] = [];
    for (const id of ["s01", "s03", "s04", "s20", "s24", "s27"]) {
      await pick(page, pane, id);
      for (const v of await paneViolations(page)) violations.push(`${id}: ${v}`);
    }
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it("follows Office's dark theme and the system's high contrast, with no axe-core violations in either", async () => {
    for (const [query, options, expected] of [
      ["&theme=dark", {}, "dark"],
      ["&theme=light", { forcedColors: "active" as const }, "highContrast"],
    ] as const) {
      const { page, pane } = await openHarness(query, options);
      expect(await pane.locator("[data-theme]").first().getAttribute("data-theme")).toBe(expected);
      const violations: string[] = [];
      for (const id of ["s01", "s04", "s20", "s27"]) {
        await pick(page, pane, id);
        for (const v of await paneViolations(page)) violations.push(`${expected} ${id}: ${v}`);
      }
      expect(violations).toEqual([]);
      await page.context().close();
    }
  });

  it("with read-only access to the shared mailbox, says the advocate can read it but not act, and offers no actions or templates", async () => {
    const { page, pane } = await openHarness("&access=read");
    const notice = pane.getByTestId("read-only-mailbox");
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/You can read \S+@plan\.example but not act in it/);
    await page.waitForTimeout(1500); // the log has had time to load
    expect(await pane.getByTestId("inquiry-status").count()).toBe(0);
    expect(await pane.getByTestId("template-select").count()).toBe(0);
    expect(await paneViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("sends nothing beyond localhost and writes nothing about a member to the console", async () => {
    const { page, pane, watched } = await openHarness();
    for (const s of SAMPLES) await pick(page, pane, s.id);
    const hosts = new Set(watched.requests.map((u) => new URL(u).hostname).filter((h) => h !== ""));
    expect([...hosts].filter((h) => h !== "localhost" && h !== "127.0.0.1")).toEqual([]);
    const consoleText = watched.console.join("\n");
    for (const s of SAMPLES) {
      expect(consoleText).not.toContain(s.fromName);
      expect(consoleText).not.toContain(s.from);
      if (s.subject.length > 8) expect(consoleText).not.toContain(s.subject);
    }
    expect(consoleText).not.toMatch(/PLH-/);
    await page.context().close();
  });
});

describe("the pane outside the harness", () => {
  it("does not hang when office.js cannot load: it says so", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route("**/office-js/office.js", (r) => r.abort());
    await page.goto(`${BASE}taskpane.html`);
    await expect(page.getByRole("alert").textContent()).resolves.toMatch(/office\.js\) did not load/);
    await context.close();
  });

  it("says it runs inside Outlook when opened in a plain browser tab", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${BASE}taskpane.html`);
    // office.js loads (from the server, as in Outlook) and finds no Outlook host: that, not a load failure
    await expect.poll(() => page.getByRole("alert").textContent(), { timeout: 12_000 }).toMatch(/runs inside Outlook/);
    expect(await page.getByRole("alert").textContent()).toBe("This pane runs inside Outlook. Open an email in Outlook and start the add-in from the ribbon.");
    await context.close();
  });
});
