/**
 * `npm run bench`: the figures a reader can compare between runs.
 * - classifier throughput on 5 KB bodies (one core) and the time for one 1 MB body;
 * - SLA due-date computations per second, and whole-clock evaluations per second;
 * - the production bundle's initial JavaScript, gzip;
 * - time from item load to classification and clocks visible in headless Chromium.
 * Nothing leaves this machine: the browser talks to a localhost server only.
 */
import "fake-indexeddb/auto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { BusinessCalendar } from "../src/domain/calendar/calendar";
import { Classifier, type EmailInput } from "../src/domain/classify/classifier";
import { SHARED_MODEL_PATH, loadModel } from "../src/cli/model";
import react from "@vitejs/plugin-react";
import { createServer } from "node:http";
import { build } from "vite";
import { htmlToText } from "../src/domain/classify/text";
import { computeClocks, dueFrom } from "../src/domain/sla/clocks";
import { DEFAULT_POLICIES, findPolicy } from "../src/domain/sla/policies";
import { SAMPLES } from "../src/harness/samples";
import { checkPlainLanguage } from "../src/domain/templates/plain-language";
import { turnaroundReport } from "../src/domain/reports/turnaround";
import { seededRandom } from "../src/domain/random";
import { dailyReport } from "../src/domain/reports/daily";
import { leadQueue, openWork, suggestMany, workloads } from "../src/domain/team/queue";
import { generateInquiries } from "../test/fixtures/inquiries";
import { DEFAULT_TEMPLATES } from "../src/domain/templates/defaults";
import { renderTemplate, suggestTemplates } from "../src/domain/templates/templates";
import { buildHarness } from "../scripts/build-harness";
import { buildProduction } from "../scripts/build";
import { startHarnessServer } from "../scripts/server";
import { launch } from "../test/e2e/browser";
import { InquiryListClient } from "../src/adapters/graph/list-client";
import { LogSender } from "../src/adapters/graph/log-sender";
import { Outbox, type LogOp } from "../src/adapters/storage/outbox";
import type { InquiryRecord } from "../src/domain/inquiry/record";
import type { Action } from "../src/domain/inquiry/status";

