import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Client } from "@microsoft/microsoft-graph-client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { correctionRecord } from "../src/app/corrections";
import { provisionCorrectionsList, writeCorrection } from "../src/adapters/sharepoint/corrections-list";
import { listTenantModels, loadActiveTenantModel, provisionModelsList, publishTenantModel, setActiveTenantModel } from "../src/adapters/sharepoint/tenant-models";
import { loadModel } from "../src/cli/model";
import { Classifier } from "../src/domain/classify/classifier";
import { applyAdjustment, fitAdjustment } from "../src/domain/classify/tenant";
import type { LabelledEmail } from "../src/domain/classify/training";
import { SharePointEmulator } from "../src/harness/emulator/store";
import { startHarnessServer, type HarnessServer } from "../scripts/server";
import { trainTenant } from "../scripts/train-tenant";

const shared = loadModel();
const corpus = (w: string) =>
  readFileSync(resolve(import.meta.dirname, "..", "corpus", "writers", `${w}.jsonl`), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledEmail);

let server: HarnessServer;
// a fresh emulator per test: it keeps one set of lists whatever the site
beforeEach(async () => {
  server = await startHarnessServer({ port: 0, emulator: new SharePointEmulator() });
});
afterEach(async () => {
  await server?.close();
});
const client = () =>
  Client.initWithMiddleware({ baseUrl: `${server.url}graph/`, defaultVersion: "v1.0", customHosts: new Set(["localhost"]), authProvider: { getAccessToken: async () => "t" } });

let k = 0;
async function correct(site: string, rows: readonly LabelledEmail[], relabel?: (e: LabelledEmail) => LabelledEmail["expected"]) {
  await provisionCorrectionsList(client(), site);
  const c = new Classifier({ model: shared });
  for (const [i, e] of rows.entries()) {
    const got = c.classify(e);
    const labels = relabel ? relabel(e) : e.expected;
    const kind = got.category === labels.category && got.priority === labels.priority ? "confirmation" : "correction";
    await writeCorrection(client(), site, correctionRecord({ email: e, labels, kind, shared, classifiedBy: shared.header.version, advocate: ["ana@plan.example", "ben@plan.example", "cam@plan.example"][i % 3]!, now: new Date(Date.UTC(2026, 2, 4, 15, 0, i)), newKey: () => `key-${++k}` }));
  }
}

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const w = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => ((out += String(s)), true));
  try {
    return { code: await trainTenant(args), out };
  } finally {
    w.mockRestore();
    e.mockRestore();
  }
}

describe("the tenant's model in the site", () => {
  it("is published as a version panes load, shown in the classification's model version, and rolled back in one command", async () => {
    const site = "publish";
    const rows = corpus("w05").slice(0, 60);
    await correct(site, rows);
    const { readCorrections } = await import("../src/adapters/sharepoint/corrections-list");
    const { examples } = await readCorrections(client(), site);
    const adjustment = fitAdjustment(shared, examples, { version: "tenant-v1" });
    expect(await loadActiveTenantModel(client(), site)).toBeNull(); // no list yet: the shared model
    await provisionModelsList(client(), site);
    await publishTenantModel(client(), site, adjustment, "figures", "test", new Date(Date.UTC(2026, 2, 5)));
    const loaded = await loadActiveTenantModel(client(), site);
    expect(loaded?.header.version).toBe("tenant-v1");
    const pane = new Classifier({ model: applyAdjustment(shared, loaded!) });
    expect(pane.classify(rows[0]!).modelVersion).toBe(`${shared.header.version}+tenant-v1`);
    // the adjustment changed some weights, within its bounds
    expect(Math.max(...loaded!.weights.map(Math.abs))).toBeLessThanOrEqual(0.5 + 0.01);
    expect(loaded!.weights.some((w) => w !== 0)).toBe(true);

    await setActiveTenantModel(client(), site, "none", "test", new Date(Date.UTC(2026, 2, 6)));
    expect(await loadActiveTenantModel(client(), site)).toBeNull();
    await setActiveTenantModel(client(), site, "tenant-v1", "test", new Date(Date.UTC(2026, 2, 7)));
    expect((await loadActiveTenantModel(client(), site))?.header.version).toBe("tenant-v1");
    await expect(setActiveTenantModel(client(), site, "tenant-v9", "test", new Date())).rejects.toThrow(/no tenant model tenant-v9/);
    expect((await listTenantModels(client(), site)).models.map((m) => m.version)).toEqual(["tenant-v1"]);
  });

  it("is not published when the corrections would make it worse (every grievance and appeal relabelled)", async () => {
    const site = "poisoned";
    // a writer's 200 emails: anchored by the corpus (decision 72), a few dozen such corrections do not move the fit at all
    const rows = corpus("w07");
    await correct(site, rows, (e) => (e.expected.category === "grievance" || e.expected.category === "appeal" ? { ...e.expected, category: "general_inquiry" } : e.expected));
    const r = await run(["--site", site, "--base-url", `${server.url}graph/`]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Not published \(the guard rails\): .*below the shared model's/);
    expect(await loadActiveTenantModel(client(), site)).toBeNull();
    expect((await run(["--site", site, "--base-url", `${server.url}graph/`, "--models"])).out).toMatch(/active: none/);
  });

  it("cannot be swung by one correction, nor by two of a label", async () => {
    const site = "swing";
    const rows = corpus("w03").slice(0, 2);
    await correct(site, rows, (e) => ({ ...e.expected, category: "out_of_scope" }));
    const { readCorrections } = await import("../src/adapters/sharepoint/corrections-list");
    const { examples } = await readCorrections(client(), site);
    const once = fitAdjustment(shared, [examples[0]!], { version: "tenant-v1" });
    expect(once.weights.every((w) => w === 0)).toBe(true);
    const twice = fitAdjustment(shared, examples, { version: "tenant-v1" });
    const c = new Classifier({ model: applyAdjustment(shared, twice) });
    const base = new Classifier({ model: shared });
    for (const e of rows) expect(c.classify(e).category).toBe(base.classify(e).category);
  });

  it("says what it read and decided, and a rollback to none answers in words", async () => {
    const site = "command";
    await correct(site, corpus("w09").slice(0, 60));
    const r = await run(["--site", site, "--base-url", `${server.url}graph/`]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^60 corrections and confirmations read/);
    expect(r.out).toMatch(/shipped sets: category [\d.]+ → [\d.]+/);
    expect(r.out).toMatch(/held-out corrections: category [\d.]+ → [\d.]+, G&A recall/);
    expect(r.out).toMatch(/Published tenant-v1|Not published/);
    const back = await run(["--site", site, "--base-url", `${server.url}graph/`, "--rollback", "none"]);
    expect(back.out).toBe("Panes use the shared model alone from their next start.\n");
    expect(await loadActiveTenantModel(client(), site)).toBeNull();
    expect((await run(["--site", site, "--base-url", "ftp://x"])).code).toBe(2);
  });
});
