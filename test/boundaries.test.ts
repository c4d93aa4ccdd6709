/**
 * The import rules and the domain's purity are enforced by tools, not by this test reading imports
 * (decision 50): ESLint (eslint.config.js, `npm run lint`) and the domain's own tsconfig
 * (tsconfig.domain.json, no DOM, node or office-js types). Each case here is a file a newcomer
 * might write: the tools must refuse it, and must accept its clean twin (so the test can fail).
 */
import { ESLint } from "eslint";
import { dirname, resolve } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function lint(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? "parse"}: ${m.message}`);
}

/** Compiles one virtual file with the domain's tsconfig; returns the errors. */
function compileInDomain(path: string, code: string): string[] {
  const configPath = resolve(ROOT, "tsconfig.domain.json");
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath));
  const file = resolve(ROOT, path);
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => (resolve(name) === file ? ts.createSourceFile(name, code, lang) : getSourceFile(name, lang, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => resolve(name) === file || fileExists(name);
  const program = ts.createProgram({
    rootNames: [file, resolve(ROOT, "types/domain-platform.d.ts")],
    options: { ...parsed.options, noUnusedLocals: false },
    host,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? d.file.fileName.slice(ROOT.length + 1) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

const PROBE = "src/domain/inquiry/probe.ts";

describe("the domain core, as the compiler sees it", () => {
  it("compiles plain TypeScript", () => {
    expect(compileInDomain(PROBE, `export const twice = (n: number): number => n * 2;\nexport const bytes = new TextEncoder().encode("x");\n`)).toEqual([]);
  });

  it.each([
    ["window", `export const w = window.localStorage.getItem("x");`],
    ["document", `export const title = document.title;`],
    ["Office", `export const host = Office.context.mailbox.item;`],
    ["localStorage", `export const v = localStorage.getItem("x");`],
    ["node's process", `export const env = process.env["X"];`],
  ])("refuses %s", (_, code) => {
    expect(compileInDomain(PROBE, code).join("\n")).toMatch(/Cannot find name/);
  });

  it("refuses a node module imported for its side effects only, and accepts the domain's own", () => {
    expect(compileInDomain(PROBE, `import "node:fs";\nexport const one = 1;\n`).join("\n")).toMatch(/Cannot find module 'node:fs'/);
    expect(compileInDomain(PROBE, `import "./record";\nexport const one = 1;\n`)).toEqual([]);
  });
});

describe("the import rules, as ESLint sees them", () => {
  it("lets the domain import the domain", async () => {
    expect(await lint(PROBE, `import { applyAction } from "./record";\nexport const f = applyAction;\n`)).toEqual([]);
  });

  it.each([
    ["an adapter", `import { LocalStore } from "../../adapters/storage/local";\nexport const s = LocalStore;\n`],
    ["an adapter for its side effects only", `import "../../adapters/storage/local";\n`],
    ["a node module for its side effects only", `import "node:fs";\n`],
    ["the application layer", `import { actOn } from "../../app/inquiry";\nexport const f = actOn;\n`],
    ["the UI", `import { usePane } from "../../ui/usePane";\nexport const f = usePane;\n`],
    ["React", `import { useState } from "react";\nexport const f = useState;\n`],
    ["the Graph client", `import { Client } from "@microsoft/microsoft-graph-client";\nexport const c = Client;\n`],
  ])("refuses a domain file importing %s", async (_, code) => {
    expect((await lint(PROBE, code)).join("\n")).toMatch(/boundaries\//);
  });

  it.each([
    ["window", `export const w = window.location.href;`],
    ["document", `export const t = document.title;`],
    ["Office", `export const h = Office.context.host;`],
  ])("refuses a domain file touching %s", async (name, code) => {
    expect(await lint(PROBE, code)).toContain(
      `no-restricted-globals: Unexpected use of '${name}'. The domain core is plain TypeScript: reach the browser or Office through an adapter (src/adapters/).`,
    );
  });

  it("keeps adapters from the UI and the application layer, and the UI from adapters' code (types only)", async () => {
    expect((await lint("src/adapters/graph/probe.ts", `import { usePane } from "../../ui/usePane";\nexport const f = usePane;\n`)).join("\n")).toMatch(
      /boundaries\//,
    );
    expect((await lint("src/adapters/graph/probe.ts", `import { actOn } from "../../app/inquiry";\nexport const f = actOn;\n`)).join("\n")).toMatch(
      /boundaries\//,
    );
    expect((await lint("src/ui/Probe.tsx", `import { LocalStore } from "../adapters/storage/local";\nexport const s = LocalStore;\n`)).join("\n")).toMatch(
      /boundaries\//,
    );
    expect(await lint("src/ui/Probe.tsx", `import type { MailItem } from "../adapters/mailbox/types";\nexport type M = MailItem;\n`)).toEqual([]);
    expect(await lint("src/ui/Probe.tsx", `import { actOn } from "../app/inquiry";\nexport const f = actOn;\n`)).toEqual([]);
  });

  it("checks hooks in the UI and Office calls everywhere", async () => {
    const hooks = await lint(
      "src/ui/Probe.tsx",
      `import { useState } from "react";\nexport function P(p: { on: boolean }) {\n  if (p.on) useState(0);\n  return null;\n}\n`,
    );
    expect(hooks.join("\n")).toMatch(/react-hooks\/rules-of-hooks/);
    const office = await lint("src/adapters/mailbox/probe.ts", `export function start() {\n  Office.initialize = () => undefined;\n}\n`);
    expect(office.join("\n")).toMatch(/office-addins\/no-office-initialize/);
  });
});