/** A static file server on loopback for the yardstick pane. */
function serveStatic(dir: string, officeJsDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname.replace(/^\/+/, "") || "index.html";
    try {
      const safe = path.replace(/\.\.+/g, "");
      const body = readFileSync(safe.startsWith("office-js/") ? join(officeJsDir, safe.slice("office-js/".length)) : join(dir, safe));
      res.writeHead(200, { "content-type": types[path.slice(path.lastIndexOf("."))] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const a = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${a.port}/`, close: () => new Promise<void>((r) => server.close(() => r())) });
    }),
  );
}

interface Figure {
  name: string;
  value: number;
  unit: string;
  target: string;
  ok: boolean;
}
const figures: Figure[] = [];
const record = (name: string, value: number, unit: string, target: string, ok: boolean) => {
  figures.push({ name, value: Math.round(value * 100) / 100, unit, target, ok });
  console.log(`${ok ? "ok  " : "MISS"} ${name}: ${value.toLocaleString("en-US", { maximumFractionDigits: 2 })} ${unit} (target ${target})`);
};

function timeLoop(seconds: number, body: () => void): number {
  let n = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) body();
    n += 100;
  }
  return n / seconds;
}

// ---- classifier
// Two 5 KB corpora from the harness's sample emails (fictional): the usual shape of a 5 KB email in
// a shared mailbox (the sender's message, a signature, a disclaimer and the quoted replies below),
// and a single long letter (the message padded with more of its sender's own words).
const classifier = new Classifier({ model: loadModel() });
const texts = SAMPLES.filter((s) => s.body && s.body !== "__LARGE__").map((s) => s.body.replace(/<[^>]+>/g, " "));
const threads: EmailInput[] = texts.map((t, i) => {
  let body = `${t}\n\nKind regards,\nA. Sender\n(555) 010-0199\n\nCONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole use of the intended recipient(s) and may contain confidential information.\n`;
  let k = i + 1;
  while (body.length < 5 * 1024) {
    body += `\n-----Original Message-----\nFrom: Member Services\nSent: Monday, March 2, 2026 9:14 AM\nSubject: RE: your message\n\n${texts[k++ % texts.length]}\n`;
  }
  return { mailbox: "secure-message", from: "a.sender@example.com", subject: "RE: your message", body: body.slice(0, 5 * 1024), bodyType: "text" };
});
const filler = "I am writing about my coverage and the letter I received last week about my benefits. ";
const letters: EmailInput[] = texts.map((t) => {
  let body = `${t}\n\n`;
  while (body.length < 5 * 1024) body += filler;
  return { mailbox: "secure-message", from: "a.sender@example.com", subject: "Question", body: body.slice(0, 5 * 1024), bodyType: "text" };
});
const rate = (set: EmailInput[]) => {
  let k = 0;
  for (let i = 0; i < 3000; i++) classifier.classify(set[i % set.length]!); // warm up
  const runs = [1, 2, 3, 4, 5].map(() => timeLoop(1, () => classifier.classify(set[k++ % set.length]!))).sort((a, b) => a - b);
  return runs[2]!; // median of five one-second runs
};
// the machine's yardstick: a bare loop that reads and hashes every character of the same 5 KB bodies
// and does nothing else — the least any reader of the whole body pays; the classifier's rate is
// reported beside it as a multiple, so a figure from a slow or busy machine can be read
let sinkHash = 0;
const bareRate = (() => {
  let k = 0;
  const loop = () => {
    const b = threads[k++ % threads.length]!.body;
    let h = 0x811c9dc5;
    for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b.charCodeAt(i), 0x01000193);
    sinkHash ^= h;
  };
  for (let i = 0; i < 3000; i++) loop();
  return [1, 2, 3].map(() => timeLoop(1, loop)).sort((a, b) => a - b)[1]!;
})();
record("yardstick: a bare loop hashing every character of a 5 KB body (this machine)", bareRate, "bodies/s", "(reported)", sinkHash !== 0.5);
const threadRate = rate(threads);
record("classifier, 5 KB emails (message + signature + disclaimer + quoted replies)", threadRate, "emails/s", "≥ 10,000", threadRate >= 10_000);
const letterRate = rate(letters);
record("classifier, 5 KB single long letters", letterRate, "emails/s", "≥ 10,000", letterRate >= 10_000);
record("classifier, 5 KB emails, cost in bare character loops (yardstick ÷ rate)", bareRate / threadRate, "×", "(reported)", true);
// the worst case: long letters whose later paragraphs hold appeal, complaint or urgency words, which
// the classifier reads to the end on purpose (docs/decisions/0004-classifier-reading.md)
const dense: EmailInput[] = texts.map((t, i) => {
  let body = `${t}\n\n`;
  let k = i + 1;
  while (body.length < 5 * 1024) body += `${texts[k++ % texts.length]!.split("\n").filter((l) => l.length > 40).join(" ")} `;
  return { mailbox: "secure-message", from: "a.sender@example.com", subject: "Question", body: body.slice(0, 5 * 1024), bodyType: "text" };
});
const denseRate = rate(dense);
record("classifier, 5 KB letters full of precedence cues (read to the end; worst case)", denseRate, "emails/s", "(reported, no target)", true);
const big: EmailInput = { mailbox: "secure-message", from: "a@example.com", subject: "big", body: filler.repeat(Math.ceil((1024 * 1024) / filler.length)), bodyType: "text" };
const bigTimes: number[] = [];
for (let i = 0; i < 10; i++) {
  const t0 = performance.now();
  classifier.classify(big);
  bigTimes.push(performance.now() - t0);
}
bigTimes.sort((a, b) => a - b);
record("classifier, one 1 MB body (median of 10)", bigTimes[5]!, "ms", "< 50", bigTimes[5]! < 50);

// ---- a hostile 1 MB body: "<p" then a million "<" (quadratic string rules took a minute on 400 KB)
{
  const hostile = "<p" + "<".repeat(1024 * 1024);
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    htmlToText(hostile);
    classifier.classify({ mailbox: "secure-message", from: "a@example.com", subject: "x", body: hostile, bodyType: "html" });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  record("HTML to text and classify, adversarial 1 MB body (<p and 1 M '<', median of 10)", times[5]!, "ms", "< 50", times[5]! < 50);
}

// ---- plain-language check on a 5 KB reply (issue 4's target: under 5 ms)
{
  const reply = "Thank you for writing to us about your claim. We looked at it and we will pay the bill from the lab. You do not need to do anything. ";
  let text = "";
  while (text.length < 5 * 1024) text += reply;
  for (let i = 0; i < 50; i++) checkPlainLanguage(text);
  const t0 = performance.now();
  for (let i = 0; i < 200; i++) checkPlainLanguage(text);
  const ms = (performance.now() - t0) / 200;
  record("plain-language check, 5 KB reply", ms, "ms", "< 5", ms < 5);
}

// ---- suggesting and rendering a template (issue 4's target: under 5 ms)
{
  const ctx = { category: "claims_billing" as const, flags: ["account_verification_required" as const], policy: "secure-message", language: "es", mailbox: "contact-us" };
  const values = { memberName: "Pat <Lee>", confirmationNumber: "K7QM-4TXB", organisationName: "Org", memberServicesPhone: "1-800-555-0100", ttyPhone: "711", hours: "8-5" };
  for (let i = 0; i < 200; i++) renderTemplate(suggestTemplates(DEFAULT_TEMPLATES, ctx)[0]!, values);
  const t0 = performance.now();
  for (let i = 0; i < 2000; i++) renderTemplate(suggestTemplates(DEFAULT_TEMPLATES, ctx)[0]!, values);
  const ms = (performance.now() - t0) / 2000;
  record("suggest and render a template", ms, "ms", "< 5", ms < 5);
}

// ---- turnaround report over a year of 100,000 logged inquiries (issue 5's target: under 2 s)
{
  const rand = seededRandom(11);
  const start = Date.parse("2026-01-01T06:00:00Z");
  const records: InquiryRecord[] = Array.from({ length: 100_000 }, (_, i) => {
    const receivedAt = start + Math.floor(rand() * 365 * 86_400_000);
    return {
      internetMessageId: `<y${i}@x>`, subject: "", mailbox: "secure-message", receivedAt, senderAddress: "", senderType: "member", category: "general_inquiry",
      priority: "routine", flags: [], policy: "secure-message", status: "resolved", assignee: `adv${i % 12}@plan.example`, assignedBy: null, assignedAt: null,
      confirmationNumber: null, correctedFrom: {}, notes: "", history: [],
      events: [{ type: "acknowledged", at: receivedAt + 3_600_000 }, { type: "responded", at: receivedAt + rand() * 4 * 86_400_000 }, { type: "resolved", at: receivedAt + rand() * 12 * 86_400_000 }],
    };
  });
  const tatCalendar = new BusinessCalendar();
  const t0 = performance.now();
  turnaroundReport(records, tatCalendar, Date.parse("2026-01-01T00:00:00-06:00"), Date.parse("2027-01-01T00:00:00-06:00"), { policies: DEFAULT_POLICIES, now: Date.parse("2027-01-15T12:00:00Z") });
  const ms = performance.now() - t0;
  record("turnaround report, a year of 100,000 logged inquiries (with each policy's clocks judged)", ms, "ms", "< 2,000", ms < 2000);
  const d0 = performance.now();
  dailyReport(records, tatCalendar, DEFAULT_POLICIES, Date.parse("2026-10-05T10:00:00-05:00"));
  record("daily report over the same 100,000 inquiries", performance.now() - d0, "ms", "(no target)", true);
}

// ---- the lead's queue: 3,000 open inquiries ordered by business time left, loads and a spread suggestion
{
  const open = generateInquiries(3000, 5, Date.parse("2026-11-02T00:00:00-06:00"), 14).map((r) => (r.status === "resolved" ? { ...r, status: "inProgress" as const } : r));
  const team = Array.from({ length: 12 }, (_, i) => ({ address: `a${i}@plan.example`, name: `Advocate ${i}` }));
  const now = Date.parse("2026-11-16T10:00:00-06:00");
  const queueCalendar = new BusinessCalendar();
  const t0 = performance.now();
  let n = 0;
  for (let i = 0; i < 5; i++) {
    const items = openWork(open, queueCalendar, DEFAULT_POLICIES, now);
    const queue = leadQueue(items);
    suggestMany(queue.slice(0, 50), workloads(items, team));
    n += queue.length;
  }
  const ms = (performance.now() - t0) / 5;
  record(`lead's queue over 3,000 open inquiries (${Math.round(n / 5)} need a lead)`, ms, "ms", "< 200", ms < 200);
}

// ---- SLA
const calendar = new BusinessCalendar();
const starts: number[] = [];
for (let i = 0; i < 4096; i++) starts.push(Date.parse("2026-01-01T00:00:00Z") + Math.floor(((i * 7919) % 4096) / 4096 * 730 * 86_400_000));
const durations = [
  { unit: "businessDays", amount: 1 },
  { unit: "businessDays", amount: 5 },
  { unit: "businessDays", amount: 15 },
  { unit: "businessHours", amount: 4 },
] as const;
let j = 0;
let sink = 0;
for (let i = 0; i < 200_000; i++) sink += dueFrom(calendar, calendar.effectiveReceipt(starts[i % starts.length]!), durations[i % 4]!);
const duePerSecond = timeLoop(3, () => {
  const s = starts[j % starts.length]!;
  sink += dueFrom(calendar, calendar.effectiveReceipt(s), durations[j++ % 4]!);
});
record("SLA due-date computations", duePerSecond, "per s", "≥ 1,000,000", duePerSecond >= 1_000_000);
const policy = findPolicy("secure-message", DEFAULT_POLICIES)!;
const clocksPerSecond = timeLoop(2, () => {
  const s = starts[j++ % starts.length]!;
  sink += computeClocks({ policy, priority: "routine", receivedAt: s, events: [{ type: "responded", at: s + 3_600_000 }], now: s + 86_400_000 }, calendar).clocks.length;
});
record("SLA whole evaluations (2 clocks, states, minutes left)", clocksPerSecond, "per s", "(no target)", true);
if (sink === 42) console.log("");

// ---- bundle
const out = mkdtempSync(join(tmpdir(), "triage-bench-"));
await buildProduction("https://addin.example.org", out, join(import.meta.dirname, "..", "docs", "settings.example.json"));
const html = readFileSync(join(out, "taskpane.html"), "utf8");
const scripts = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.\/([^"]+\.js)"/g)].map((m) => m[1]!);
const gzip = scripts.reduce((sum, f) => sum + gzipSync(readFileSync(join(out, f)), { level: 9 }).length, 0);
record("initial JavaScript of the production pane (gzip)", gzip / 1024, "KB", "≤ 200", gzip / 1024 <= 200);
const classic = gzipSync(readFileSync(join(out, "commands.js")), { level: 9 }).length;
record("classic Outlook's JavaScript-only runtime script, commands.js (gzip)", classic / 1024, "KB", "< 30", classic / 1024 < 30);

// ---- the classifier's model: its size as the pane fetches it
{
  const model = readFileSync(SHARED_MODEL_PATH);
  record("classifier model asset (gzip)", gzipSync(model, { level: 9 }).length / 1024, "KB", "≤ 400", gzipSync(model, { level: 9 }).length / 1024 <= 400);
}

// ---- item load → visible, in headless Chromium
await buildHarness();
// the yardstick: an empty React + Fluent pane from the same toolchain, served from this machine
const emptyDir = mkdtempSync(join(tmpdir(), "triage-empty-pane-"));
await build({ configFile: false, root: join(import.meta.dirname, "empty-pane"), base: "./", logLevel: "warn", plugins: [react()], build: { outDir: emptyDir, emptyOutDir: true } });
// the same pane without office.js (the yardstick of earlier sessions), reported beside it
writeFileSync(join(emptyDir, "bare.html"), readFileSync(join(emptyDir, "index.html"), "utf8").replace(/<script\s+src="\/office-js\/office\.js"><\/script>/, ""));
const emptyServer = await serveStatic(emptyDir, join(import.meta.dirname, "..", "node_modules", "@microsoft", "office-js", "dist"));
const server = await startHarnessServer({ port: 0 });
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}harness/?now=${encodeURIComponent("2026-03-04T10:00:00-06:00")}`);
  const pane = page.frameLocator('iframe[data-testid="taskpane"]');
  await pane.getByTestId("category-badge").waitFor();
  const frame = page.frames().find((f) => f.url().includes("taskpane.html"))!;
  const inPane: number[] = [];
  const clickToVisible: number[] = [];
  const ids = SAMPLES.filter((s) => s.body !== "__LARGE__").map((s) => s.id);
  for (let round = 0; round < 3; round++) {
    for (const id of ids) {
      const subject = SAMPLES.find((s) => s.id === id)!.subject;
      await frame.evaluate(() => performance.clearMeasures("triage:item-to-visible"));
      const t0 = Date.now();
      await page.locator(`button[data-sample="${id}"]`).click();
      await pane.locator("#triage-subject", { hasText: subject }).waitFor();
      await pane.getByTestId("clocks").waitFor();
      clickToVisible.push(Date.now() - t0);
      const m = await frame.evaluate(async () => {
        for (let i = 0; i < 50; i++) {
          const e = performance.getEntriesByName("triage:item-to-visible");
          if (e.length) return e[e.length - 1]!.duration;
          await new Promise((r) => setTimeout(r, 10));
        }
        return -1;
      });
      if (m >= 0) inPane.push(m);
    }
  }
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))]!;
  record("item loaded → classification and clocks painted (pane, p95)", pct(inPane, 0.95), "ms", "≤ 300", pct(inPane, 0.95) <= 300);
  record("click in the message list → pane shows the new email (p95)", pct(clickToVisible, 0.95), "ms", "(≤ 300 for the pane's part)", true);

  // pane start → classification shown, cold (a new browser profile: nothing cached) and warm (a reload),
  // against the empty pane measured the same way in the same run
  // Two measures of each start: the whole page (the harness around the pane, too), and the pane's
  // own document, from its navigation to the first frame showing the answer — what Outlook's own
  // web view would see, and what the empty pane's figure measures.
  const startTimes = async (url: string, ready: (p: import("playwright-core").Page) => Promise<number>) => {
    const cold: number[] = [];
    const warm: number[] = [];
    const coldDoc: number[] = [];
    const warmDoc: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext();
      const p = await context.newPage();
      let t0 = Date.now();
      await p.goto(url);
      coldDoc.push(await ready(p));
      cold.push(Date.now() - t0);
      t0 = Date.now();
      await p.reload();
      warmDoc.push(await ready(p));
      warm.push(Date.now() - t0);
      await context.close();
    }
    return { cold: pct(cold, 0.5), warm: pct(warm, 0.5), coldDoc: pct(coldDoc, 0.5), warmDoc: pct(warmDoc, 0.5) };
  };
  const markTime = (frame: import("playwright-core").Frame, name: string) =>
    frame.waitForFunction((n) => performance.getEntriesByName(n)[0]?.startTime ?? 0, name).then((h) => h.jsonValue() as Promise<number>);
  const product = await startTimes(`${server.url}harness/?now=${encodeURIComponent("2026-03-04T10:00:00-06:00")}`, async (p) => {
    await p.frameLocator('iframe[data-testid="taskpane"]').getByTestId("category-badge").waitFor();
    const frame = p.frames().find((f) => f.url().includes("taskpane.html"))!;
    return markTime(frame, "triage:visible");
  });
  const emptyPainted = async (p: import("playwright-core").Page) => {
    await p.getByTestId("ready").waitFor();
    return markTime(p.mainFrame(), "empty:painted");
  };
  const empty = await startTimes(`${emptyServer.url}index.html`, emptyPainted);
  const bare = await startTimes(`${emptyServer.url}bare.html`, emptyPainted);
  record("pane start → classification shown, cold, whole harness page (median of 5)", product.cold, "ms", "(reported)", true);
  record("pane start → classification shown, warm, whole harness page (median of 5)", product.warm, "ms", "(reported)", true);
  record("pane document → classification painted, cold (median of 5)", product.coldDoc, "ms", "(reported)", true);
  record("empty React + Fluent pane document → painted, cold (median of 5)", empty.coldDoc, "ms", "(reported)", true);
  record("pane document → classification painted, warm (median of 5)", product.warmDoc, "ms", "(reported)", true);
  record("empty React + Fluent pane document → painted, warm (median of 5)", empty.warmDoc, "ms", "(reported)", true);
  record("the same empty pane without office.js → painted, cold (median of 5)", bare.coldDoc, "ms", "(reported)", true);
  const ratio = product.coldDoc / Math.max(1, empty.coldDoc);
  record("cold start, the pane's document over the empty pane's", ratio, "×", "≤ 1.3", ratio <= 1.3);
  record("cold start, the pane's document over the empty pane's without office.js", product.coldDoc / Math.max(1, bare.coldDoc), "×", "(reported)", true);
  const whole = product.cold / Math.max(1, empty.cold);
  record("cold start, the whole harness page over the empty pane's page", whole, "×", "(reported)", true);
} finally {
  await browser.close();
  await server.close();
  await emptyServer.close();
}

// ---- the SharePoint log against the local emulator
{
  const server = await startHarnessServer({ port: 0 });
  try {
    const client = new InquiryListClient({ baseUrl: `${server.url}graph/`, site: "harness", authProvider: { getAccessToken: async () => "bench" } });
    const outbox = await Outbox.open(`bench-${Date.now()}`);
    const sender = new LogSender(outbox, client, { calendar, policies: DEFAULT_POLICIES, now: () => Date.now() });
    const script: Action[] = [{ kind: "assign", to: "ana@plan.example" }, { kind: "acknowledge" }, { kind: "awaitInformation" }, { kind: "respond" }, { kind: "resolve" }];
    let seq = 0;
    let firstRequests = 0;
    let laterRequests = 0;
    let laterActions = 0;
    const times: number[] = [];
    for (let m = 0; m < 40; m++) {
      const id = `<bench${m}-${Date.now()}@x>`;
      const record: InquiryRecord = {
        internetMessageId: id, subject: "bench", mailbox: "secure-message", receivedAt: Date.now() - 3_600_000, senderAddress: "a@example.com",
        senderType: "member", category: "claims_billing", priority: "routine", flags: [], policy: "secure-message", status: "new",
        assignee: null, assignedBy: null, assignedAt: null, confirmationNumber: null, correctedFrom: {}, notes: "", history: [], events: [],
      };
      for (const [i, action] of script.entries()) {
        const op: LogOp = { opId: `b${seq}`, messageId: id, seq: seq++, createdAt: Date.now(), kind: "action", action, at: Date.now(), by: "ana@plan.example", record, state: "pending", attempts: 0, ...(action.kind === "assign" ? { expectedAssignee: null } : {}) };
        const t0 = performance.now();
        await outbox.add(op);
        const r = await sender.sendPending();
        times.push(performance.now() - t0);
        if (i === 0) firstRequests += r.requests;
        else {
          laterRequests += r.requests;
          laterActions++;
        }
      }
    }
    const perAction = laterRequests / laterActions;
    record("Graph round trips per pane action (an email already in the list)", perAction, "requests", "1", perAction <= 1);
    record("Graph round trips for the first action on a new email (look up, create, write)", firstRequests / 40, "requests", "(no target)", true);
    const sorted = [...times].sort((a, b) => a - b);
    record("pane action → logged in the emulator (median, stored first in IndexedDB)", sorted[Math.floor(sorted.length / 2)]!, "ms", "(no target)", true);
  } finally {
    await server.close();
  }
}

console.log(`\nBENCH ${JSON.stringify(Object.fromEntries(figures.map((f) => [f.name, `${f.value} ${f.unit}`])))}`);
if (figures.some((f) => !f.ok)) process.exitCode = 1;
