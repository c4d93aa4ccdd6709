import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Client } from "@microsoft/microsoft-graph-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { correctionRecord } from "../../app/corrections";
import { loadModel } from "../../cli/model";
import type { LabelledEmail } from "../../domain/classify/training";
import { SharePointEmulator } from "../../harness/emulator/store";
import { startHarnessServer, type HarnessServer } from "../../../scripts/server";
import { CORRECTIONS_LIST_NAME, fieldsToExample, provisionCorrectionsList, readCorrections, writeCorrection } from "./corrections-list";

const shared = loadModel();
const corpus = (w: string) =>
  readFileSync(resolve(import.meta.dirname, "..", "..", "..", "corpus", "writers", `${w}.jsonl`), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledEmail);
// emails with names, member ids, phone numbers and addresses in them
const emails = [...corpus("w01").slice(0, 4), ...corpus("w06").slice(0, 4), ...corpus("w12").slice(0, 4)];

let server: HarnessServer;
let emulator: SharePointEmulator;
beforeAll(async () => {
  emulator = new SharePointEmulator();
  server = await startHarnessServer({ port: 0, emulator });
});
afterAll(async () => {
  await server?.close();
});
const client = () =>
  Client.initWithMiddleware({ baseUrl: `${server.url}graph/`, defaultVersion: "v1.0", customHosts: new Set(["localhost"]), authProvider: { getAccessToken: async () => "t" } });

let n = 0;
const record = (e: LabelledEmail, kind: "correction" | "confirmation" = "correction") =>
  correctionRecord({ email: e, labels: e.expected, kind, shared, classifiedBy: shared.header.version, advocate: "Ana@plan.example", now: new Date(Date.UTC(2026, 2, 4, 15, 0, n)), newKey: () => `k-${++n}` });

describe("the Triage Corrections list", () => {
  it("is provisioned with the harness's lists, and provisioning again changes nothing", async () => {
    // the harness server brings its site's lists up to date at start, as npm run provision does a tenant's
    expect(emulator.handle({ method: "GET", url: `/sites/contoso/lists/${encodeURIComponent(CORRECTIONS_LIST_NAME)}`, headers: {} }).status).toBe(200);
    expect(await provisionCorrectionsList(client(), "contoso")).toEqual({ created: false, changes: [] });
  });

  it("holds no text, subject, address, id or digit run of the corrected emails, and who and when", async () => {
    for (const e of emails) await writeCorrection(client(), "contoso", record(e));
    const items = emulator.handle({ method: "GET", url: `/sites/contoso/lists/${encodeURIComponent(CORRECTIONS_LIST_NAME)}/items?expand=fields`, headers: {} }).body as { value: { fields: Record<string, unknown> }[] };
    expect(items.value).toHaveLength(emails.length);
    // the labels are the contract's closed vocabularies, the versions the models' names: the rest is what could leak
    const labelled = ["Title", "Kind", "Category", "SenderType", "Priority", "Flags", "BaseModel", "ClassifiedBy", "CorrectedBy", "CorrectedAt"];
    for (const { fields } of items.value) {
      expect(fields["Kind"]).toBe("correction");
      expect([fields["BaseModel"], fields["ClassifiedBy"]]).toEqual([shared.header.version, shared.header.version]);
    }
    const stored = JSON.stringify(items.value.map(({ fields }) => Object.fromEntries(Object.entries(fields).filter(([k]) => !labelled.includes(k) && !/^(?:@odata|id$|Created|Modified|ContentType|Edit|_|Attachments|Author|LinkTitle)/.test(k)))));
    expect(stored).toContain("Features");
    for (const e of emails) {
      expect(stored).not.toContain(e.subject);
      expect(stored.toLowerCase()).not.toContain(String(e.from).toLowerCase());
      for (const w of `${e.subject} ${e.body}`.match(/\p{L}{7,}/gu) ?? []) expect(stored).not.toContain(w);
      for (const r of `${e.subject} ${e.body} ${e.from}`.match(/\d{4,}/g) ?? []) expect(stored).not.toContain(r);
      for (const id of `${e.subject} ${e.body}`.match(/\b(?=\w*\d)(?=\w*[A-Za-z])[\w-]{5,}\b/g) ?? []) expect(stored).not.toContain(id);
    }
    const f = items.value[0]!.fields;
    expect(f["CorrectedBy"]).toBe("ana@plan.example");
    expect(f["CorrectedAt"]).toMatch(/^2026-03-04T15:00:\d\dZ$/);
    // no link to the inquiry: no message or conversation id, no confirmation number
    expect(Object.keys(f).filter((k) => /message|conversation|confirmation|inquiry/i.test(k))).toEqual([]);
  });

  it("reads back as training examples, oldest first, skipping an item that is not one", async () => {
    emulator.handle({ method: "POST", url: `/sites/contoso/lists/${encodeURIComponent(CORRECTIONS_LIST_NAME)}/items`, headers: {}, body: { fields: { CorrectionKey: "bad", Kind: "correction", Category: "claims_billing", SenderType: "member", Priority: "routine", Features: "<img src=x onerror=alert(1)>", CorrectedAt: "2026-03-05T00:00:00Z" } } });
    const r = await readCorrections(client(), "contoso");
    expect(r.examples).toHaveLength(emails.length);
    expect(r.skipped).toEqual([expect.stringMatching(/^item \S+: features are not base64$/)]);
    expect(r.examples[0]!.labels.category).toBe(emails[0]!.expected.category);
    expect(r.examples[0]!.base?.version).toBe(shared.header.version);
    expect(r.examples[0]!.weight).toBe(1);
    expect(fieldsToExample({ Category: "nonsense" })).toBe("unknown category");
  });

  it("stores a retried write once, and the same key written again holds the newer labels", async () => {
    const c = record(emails[0]!, "confirmation");
    await writeCorrection(client(), "contoso", c);
    await writeCorrection(client(), "contoso", c);
    const r = await readCorrections(client(), "contoso");
    expect(r.examples.filter((e) => e.weight < 1)).toHaveLength(1);
    // the advocate corrects the email they had confirmed: the same item, now a correction to another category
    const other = emails[0]!.expected.category === "grievance" ? "appeal" : "grievance";
    await writeCorrection(client(), "contoso", { ...c, kind: "correction", labels: { ...c.labels, category: other } });
    const after = await readCorrections(client(), "contoso");
    expect(after.examples).toHaveLength(r.examples.length);
    expect(after.examples.filter((e) => e.weight < 1)).toHaveLength(0);
    expect(after.examples.filter((e) => e.labels.category === other).length).toBe(r.examples.filter((e) => e.labels.category === other).length + 1);
  });
});
