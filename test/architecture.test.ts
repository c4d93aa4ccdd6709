/**
 * The rooms of src/ (domain, adapters, app, ui, harness, cli). Which room may import which is
 * enforced by ESLint (eslint.config.js, `npm run lint`, part of `npm test`) and the domain's own
 * tsconfig; test/boundaries.test.ts proves both refuse what they should. PHI rule: only app/log.ts
 * writes to the console in the pane, and it takes codes, not payloads.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const sources = files(SRC).filter((f) => !/\.test\.tsx?$/.test(f));
const room = (file: string) => relative(SRC, file).split(sep)[0]!;

describe("architecture", () => {
  it("has the rooms the design asks for", () => {
    expect(new Set(sources.map(room))).toEqual(new Set(["domain", "adapters", "app", "ui", "harness", "cli"]));
  });

  it("runs the lint (import boundaries, hooks, Office calls, the domain's own compile) in npm test", () => {
    const scripts = (JSON.parse(readFileSync(resolve(SRC, "../package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts["test"]).toMatch(/npm run -s lint/);
    expect(scripts["lint"]).toMatch(/eslint/);
    expect(scripts["lint"]).toMatch(/tsc -p tsconfig\.domain\.json/);
  });

  it("writes to the console only through app/log.ts in the pane code", () => {
    const bad = sources
      .filter((f) => room(f) !== "cli" && !f.endsWith(`${sep}app${sep}log.ts`))
      .filter((f) => /\bconsole\s*\.\s*(log|info|warn|error|debug|trace)\b/.test(readFileSync(f, "utf8")))
      .map((f) => relative(SRC, f));
    expect(bad).toEqual([]);
  });
});
