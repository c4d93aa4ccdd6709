/** The harness server answers its own pages only: a page on another port or a rebound name is refused. */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIST_NAME, TEMPLATE_LIST_NAME } from "../src/adapters/sharepoint/schema";
import { startHarnessServer, type HarnessServer } from "../scripts/server";

let server: HarnessServer;
beforeAll(async () => {
  server = await startHarnessServer({ port: 0 });
});
afterAll(async () => {
  await server?.close();
});

function send(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: server.port, method, path, headers: { "content-type": "application/json", ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

describe("the harness server", () => {
  const items = `/graph/v1.0/sites/harness/lists/${encodeURIComponent(TEMPLATE_LIST_NAME)}/items`;
  const own = () => `localhost:${server.port}`;

  it("refuses a page on another localhost port that tries to rewrite a template, delete an item or set faults", async () => {
    const foreign = { host: own(), origin: "http://localhost:5173", "sec-fetch-site": "same-site" };
    const before = server.emulator.snapshot().lists.find((l) => l.displayName === TEMPLATE_LIST_NAME)!.items.length;
    expect(await send("POST", items, foreign, { fields: { Title: "phish" } })).toBe(403);
    expect(await send("PATCH", `${items}/1/fields`, foreign, { Body: "<a href='https://evil.example'>x</a>" })).toBe(403);
    expect(await send("DELETE", `${items}/1`, foreign)).toBe(403);
    expect(await send("POST", "/emulator/faults", foreign, { rate503: 1 })).toBe(403);
    expect(await send("GET", `/graph/v1.0/sites/harness/lists/${encodeURIComponent(LIST_NAME)}/items`, foreign)).toBe(403);
    expect(server.emulator.snapshot().lists.find((l) => l.displayName === TEMPLATE_LIST_NAME)!.items.length).toBe(before);
  });

  it("refuses a request addressed to another name (DNS rebinding) and an opaque origin", async () => {
    expect(await send("GET", items, { host: `rebind.example:${server.port}` })).toBe(403);
    expect(await send("GET", items, { host: own(), origin: "null" })).toBe(403);
    expect(await send("GET", items, { host: own(), origin: `http://localhost:${server.port}.evil.example` })).toBe(403);
  });

  it("answers its own pages and local tools", async () => {
    expect(await send("GET", items, { host: own(), origin: `http://${own()}`, "sec-fetch-site": "same-origin" })).toBe(200);
    expect(await send("GET", items, { host: `127.0.0.1:${server.port}` })).toBe(200);
  });
});
