/** The two command lines of contract section 3, run as the evaluation runs them. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "triage-cli-"));

function run(script: "classify" | "sla", lines: string[]) {
  const file = join(dir, `${script}-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, lines.join("\n") + "\n");
  const r = spawnSync("npx", ["tsx", `src/cli/${script}.ts`, file], { cwd: ROOT, encoding: "utf8" });
  return { status: r.status, out: r.stdout.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>), err: r.stderr };
}

describe("classify command line", () => {
  it("answers one line per input line, in order, and keeps going past bad lines", () => {
    const secret = "Member ID PLH-9999999 Jane Secretname";
    const r = run("classify", [
      JSON.stringify({ id: "a", mailbox: "secure-message", from: "x@example.com", to: [], cc: [], subject: "EOB", body: `Was my claim for the lab work paid? I got a bill. ${secret}`, bodyType: "text", receivedAt: "2026-03-02T10:15:00-06:00" }),
      "{not json at all",
      '{"id": "broken", "body": ',
      JSON.stringify({ id: "c", mailbox: "nowhere", subject: "hi", body: 42 }),
      JSON.stringify([1, 2]),
      JSON.stringify({ id: "e", mailbox: "contact-us", from: "y@example.com", subject: "Contact Us", body: "", bodyType: "html" }),
    ]);
    expect(r.status).toBe(0);
    expect(r.out.map((o) => o["id"])).toEqual(["a", null, "broken", "c", null, "e"]);
    expect(r.out[0]).toMatchObject({ category: "claims_billing", senderType: "member", priority: "routine", language: "en", policy: "secure-message" });
    expect(typeof r.out[0]!["confidence"]).toBe("number");
    expect(r.out[1]).toHaveProperty("error");
    expect(r.out[2]).toHaveProperty("error");
    expect(r.out[3]).toMatchObject({ error: expect.stringContaining("body") });
    expect(r.out[5]).toHaveProperty("category");
    expect(r.err).not.toContain("PLH-9999999");
    expect(r.err).not.toContain("Secretname");
  });

  it("exits with a message for a missing file", () => {
    const r = spawnSync("npx", ["tsx", "src/cli/classify.ts", join(dir, "absent.jsonl")], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/cannot read/);
  });
});

describe("sla command line", () => {
  it("computes the contract's example and answers bad lines with errors", () => {
    const r = run("sla", [
      JSON.stringify({ id: "s1", policy: "secure-message", priority: "routine", receivedAt: "2026-03-02T18:40:00-06:00", events: [], now: "2026-03-04T09:00:00-06:00" }),
      JSON.stringify({ id: "s2", policy: "nope", receivedAt: "2026-03-02T18:40:00-06:00" }),
      JSON.stringify({ id: "s3", policy: "secure-message", receivedAt: "last tuesday" }),
      JSON.stringify({ id: "s4", policy: "secure-message", receivedAt: "2026-03-02T10:00:00", now: "2026-03-02T11:00:00-06:00" }),
      JSON.stringify({ id: "s5", policy: "secure-message", receivedAt: "2026-03-02T10:00:00Z", events: [{ type: "exploded", at: "2026-03-02T10:00:00Z" }] }),
      "]]]",
    ]);
    expect(r.status).toBe(0);
    expect(r.out[0]).toMatchObject({ id: "s1", effectiveReceivedAt: "2026-03-03T08:00:00-06:00" });
    expect((r.out[0]!["clocks"] as { name: string; dueAt: string }[])[0]).toMatchObject({ name: "firstResponse", dueAt: "2026-03-04T17:00:00-06:00", state: "running", businessMinutesLeft: 480 });
    expect(r.out[1]!["error"]).toMatch(/unknown policy/);
    expect(r.out[2]!["error"]).toMatch(/receivedAt/);
    expect(r.out[3]).toMatchObject({ id: "s4", effectiveReceivedAt: "2026-03-02T10:00:00-06:00", warnings: [expect.stringMatching(/no UTC offset/)] });
    expect(r.out[4]!["error"]).toMatch(/events\[0\]\.type/);
    expect(r.out[5]).toHaveProperty("error");
  });

  it("refuses dates outside 1900–2999 with a clear error instead of reading them as another year", () => {
    const r = run("sla", [
      JSON.stringify({ id: "y1", policy: "secure-message", priority: "routine", receivedAt: "0026-03-02T10:00:00-06:00", now: "2026-03-04T09:00:00-06:00" }),
      JSON.stringify({ id: "y2", policy: "secure-message", priority: "routine", receivedAt: "2026-03-02T10:00:00-06:00", now: "9999-12-31T09:00:00-06:00" }),
    ]);
    expect(r.out[0]).toEqual({ id: "y1", error: 'receivedAt: "0026-03-02T10:00:00-06:00" is outside the supported years 1900 to 2999' });
    expect(r.out[1]).toEqual({ id: "y2", error: 'now: "9999-12-31T09:00:00-06:00" is outside the supported years 1900 to 2999' });
  });

  it("prints nothing but JSON on standard output", () => {
    const file = join(dir, "one.jsonl");
    writeFileSync(file, JSON.stringify({ id: "x", policy: "agent-support", receivedAt: "2026-03-02T10:00:00-06:00", now: "2026-03-02T10:00:00-06:00" }) + "\n");
    const out = execFileSync("npm", ["run", "-s", "sla", "--", file], { cwd: ROOT, encoding: "utf8" });
    expect(out.trim().split("\n").map((l) => JSON.parse(l) as { id: string })).toHaveLength(1);
  });
});
