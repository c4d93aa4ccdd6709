import { describe, expect, it } from "vitest";
import { SharePointEmulator } from "./store";

function withList(threshold = 5000) {
  const e = new SharePointEmulator(threshold);
  e.handle({ method: "POST", url: "/sites/s/lists", headers: {}, body: { displayName: "L", columns: [{ name: "Key", indexed: true, enforceUniqueValues: true, text: {} }, { name: "Other", text: {} }] } });
  return e;
}
const items = (path = "") => `/sites/s/lists/L/items${path}`;

describe("the SharePoint list emulator", () => {
  it("answers a stale If-Match with 412 and a fresh one with a new eTag", () => {
    const e = withList();
    const created = e.handle({ method: "POST", url: items(), headers: {}, body: { fields: { Key: "a" } } }).body as { id: string; eTag: string };
    const ok = e.handle({ method: "PATCH", url: items(`/${created.id}/fields`), headers: { "if-match": created.eTag }, body: { Other: "x" } });
    expect(ok.status).toBe(200);
    expect(e.handle({ method: "PATCH", url: items(`/${created.id}/fields`), headers: { "if-match": created.eTag }, body: { Other: "y" } }).status).toBe(412);
  });

  it("refuses a duplicate of a unique column", () => {
    const e = withList();
    e.handle({ method: "POST", url: items(), headers: {}, body: { fields: { Key: "a" } } });
    expect(e.handle({ method: "POST", url: items(), headers: {}, body: { fields: { Key: "a" } } }).status).toBe(409);
  });

  it("filters on indexed columns only, pages with @odata.nextLink, and refuses a non-indexed filter past the threshold", () => {
    const e = withList(100);
    e.seed("L", 250, (i) => ({ Key: `k${i}`, Other: i % 2 ? "odd" : "even" }));
    const page1 = e.handle({ method: "GET", url: items("?$top=100"), headers: {} }).body as { value: unknown[]; "@odata.nextLink"?: string };
    expect(page1.value).toHaveLength(100);
    expect(decodeURIComponent(page1["@odata.nextLink"] ?? "")).toContain("$skiptoken=100");
    expect((e.handle({ method: "GET", url: items("?$filter=fields/Key eq 'k7'"), headers: {} }).body as { value: unknown[] }).value).toHaveLength(1);
    const refused = e.handle({ method: "GET", url: items("?$filter=fields/Other eq 'odd'"), headers: { prefer: "HonorNonIndexedQueriesWarningMayFailRandomly" } });
    expect(refused.status).toBe(400);
  });

  it("answers a $batch of at most 20 requests with a status per request, failing dependents with 424", () => {
    const e = withList();
    const res = e.handle({
      method: "POST",
      url: "/$batch",
      headers: {},
      body: {
        requests: [
          { id: "1", method: "POST", url: "/sites/s/lists/L/items", body: { fields: { Key: "a" } } },
          { id: "2", method: "POST", url: "/sites/s/lists/L/items", body: { fields: { Key: "a" } } },
          { id: "3", method: "GET", url: "/sites/s/lists/L/items", dependsOn: ["2"] },
        ],
      },
    });
    expect((res.body as { responses: { status: number }[] }).responses.map((r) => r.status)).toEqual([201, 409, 424]);
    const tooMany = e.handle({ method: "POST", url: "/$batch", headers: {}, body: { requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: "GET", url: "/sites/s" })) } });
    expect(tooMany.status).toBe(400);
  });

  it("throttles on demand with Retry-After, and survives a snapshot round trip", () => {
    const e = withList();
    e.handle({ method: "POST", url: items(), headers: {}, body: { fields: { Key: "kept" } } });
    const copy = new SharePointEmulator(5000, JSON.parse(JSON.stringify(e.snapshot())));
    expect((copy.handle({ method: "GET", url: items("?$filter=fields/Key eq 'kept'"), headers: {} }).body as { value: unknown[] }).value).toHaveLength(1);
    copy.setFaults({ rate429: 1, retryAfter: 2 });
    const r = copy.handle({ method: "GET", url: items(), headers: {} });
    expect([r.status, r.headers["retry-after"]]).toEqual([429, "2"]);
  });
});
