import { afterEach, describe, expect, it, vi } from "vitest";
import { InquiryListClient, ListError, retryAfterSeconds } from "./list-client";

afterEach(() => vi.unstubAllGlobals());

describe("the list client against throttling", () => {
  it("does not wait out a huge Retry-After on a single request: it fails as throttled at once, so the op waits in the outbox", async () => {
    const calls: string[] = [];
    vi.stubGlobal("fetch", async (input: RequestInfo | URL) => {
      calls.push(String(input instanceof Request ? input.url : input));
      return new Response(JSON.stringify({ error: { code: "tooManyRequests" } }), { status: 429, headers: { "Retry-After": "540", "content-type": "application/json" } });
    });
    const c = new InquiryListClient({ baseUrl: "https://localhost/graph/", site: "s", authProvider: { getAccessToken: async () => "t" } });
    const started = Date.now();
    const err = await c.find("<CAJ+x7Q=a@mail.gmail.com>").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ListError);
    expect((err as ListError).status).toBe(429);
    expect((err as ListError).transient).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(calls.length).toBe(1);
    expect(calls[0]).toContain("%3CCAJ%2Bx7Q%3Da%40mail.gmail.com%3E");
  });

  it("reads Retry-After as seconds or as a date", () => {
    expect(retryAfterSeconds("12")).toBe(12);
    expect(retryAfterSeconds(new Date(Date.parse("2026-01-01T00:01:00Z")).toUTCString(), Date.parse("2026-01-01T00:00:00Z"))).toBe(60);
    expect(retryAfterSeconds(null)).toBeNull();
  });
});

describe("what the list client tells the sender about a failure", () => {
  it("calls throttling, outages and no answer worth trying again, and a refusal not", () => {
    const transient = (s: number) => new ListError(s, "x").transient;
    expect([0, 429, 500, 502, 503, 504].map(transient)).toEqual([true, true, true, true, true, true]);
    expect([400, 401, 403, 404, 409, 412, 422].map(transient)).toEqual([false, false, false, false, false, false, false]);
  });

  it("never reads a Retry-After as negative or as a number it is not", () => {
    expect(retryAfterSeconds("-5")).toBe(0);
    expect(retryAfterSeconds("0")).toBe(0);
    expect(retryAfterSeconds("")).toBeNull();
    expect(retryAfterSeconds("soon")).toBeNull();
    expect(retryAfterSeconds(new Date(Date.parse("2026-01-01T00:00:00Z")).toUTCString(), Date.parse("2026-01-01T00:01:00Z"))).toBe(0);
  });
});

/** A fake Graph endpoint: each request (method, URL, headers, body) is recorded and answered by `answer`. */
function graph(answer: (req: { method: string; url: string; headers: Headers; body: unknown }) => { status?: number; body?: unknown; headers?: Record<string, string> }) {
  const seen: { method: string; url: string; headers: Headers; body: unknown }[] = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const r = new Request(input, init);
    const text = await r.text();
    const req = { method: r.method, url: decodeURIComponent(r.url), headers: r.headers, body: text ? (JSON.parse(text) as unknown) : null };
    seen.push(req);
    const a = answer(req);
    return new Response(a.body === undefined ? null : JSON.stringify(a.body), { status: a.status ?? 200, headers: { "content-type": "application/json", ...a.headers } });
  });
  const client = new InquiryListClient({ baseUrl: "https://localhost/graph/", site: "contoso", authProvider: { getAccessToken: async () => "token-1" } });
  return { client, seen };
}

const row = (id: string, fields: Record<string, unknown> = {}) => ({ id, "@odata.etag": `"e${id},1"`, fields: { InternetMessageId: `<${id}>`, ...fields } });

