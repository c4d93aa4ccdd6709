import { Client } from "@microsoft/microsoft-graph-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SharePointEmulator } from "../../harness/emulator/store";
import { startHarnessServer, type HarnessServer } from "../../../scripts/server";
import { provisionList } from "./provision";
import { INQUIRY_COLUMNS, schemaProblems } from "./schema";

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

describe("npm run provision", () => {
  it("creates the list once, and a second run changes nothing", async () => {
    const first = await provisionList(client(), "contoso", "Provisioned Inquiries");
    expect(first.created).toBe(true);
    const second = await provisionList(client(), "contoso", "Provisioned Inquiries");
    expect(second).toEqual({ created: false, changes: [] });
    const cols = emulator.handle({ method: "GET", url: "/sites/contoso/lists/Provisioned%20Inquiries/columns", headers: {} }).body;
    expect(schemaProblems(cols)).toEqual([]);
  });

  it("upgrades a list with a missing column and an unindexed one", async () => {
    emulator.handle({
      method: "POST",
      url: "/sites/contoso/lists",
      headers: {},
      body: { displayName: "Old Inquiries", columns: INQUIRY_COLUMNS.filter((c) => c.name !== "Notes").map((c) => ({ name: c.name, text: {}, indexed: c.name === "Status" ? false : c.indexed === true })) },
    });
    const r = await provisionList(client(), "contoso", "Old Inquiries");
    expect(r.changes).toEqual(["indexed column Status", "added column Notes"]);
    expect((await provisionList(client(), "contoso", "Old Inquiries")).changes).toEqual([]);
  });
});

describe("the templates list", () => {
  it("is created with the default templates on first provisioning, and left alone after", async () => {
    const { provisionTemplates } = await import("./provision");
    const { loadTemplates } = await import("../graph/templates-client");
    const { DEFAULT_TEMPLATES } = await import("../../domain/templates/defaults");
    const { LocalStore } = await import("../storage/local");
    const fresh = new SharePointEmulator();
    const s = await startHarnessServer({ port: 0, emulator: fresh });
    try {
      const c = Client.initWithMiddleware({ baseUrl: `${s.url}graph/`, defaultVersion: "v1.0", customHosts: new Set(["localhost"]), authProvider: { getAccessToken: async () => "t" } });
      const first = await provisionTemplates(c, "contoso", "Fresh Templates");
      expect(first).toEqual({ created: true, changes: [expect.stringMatching(/created the list "Fresh Templates"/), `added the ${DEFAULT_TEMPLATES.length} default templates`] });
      expect(await provisionTemplates(c, "contoso", "Fresh Templates")).toEqual({ created: false, changes: [] });
      const loaded = await loadTemplates({ baseUrl: `${s.url}graph/`, site: "harness", authProvider: { getAccessToken: async () => "t" } }, new LocalStore("t", undefined), []);
      expect(loaded.source).toBe("list");
      expect(loaded.templates.map((t) => t.id).sort()).toEqual(DEFAULT_TEMPLATES.map((t) => t.id).sort());
    } finally {
      await s.close();
    }
  });

  it("falls back to the last good copy, then to the defaults, when the list cannot be read", async () => {
    const { loadTemplates } = await import("../graph/templates-client");
    const { DEFAULT_TEMPLATES } = await import("../../domain/templates/defaults");
    const { LocalStore } = await import("../storage/local");
    const store = new LocalStore("t2", undefined);
    const offline = { baseUrl: "http://localhost:9/graph/", site: "x", authProvider: { getAccessToken: async () => "t" } };
    expect((await loadTemplates(offline, store, DEFAULT_TEMPLATES)).source).toBe("defaults");
    await store.set("templates", { at: 1, templates: [DEFAULT_TEMPLATES[0]] });
    const r = await loadTemplates(offline, store, DEFAULT_TEMPLATES);
    expect([r.source, r.templates.length]).toEqual(["cache", 1]);
  });
});
