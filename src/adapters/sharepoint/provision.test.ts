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