describe("the list client's requests", () => {
  it("goes to the inquiries list of the site, with the advocate's token, and finds only the item with exactly that message id", async () => {
    const { client, seen } = graph(() => ({ body: { value: [row("7", { InternetMessageId: "<A@x>" })] } }));
    expect(await client.find("<a@x>")).toBeNull(); // the list matched it case-blind: not the same message
    expect(await client.find("<A@x>")).toEqual({ id: "7", eTag: '"e7,1"', fields: { InternetMessageId: "<A@x>" } });
    expect(seen[0]!.url).toContain("https://localhost/graph/v1.0/sites/contoso/lists/Member Inquiries/items?");
    expect(seen[0]!.headers.get("authorization")).toBe("Bearer token-1");
  });

  it("turns a failure into a status and a reason the sender can act on", async () => {
    const refused = graph(() => ({ status: 403, body: { error: { code: "accessDenied", message: "no" } } }));
    expect(await refused.client.get("1").catch((e: unknown) => [(e as ListError).status, (e as ListError).message, (e as ListError).transient])).toEqual([403, "accessDenied", false]);
    const bare = graph(() => ({ status: 400, body: {} }));
    expect(await bare.client.get("1").catch((e: unknown) => [(e as ListError).status, (e as Error).message])).toEqual([400, "HTTP 400"]);
    vi.stubGlobal("fetch", async () => Promise.reject(new TypeError("Failed to fetch")));
    const offline = new InquiryListClient({ baseUrl: "https://localhost/graph/", site: "s", authProvider: { getAccessToken: async () => "t" } });
    const err = (await offline.update("1", '"e1,1"', { Status: "closed" }).catch((e: unknown) => e)) as ListError;
    expect([err.name, err.status, err.transient]).toEqual(["ListError", 0, true]); // no answer: worth trying again
  });

  it("updates with If-Match on the item's eTag and returns the new one", async () => {
    const { client, seen } = graph(() => ({ body: { "@odata.etag": '"e1,2"' } }));
    expect(await client.update("1", '"e1,1"', { Status: "closed" })).toBe('"e1,2"');
    expect([seen[0]!.method, seen[0]!.url.endsWith("/items/1/fields"), seen[0]!.headers.get("if-match"), seen[0]!.body]).toEqual(["PATCH", true, '"e1,1"', { Status: "closed" }]);
  });

  it("answers a create that someone else made first with their item", async () => {
    const { client } = graph((req) => (req.method === "POST" ? { status: 409, body: { error: { code: "nameAlreadyExists" } } } : { body: { value: [row("9")] } }));
    expect((await client.create({ InternetMessageId: "<9>" })).id).toBe("9");
    const none = graph((req) => (req.method === "POST" ? { status: 409, body: { error: { code: "nameAlreadyExists" } } } : { body: { value: [] } }));
    expect(await none.client.create({ InternetMessageId: "<9>" }).catch((e: unknown) => (e as ListError).status)).toBe(409);
  });

  it("reads every page of the list, following the next links, and stops at the limit", async () => {
    const { client, seen } = graph((req) =>
      req.url.includes("skiptoken=2")
        ? { body: { value: [row("3"), row("4")] } }
        : { body: { value: [row("1"), row("2")], "@odata.nextLink": "https://localhost/graph/v1.0/sites/contoso/lists/x/items?$skiptoken=2" } },
    );
    expect((await client.all()).map((i) => i.id)).toEqual(["1", "2", "3", "4"]);
    expect(seen[1]!.url).toBe("https://localhost/graph/v1.0/sites/contoso/lists/x/items?$skiptoken=2");
    seen.length = 0;
    expect((await client.all(2)).map((i) => i.id)).toEqual(["1", "2"]);
    expect(seen).toHaveLength(1);
    expect((await client.all(3)).map((i) => i.id)).toEqual(["1", "2", "3"]);
  });

  it("finds the items of several statuses in one $batch, pages included, and fails when one of them fails", async () => {
    const { client, seen } = graph((req) => {
      if (req.url.includes("skiptoken")) return { body: { value: [row("3")] } };
      const requests = (req.body as { requests: { id: string; url: string }[] }).requests;
      return {
        body: {
          responses: requests.map((r) => ({
            id: r.id,
            status: 200,
            body: r.url.includes("'new'") ? { value: [row("1")], "@odata.nextLink": "https://localhost/graph/v1.0/sites/contoso/lists/x/items?$skiptoken=1" } : { value: [row("2")] },
          })),
        },
      };
    });
    expect((await client.findAll("Status", ["new", "open"])).map((i) => i.id)).toEqual(["1", "3", "2"]);
    expect(seen.filter((r) => r.url.endsWith("/$batch"))).toHaveLength(1);
    expect((await client.findAll("Status", ["new", "open"], 1)).map((i) => i.id)).toEqual(["1"]);
    const many = graph((req) => ({ body: { responses: (req.body as { requests: { id: string }[] }).requests.map((r) => ({ id: r.id, status: 200, body: { value: [] } })) } }));
    await many.client.findAll("Assignee", Array.from({ length: 21 }, (_, i) => `a${i}@plan.example`));
    expect(many.seen.map((r) => (r.body as { requests: unknown[] }).requests.length)).toEqual([20, 1]);
    const throttled = graph(() => ({ body: { responses: [{ id: "0", status: 429, body: {} }] } }));
    expect(await throttled.client.findAll("Status", ["new"]).catch((e: unknown) => (e as ListError).status)).toBe(429);
  });

  it("writes many updates in batches of 20, each with its own If-Match, and reports each one's own outcome", async () => {
    const { client, seen } = graph((req) => {
      const requests = (req.body as { requests: { id: string; headers: Record<string, string> }[] }).requests;
      return {
        body: {
          responses: requests.flatMap((r): { id: string; status: number; headers?: Record<string, string>; body?: unknown }[] =>
            r.id === "0"
              ? [{ id: r.id, status: 200, body: { "@odata.etag": '"from-body"' } }]
              : r.id === "1"
                ? [{ id: r.id, status: 200, headers: { ETag: '"from-header"' }, body: {} }]
                : r.id === "2"
                  ? [{ id: r.id, status: 429, headers: { "Retry-After": "7" } }]
                  : r.id === "3"
                    ? [] // no answer for this one
                    : [{ id: r.id, status: 412, body: {} }],
          ),
        },
      };
    });
    const updates = Array.from({ length: 25 }, (_, i) => ({ key: `k${i}`, id: String(i), eTag: `"e${i}"`, fields: { Status: "closed" } }));
    const out = await client.updateMany(updates);
    expect(seen.map((r) => (r.body as { requests: unknown[] }).requests.length)).toEqual([20, 5]);
    expect((seen[0]!.body as { requests: { headers: Record<string, string>; url: string }[] }).requests[4]).toMatchObject({ headers: { "If-Match": '"e4"' } });
    expect((seen[1]!.body as { requests: { url: string }[] }).requests[0]!.url).toMatch(/\/items\/20\/fields$/);
    expect([out.get("k0"), out.get("k1"), out.get("k2"), out.get("k3"), out.get("k4"), out.get("k20"), out.get("k21")]).toEqual([
      { status: 200, eTag: '"from-body"', retryAfterSeconds: null },
      { status: 200, eTag: '"from-header"', retryAfterSeconds: null },
      { status: 429, eTag: "", retryAfterSeconds: 7 },
      { status: 0, eTag: "", retryAfterSeconds: null },
      { status: 412, eTag: "", retryAfterSeconds: null },
      { status: 200, eTag: '"from-body"', retryAfterSeconds: null },
      { status: 200, eTag: '"from-header"', retryAfterSeconds: null },
    ]);
    expect(out.size).toBe(25);
  });

  it("says the list is missing when it is not there, rather than failing", async () => {
    const { client } = graph(() => ({ status: 404, body: { error: { code: "itemNotFound" } } }));
    expect(await client.schemaProblems()).toEqual([expect.stringContaining('the "Member Inquiries" list could not be read')]);
    const down = graph(() => ({ status: 400, body: { error: { code: "invalidRequest" } } }));
    expect(await down.client.schemaProblems().catch((e: unknown) => (e as ListError).status)).toBe(400);
  });
});

