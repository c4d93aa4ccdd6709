import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const VITEST = fileURLToPath(new URL("../node_modules/vitest/vitest.mjs", import.meta.url));

/** Runs `vitest run` on fixtures in test/fixtures/reporter with only the summary reporter: its exit code and last line. */
function run(fixtures: string, env: Record<string, string> = {}, args: string[] = []): { code: number | null; last: string } {
  const r = spawnSync(process.execPath, [VITEST, "run", "--config", "test/fixtures/reporter/vitest.config.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, FIXTURE: fixtures, ...env, CI: "true", NO_COLOR: "1" },
    encoding: "utf8",
    timeout: 60_000,
  });
  const lines = r.stdout.split("\n").filter((l) => l.trim() !== "");
  return { code: r.status, last: lines.at(-1) ?? "" };
}

describe("the summary line at the end of a run", () => {
  it("counts passed, failed and skipped tests, and exits 0 only when nothing failed", () => {
    expect(run("passes")).toEqual({ code: 0, last: "1 passed, 0 failed, 1 skipped" });
    expect(run("passes,fails")).toEqual({ code: 1, last: "1 passed, 1 failed, 1 skipped" });
  });

  it("counts the tests of a suite whose beforeAll threw (a browser that cannot start) as failed, not skipped", () => {
    expect(run("before-all-throws")).toEqual({ code: 1, last: "0 passed, 2 failed, 0 skipped" });
  });

  it("counts the tests a -t filter leaves out as skipped, also beside a failure", () => {
    expect(run("filtered", {}, ["-t", "chosen"])).toEqual({ code: 1, last: "0 passed, 1 failed, 2 skipped" });
  });

  it("counts a file that fails to load as a failure", () => {
    expect(run("import-throws,passes")).toEqual({ code: 1, last: "1 passed, 1 failed, 1 skipped" });
  });

  it("counts an error thrown outside any test as a failure", () => {
    expect(run("unhandled")).toEqual({ code: 1, last: "2 passed, 1 failed, 0 skipped" });
  });

  it("is never '0 failed' when vitest exits non-zero before any test ran: a global setup that threw, no test files", () => {
    for (const r of [run("passes", { SETUP: "1" }), run("no-such-fixture")]) {
      expect(r.code).not.toBe(0);
      expect(r.last).toMatch(/^\d+ passed, [1-9]\d* failed, \d+ skipped$/);
    }
  });
});
