/**
 * The rooms of src/ and the one-way import direction: UI → adapters → domain core. The core imports
 * nothing from outside itself (no Office, React, Graph, browser or Node); adapters never import the
 * UI; nothing but the UI and the harness imports React. PHI rule: only ui/log.ts writes to the
 * console in the pane, and it takes codes, not payloads.
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
const imports = (file: string) =>
  [...readFileSync(file, "utf8").matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map(
    (m) => m[1] ?? m[2]!,
  );
const room = (file: string) => relative(SRC, file).split(sep)[0]!;
const target = (file: string, spec: string) => (spec.startsWith(".") ? room(resolve(file, "..", spec)) : `pkg:${spec}`);

describe("architecture", () => {
  it("has the rooms the design asks for", () => {
    expect(new Set(sources.map(room))).toEqual(new Set(["domain", "adapters", "app", "ui", "harness", "cli"]));
  });

  it("keeps the domain core free of every outside import", () => {
    const bad = sources
      .filter((f) => room(f) === "domain")
      .flatMap((f) => imports(f).map((s) => [f, s, target(f, s)] as const))
      .filter(([, , t]) => t !== "domain")
      .map(([f, s]) => `${relative(SRC, f)} imports ${s}`);
    expect(bad).toEqual([]);
  });

  it("lets adapters import only the domain, each other and their own client libraries (Graph, MSAL, idb), never the UI or React", () => {
    const bad = sources
      .filter((f) => room(f) === "adapters")
      .flatMap((f) => imports(f).map((s) => [f, s, target(f, s)] as const))
      .filter(([, , t]) => !(t === "domain" || t === "adapters" || t === "pkg:@azure/msal-browser" || t === "pkg:@microsoft/microsoft-graph-client" || t === "pkg:idb"))
      .map(([f, s]) => `${relative(SRC, f)} imports ${s}`);
    expect(bad).toEqual([]);
  });

  it("keeps the application layer (src/app) framework-free: the domain, the adapters and itself only", () => {
    const bad = sources
      .filter((f) => room(f) === "app")
      .flatMap((f) => imports(f).map((s) => [f, s, target(f, s)] as const))
      .filter(([, , t]) => !(t === "domain" || t === "adapters" || t === "app"))
      .map(([f, s]) => `${relative(SRC, f)} imports ${s}`);
    expect(bad).toEqual([]);
  });

  it("never lets the core or the adapters import the harness or the command line", () => {
    const bad = sources
      .filter((f) => room(f) === "domain" || room(f) === "adapters" || room(f) === "app" || room(f) === "ui")
      .flatMap((f) => imports(f).map((s) => [f, s, target(f, s)] as const))
      .filter(([, , t]) => t === "harness" || t === "cli")
      .map(([f, s]) => `${relative(SRC, f)} imports ${s}`);
    expect(bad).toEqual([]);
  });

  it("writes to the console only through ui/log.ts in the pane code", () => {
    const bad = sources
      .filter((f) => room(f) !== "cli" && !f.endsWith(`${sep}ui${sep}log.ts`))
      .filter((f) => /\bconsole\s*\.\s*(log|info|warn|error|debug|trace)\b/.test(readFileSync(f, "utf8")))
      .map((f) => relative(SRC, f));
    expect(bad).toEqual([]);
  });
});