describe("the list client's retries of a single request", () => {
  it("tries a throttled request again after its Retry-After when that is at most 30 seconds, and then finds the item", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      let n = 0;
      const { client, seen } = graph(() => (n++ === 0 ? { status: 429, headers: { "Retry-After": "30" }, body: { error: { code: "tooManyRequests" } } } : { body: { value: [row("7")] } }));
      const found = client.find("<7>");
      await vi.advanceTimersByTimeAsync(29_900);
      expect(seen).toHaveLength(1); // still waiting out the 30 s
      await vi.advanceTimersByTimeAsync(200);
      expect((await found)?.id).toBe("7");
      expect(seen).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("tries an outage without Retry-After again after a few seconds", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      let n = 0;
      const { client, seen } = graph(() => (n++ === 0 ? { status: 503, body: { error: { code: "serviceNotAvailable" } } } : { body: { value: [row("7")] } }));
      const found = client.find("<7>");
      await vi.advanceTimersByTimeAsync(5_000);
      expect((await found)?.id).toBe("7");
      expect(seen).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("the list client's answers, at their edges", () => {
  const ok200 = (req: { body: unknown }) => ({ body: { responses: (req.body as { requests: { id: string }[] }).requests.map((r) => ({ id: r.id, status: 200, body: { value: [] } })) } });

  it("asks for exactly 20 statuses in one $batch, and writes exactly 20 updates in one", async () => {
    const reads = graph(ok200);
    await reads.client.findAll("Assignee", Array.from({ length: 20 }, (_, i) => `a${i}@plan.example`));
    expect(reads.seen).toHaveLength(1);
    const writes = graph(ok200);
    await writes.client.updateMany(Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, id: String(i), eTag: `"e${i}"`, fields: { Status: "closed" } })));
    expect(writes.seen).toHaveLength(1);
  });

  it("reads an item by its id, with its fields", async () => {
    const { client, seen } = graph(() => ({ body: row("7", { Status: "new" }) }));
    expect(await client.get("7")).toEqual({ id: "7", eTag: '"e7,1"', fields: { InternetMessageId: "<7>", Status: "new" } });
    expect(seen[0]!.url).toMatch(/\/lists\/Member Inquiries\/items\/7\?\$expand=fields$/);
  });

  it("gives an item the list sent without an id or an eTag empty ones, never made-up ones", async () => {
    const created = graph(() => ({ status: 201, body: { fields: { InternetMessageId: "<9>" } } }));
    expect(await created.client.create({ InternetMessageId: "<9>" })).toEqual({ id: "", eTag: "", fields: { InternetMessageId: "<9>" } });
    const updated = graph(() => ({ body: {} }));
    expect(await updated.client.update("1", '"e1,1"', { Status: "closed" })).toBe("");
  });

  it("reads a page without items, or a $batch without answers, as no items", async () => {
    const empty = graph(() => ({ body: {} }));
    expect(await empty.client.all()).toEqual([]);
    expect(await empty.client.findAll("Status", ["new"])).toEqual([]);
  });

  it("never reads half a list as the whole list: a page that fails fails the read", async () => {
    const { client } = graph((req) => (req.url.includes("skiptoken") ? { status: 400, body: { error: { code: "invalidRequest" } } } : { body: { value: [row("1")], "@odata.nextLink": "https://localhost/graph/v1.0/sites/contoso/lists/x/items?$skiptoken=1" } }));
    expect(await client.all().catch((e: unknown) => [(e as ListError).name, (e as ListError).status])).toEqual(["ListError", 400]);
  });

  it("fails a refused $batch with the list's status, for reads and for writes", async () => {
    const refused = () => graph(() => ({ status: 400, body: { error: { code: "invalidRequest" } } }));
    const status = (e: unknown) => [(e as ListError).name, (e as ListError).status, (e as ListError).message];
    expect(await refused().client.findAll("Status", ["new"]).catch(status)).toEqual(["ListError", 400, "invalidRequest"]);
    expect(await refused().client.updateMany([{ key: "k", id: "1", eTag: '"e1"', fields: {} }]).catch(status)).toEqual(["ListError", 400, "invalidRequest"]);
    const throttled = graph(() => ({ body: { responses: [{ id: "0", status: 429, body: {} }] } }));
    expect(await throttled.client.findAll("Status", ["new"]).catch(status)).toEqual(["ListError", 429, "HTTP 429"]);
  });

  it("ignores an answer in a $batch for a request it did not send, and keeps the others", async () => {
    const { client } = graph(() => ({ body: { responses: [{ id: "7", status: 200, body: {} }, { id: "0", status: 200, body: { "@odata.etag": '"e1,2"' } }] } }));
    const out = await client.updateMany([{ key: "k", id: "1", eTag: '"e1,1"', fields: { Status: "closed" } }]);
    expect([...out]).toEqual([["k", { status: 200, eTag: '"e1,2"', retryAfterSeconds: null }]]);
  });

  it("reads the inquiries received in a time range with one range query on ReceivedAt, then its pages", async () => {
    const { client, seen } = graph((req) => (req.url.includes("skiptoken") ? { body: { value: [row("2")] } } : { body: { value: [row("1")], "@odata.nextLink": "https://localhost/graph/v1.0/sites/contoso/lists/x/items?$skiptoken=1" } }));
    const got = await client.receivedBetween(Date.parse("2026-03-01T00:00:00Z"), Date.parse("2026-04-01T00:00:00Z"));
    expect(got.map((i) => i.id)).toEqual(["1", "2"]);
    expect(seen[0]!.url).toContain("$filter=fields/ReceivedAt ge '2026-03-01T00:00:00.000Z' and fields/ReceivedAt lt '2026-04-01T00:00:00.000Z'");
  });

  it("checks the list's columns, and names a column that is missing", async () => {
    const { client, seen } = graph(() => ({ body: { value: [] } }));
    expect(await client.schemaProblems()).toContain("column InternetMessageId is missing");
    expect(seen[0]!.url).toMatch(/\/lists\/Member Inquiries\/columns$/);
  });
});

describe("the list client, when a request gets no answer", () => {
  it("says there was no answer from the list, with status 0 (worth trying again), not an HTTP status of -1", async () => {
    vi.stubGlobal("fetch", async () => Promise.reject(undefined)); // the request was given up without an error of its own
    const c = new InquiryListClient({ baseUrl: "https://localhost/graph/", site: "s", authProvider: { getAccessToken: async () => "t" } });
    const err = (await c.get("1").catch((e: unknown) => e)) as ListError;
    expect([err.name, err.status, err.message, err.transient]).toEqual(["ListError", 0, "no answer from the list", true]);
  });
});

describe("the list client, on an answer it cannot use", () => {
  it("takes a read answered with a body of null as no answer: status 0, worth trying again", async () => {
    const { client } = graph(() => ({ body: null }));
    const err = (await client.find("<1>").catch((e: unknown) => e)) as ListError;
    expect([err.name, err.status, err.message, err.transient]).toEqual(["ListError", 0, "no answer from the list", true]);
  });

  it("names a refusal by its HTTP status when the list's error code is empty or not a word", async () => {
    const reason = (e: unknown) => [(e as ListError).status, (e as Error).message];
    const empty = graph(() => ({ status: 400, body: { error: { code: "", message: "m" } } }));
    expect(await empty.client.get("1").catch(reason)).toEqual([400, "HTTP 400"]);
    const numeric = graph(() => ({ status: 400, body: { error: { code: 42, message: "m" } } }));
    expect(await numeric.client.get("1").catch(reason)).toEqual([400, "HTTP 400"]);
  });

  it("fails a create the list refused for another reason than a 409 with that refusal, without looking for an item", async () => {
    const { client, seen } = graph((req) => (req.method === "POST" ? { status: 400, body: { error: { code: "invalidRequest" } } } : { body: { value: [row("9")] } }));
    expect(await client.create({ InternetMessageId: "<9>" }).catch((e: unknown) => [(e as ListError).status, (e as Error).message])).toEqual([400, "invalidRequest"]);
    expect(seen.map((r) => r.method)).toEqual(["POST"]);
  });
});

describe("the list client's $batch answers, taken as they come", () => {
  it("reads a $batch answer without a status as no answer (status 0, worth trying again), for reads and for writes", async () => {
    const bare = graph(() => ({ body: { responses: [{ id: "0", body: {} }] } }));
    const err = (await bare.client.findAll("Status", ["new"]).catch((e: unknown) => e)) as ListError;
    expect([err.name, err.status, err.message, err.transient]).toEqual(["ListError", 0, "HTTP 0", true]);
    expect([...(await bare.client.updateMany([{ key: "k", id: "1", eTag: '"e1,1"', fields: {} }]))]).toEqual([["k", { status: 0, eTag: "", retryAfterSeconds: null }]]);
  });

  it("keeps the limit of a read across statuses even when one page alone holds more", async () => {
    const { client } = graph(() => ({ body: { responses: [{ id: "0", status: 200, body: { value: [row("1"), row("2"), row("3")] } }] } }));
    expect((await client.findAll("Status", ["new"], 2)).map((i) => i.id)).toEqual(["1", "2"]);
  });
});
