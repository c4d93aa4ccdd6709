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
