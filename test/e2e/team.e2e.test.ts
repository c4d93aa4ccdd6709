/**
 * Leads and advocates in the harness: emails taken in as they are opened, the lead's queue in
 * business-time order, assignment of several at once, each advocate's own work, and a conflicting
 * assignment refused rather than written over. The samples here are used by no other e2e file.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { SAMPLES, sampleMessageId } from "../../src/harness/samples";
import { BusinessCalendar } from "../../src/domain/calendar/calendar";
import { applyAction, type InquiryRecord } from "../../src/domain/inquiry/record";
import { logFields } from "../../src/adapters/sharepoint/row";
import { DEFAULT_POLICIES } from "../../src/domain/sla/policies";
import { launch, paneViolations, watch } from "./browser";

const BASE = inject("harnessUrl");
const NOW = "2026-03-04T10:00:00-06:00"; // a Wednesday, 10 a.m. in the plan's zone
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const mid = (sample: string) => sampleMessageId({ id: sample });

async function open(item: string, user: string): Promise<{ page: Page; pane: FrameLocator }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${BASE}harness/?now=${encodeURIComponent(NOW)}&item=${item}&user=${encodeURIComponent(user)}`);
  const pane = page.frameLocator('iframe[data-testid="taskpane"]');
  await pane.getByTestId("inquiry-status").waitFor();
  return { page, pane };
}

async function saved(pane: FrameLocator): Promise<void> {
  await expect.poll(() => pane.getByTestId("log-status").textContent(), { timeout: 15_000 }).toBe("All changes saved to SharePoint.");
}

async function pick(page: Page, pane: FrameLocator, id: string): Promise<void> {
  const sample = SAMPLES.find((s) => s.id === id)!;
  await page.locator(`button[data-sample="${id}"]`).click();
  await pane.locator("#triage-subject", { hasText: sample.subject }).waitFor();
  await pane.getByTestId("inquiry-status").waitFor();
}

async function rows(pane: FrameLocator, testId: string): Promise<{ id: string; left: number; assignee: string }[]> {
  const list = pane.getByTestId(`${testId}-row`);
  const out: { id: string; left: number; assignee: string }[] = [];
  for (let i = 0; i < (await list.count()); i++) {
    const r = list.nth(i);
    out.push({ id: (await r.getAttribute("data-message-id")) ?? "", left: Number((await r.getAttribute("data-minutes-left")) || Infinity), assignee: (await r.getAttribute("data-assignee")) ?? "" });
  }
  return out;
}

describe("a lead assigning from the pane", () => {
  it("queues the day's mail by business time left, assigns three to two advocates, shows each their own, and refuses a conflict", async () => {
    const lead = await open("s14", "lead@plan.example");
    const watched = watch(lead.page);
    // the lead looks through the new mail; each email is taken into the list as it is opened
    for (const id of ["s10", "s18", "s05", "s07"]) await pick(lead.page, lead.pane, id);
    await saved(lead.pane);
    expect(await lead.pane.getByTestId("tab-queue").count()).toBe(1);

    await lead.pane.getByTestId("tab-queue").click();
    await lead.pane.getByTestId("queue-row").first().waitFor();
    const queue = await rows(lead.pane, "queue");
    // the whole queue is in business-time order, and ours in the order their clocks give:
    // s14 (high priority, 2 h 20 min left), s10 (voicemail from yesterday, due at 5 pm today), then
    // three due at the end of Thursday, oldest first (s18 in the night, s05 before opening, s07 at 8:30)
    expect(queue.map((r) => r.left)).toEqual([...queue.map((r) => r.left)].sort((a, b) => a - b));
    const ours = ["s14", "s10", "s18", "s05", "s07"].map(mid);
    expect(queue.map((r) => r.id).filter((id) => ours.includes(id))).toEqual(ours);
    // (the harness clock starts at 10:00 and runs on, so a minute or two may have passed)
    expect(queue.find((r) => r.id === mid("s14"))?.left).toBeGreaterThanOrEqual(137);
    expect(queue.find((r) => r.id === mid("s14"))?.left).toBeLessThanOrEqual(140);
    expect(queue.find((r) => r.id === mid("s10"))?.left).toBeGreaterThanOrEqual(417);

    const pickRow = (id: string) => lead.pane.locator(`[data-testid="queue-row"][data-message-id="${mid(id)}"] input[type="checkbox"]`).check();
    const holder = async (id: string) => (await rows(lead.pane, "queue")).find((r) => r.id === mid(id))?.assignee ?? "not in the queue";
    await pickRow("s14");
    await pickRow("s18");
    await lead.pane.getByTestId("queue-assign-to").selectOption("ben@plan.example");
    await lead.pane.getByTestId("queue-assign").click();
    // once saved, the queue is read again: s14 (urgent, at risk) stays in it with ben; s18, on track with ben, leaves it
    await expect.poll(() => holder("s14"), { timeout: 15_000 }).toBe("ben@plan.example");
    expect(await holder("s18")).toBe("not in the queue");

    // meanwhile an advocate takes s07 herself; the lead's queue still shows it unassigned
    const ana = await open("s07", "ana@plan.example");
    await ana.pane.getByTestId("action-assign").click();
    await saved(ana.pane);
    expect(await holder("s07")).toBe("");

    await pickRow("s10");
    await pickRow("s07");
    await lead.pane.getByTestId("queue-assign-to").selectOption("cam@plan.example");
    await lead.pane.getByTestId("queue-assign").click();

    await expect.poll(() => lead.pane.getByTestId("queue-conflicts").textContent(), { timeout: 15_000 }).toMatch(/ana@plan\.example already has it \(assigned by ana@plan\.example\)/);
    // after the refusal the queue is read again from the list: s07 is still ana's
    await expect.poll(async () => (await rows(lead.pane, "queue")).find((r) => r.id === mid("s07"))?.assignee ?? "gone", { timeout: 15_000 }).not.toBe("cam@plan.example");
    await expect.poll(() => lead.pane.locator('[data-testid="workload-row"][data-address="ben@plan.example"] [data-testid="workload-open"]').textContent()).toBe("2");

    // each advocate's pane shows their own work
    const mine = async (user: string) => {
      const p = await open("s01", user);
      await p.pane.getByTestId("tab-mine").click();
      await p.pane.getByTestId("my-work").or(p.pane.getByTestId("my-work-empty")).waitFor();
      const ids = (await rows(p.pane, "my-work")).map((r) => r.id).filter((id) => ours.includes(id));
      expect(await p.pane.getByTestId("tab-queue").count()).toBe(0); // advocates have no team queue
      await p.page.context().close();
      return ids;
    };
    expect(await mine("ben@plan.example")).toEqual([mid("s14"), mid("s18")]);
    expect(await mine("cam@plan.example")).toEqual([mid("s10")]);
    expect(await mine("ana@plan.example")).toEqual([mid("s07")]);

    // the lead gives the open email to someone from the email's own view, too
    await pick(lead.page, lead.pane, "s05");
    await lead.pane.getByTestId("assign-to").selectOption("cam@plan.example");
    await lead.pane.getByTestId("assign-to-button").click();
    await expect.poll(() => lead.pane.getByTestId("inquiry-status").textContent()).toBe("Assigned · assigned to cam@plan.example");
    await saved(lead.pane);
    await lead.pane.getByTestId("tab-queue").click();
    await lead.pane.getByTestId("queue-row").first().waitFor();

        // the queue view passes the same accessibility scan as the rest of the pane
    expect(await paneViolations(lead.page)).toEqual([]);
    expect(new Set(watched.requests.map((u) => new URL(u).hostname))).toEqual(new Set(["localhost"]));
    await ana.page.context().close();
    await lead.page.context().close();
  });
});

describe("a manager's turnaround view", () => {
  it("shows the share resolved within each goal for the chosen period, with charts and the numbers, from the list", async () => {
    // twenty inquiries received in June 2025, logged as the panes would have logged them
    const calendar = new BusinessCalendar();
    const at = (iso: string) => Date.parse(iso);
    const make = (i: number, resolvedAt: string | null): InquiryRecord => {
      let r: InquiryRecord = {
        internetMessageId: `<tat-${i}@e2e.example>`, subject: `June inquiry ${i}`, mailbox: i % 2 ? "secure-message" : "contact-us", receivedAt: at("2025-06-02T09:00:00-05:00"),
        senderAddress: "m@example.com", senderType: "member", category: "general_inquiry", priority: "routine", flags: [], policy: "secure-message", status: "new",
        assignee: null, assignedBy: null, assignedAt: null, confirmationNumber: `TAT-${i}`, correctedFrom: {}, notes: "", history: [], events: [],
      };
      r = applyAction(r, { kind: "assign", to: "ana@plan.example" }, at("2025-06-02T09:30:00-05:00"), "lead@plan.example");
      r = applyAction(r, { kind: "respond" }, at("2025-06-02T10:00:00-05:00"), "ana@plan.example");
      return resolvedAt ? applyAction(r, { kind: "resolve" }, at(resolvedAt), "ana@plan.example") : r;
    };
    const records = [
      ...Array.from({ length: 15 }, (_, i) => make(i, "2025-06-03T15:00:00-05:00")), // 1 business day
      ...Array.from({ length: 3 }, (_, i) => make(15 + i, "2025-06-06T15:00:00-05:00")), // 4 business days
      make(18, "2025-06-18T15:00:00-05:00"), // 12 business days
      make(19, null),
    ];
    for (const r of records) {
      const res = await fetch(`${BASE}graph/v1.0/sites/harness/lists/${encodeURIComponent("Member Inquiries")}/items`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ fields: { ...logFields(r, calendar, DEFAULT_POLICIES, at("2025-07-01T12:00:00Z")), AppliedOps: "" } }),
      });
      expect(res.status).toBe(201);
    }

    const manager = await open("s01", "manager@plan.example");
    expect(await manager.pane.getByTestId("tab-queue").count()).toBe(0); // a manager who is not a lead has no queue
    await manager.pane.getByTestId("tab-turnaround").click();
    await manager.pane.getByTestId("tat-from").fill("2025-06-01");
    await manager.pane.getByTestId("tat-to").fill("2025-06-30");
    await manager.pane.getByTestId("tat-show").click();
    await expect.poll(() => manager.pane.getByTestId("tat-summary").textContent(), { timeout: 15_000 }).toMatch(/^20 inquiries received from 2025-06-01 to 2025-06-30; 1 not yet resolved/);
    const goals = (await manager.pane.getByTestId("tat-goals").textContent()) ?? "";
    expect(goals).toContain("Resolved within 2 business days: 75.0% (goal 95%) not met");
    expect(goals).toContain("Resolved within 5 business days: 90.0% (goal 98%) not met");
    expect(goals).toContain("Resolved within 15 business days: 95.0% (goal 100%) not met");
    const secure = manager.pane.locator('[data-testid="tat-table-mailbox"] [data-key="secure-message"] td');
    expect(await secure.nth(1).textContent()).toBe("10");
    expect(await secure.nth(3).textContent()).toBe("100% / 100% / 100%"); // every one answered within the hour
    expect(await secure.nth(6).textContent()).toBe("– / 100% / 90%"); // its policy: no acknowledgement clock; the unresolved one ran out
    expect(await manager.pane.locator('svg[role="img"]').count()).toBe(3); // by mailbox, advocate and week

    expect(await paneViolations(manager.page)).toEqual([]);
    await manager.page.context().close();
  });
});
