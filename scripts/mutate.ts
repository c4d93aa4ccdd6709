/**
 * `npm run mutate`: StrykerJS over the domain core and the write path, part by part (decisions 80
 * and 82), then one summary of the scores the issue asks for.
 *
 *   npm run mutate                       every part in turn, then the summary
 *   npm run mutate -- --part calendar    one part (repeatable), then the summary of what is there
 *   npm run mutate -- --summary          only the summary, from the parts' last reports
 *   npm run mutate -- --list             the parts, their files and tests
 *   npm run mutate -- --concurrency 1    fewer test runners than the configuration's 2
 *   npm run mutate -- --named            the mistakes issue 15 names, made again one at a time (scripts/named-mutations.ts)
 *   MUTATE_TESTS='…' npm run mutate -- --mutate '…'   a hand-made part (Stryker's own options)
 *
 * Each part runs only the tests that exercise it (MUTATE_TESTS) and keeps its own incremental
 * file, so a second run re-tests only what changed. Its JSON and HTML reports are kept as
 * reports/mutation/<part>.json and .html. The summary counts as the docs do: score = (killed +
 * timeout) / (mutants − ignored), compile errors counted as killed (no checker per mutant).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { runNamed } from "./named-mutations";

const ROOT = resolve(import.meta.dirname, "..");
const OUT = join(ROOT, "reports", "mutation");
/**
 * Each part's last full report, committed (decision 84): Stryker's incremental file, so a run on a
 * fresh clone re-tests only the mutants whose code or tests changed, and the summary reads it.
 */
export const RECORD = join(ROOT, "test", "mutation");

interface Part {
  readonly name: string;
  readonly scope: "domain" | "write path";
  readonly files: readonly string[];
  readonly tests: readonly string[];
  /** Extra Stryker options. */
  readonly options?: readonly string[];
}

const CLASSIFY_TESTS = ["src/domain/classify/*.test.ts", "test/classifier-golden.test.ts", "test/classifier-sets.test.ts"];

export const PARTS: readonly Part[] = [
  {
    name: "write-path",
    scope: "write path",
    files: [
      "src/adapters/graph/list-client.ts",
      "src/adapters/graph/log-sender.ts",
      "src/adapters/storage/outbox.ts",
      "src/app/on-send.ts",
      "src/domain/templates/send-check.ts",
    ],
    tests: [
      "src/adapters/graph/*.test.ts",
      "src/adapters/storage/*.test.ts",
      "src/app/on-send.test.ts",
      "src/domain/templates/send-check.test.ts",
      "test/log-merge.test.ts",
      "test/log-two-writers.test.ts",
    ],
  },
  {
    name: "domain",
    scope: "domain",
    files: [
      "src/domain/sla/*.ts",
      "src/domain/inquiry/*.ts",
      "src/domain/reports/*.ts",
      "src/domain/team/*.ts",
      "src/domain/templates/*.ts",
      "src/domain/text/*.ts",
      "src/domain/*.ts",
      "!src/domain/**/*.test.ts",
    ],
    tests: [
      "src/domain/calendar/*.test.ts",
      "src/domain/sla/*.test.ts",
      "src/domain/inquiry/*.test.ts",
      "src/domain/reports/*.test.ts",
      "src/domain/team/*.test.ts",
      "src/domain/templates/*.test.ts",
      "src/domain/text/*.test.ts",
      "src/domain/*.test.ts",
      "test/daily-report.test.ts",
    ],
  },
  {
    name: "calendar",
    scope: "domain",
    files: ["src/domain/calendar/*.ts", "!src/domain/calendar/*.test.ts"],
    tests: ["src/domain/calendar/*.test.ts", "src/domain/sla/*.test.ts"],
  },
  {
    name: "classify-rules",
    scope: "domain",
    files: ["text", "language", "concepts", "names", "labels", "request", "evaluate", "training", "private-features"].map((f) => `src/domain/classify/${f}.ts`),
    tests: CLASSIFY_TESTS,
    options: ["--timeoutMS", "5000"],
  },
  // the model's code, one part a file: each part is minutes to hours on two cores, and a part's
  // record is kept only when its run ends, so a long run is cut where it can be resumed
  ...(["features", "model", "classifier", "train", "tenant"] as const).map(
    (f): Part => ({
      name: `classify-${f}`,
      scope: "domain",
      files: [`src/domain/classify/${f}.ts`],
      tests: CLASSIFY_TESTS,
      options: ["--timeoutMS", "5000"],
    }),
  ),
];

function runPart(p: Part, extra: readonly string[] = []): number {
  console.log(`\n== part ${p.name}: ${p.files.join(",")}\n   tests: ${p.tests.join(",")}`);
  const r = spawnSync("sh", ["scripts/mutate.sh", "--mutate", p.files.join(","), ...(p.options ?? []), ...extra], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, MUTATE_TESTS: p.tests.join(","), MUTATE_INCREMENTAL: join(RECORD, `${p.name}.json`) },
  });
  if (r.status === 0 && existsSync(join(OUT, "index.html"))) copyFileSync(join(OUT, "index.html"), join(OUT, `${p.name}.html`));
  return r.status ?? 1;
}

interface Mutant {
  readonly status: string;
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly location: { readonly start: { readonly line: number } };
}
interface Report {
  readonly files: Record<string, { readonly mutants: readonly Mutant[] }>;
}

const DETECTED = new Set(["Killed", "Timeout", "CompileError", "RuntimeError"]);
const COUNTED = new Set([...DETECTED, "Survived", "NoCoverage"]);

interface Tally {
  mutants: number;
  detected: number;
  survived: number;
  noCoverage: number;
}
const pct = (t: Tally) => (t.mutants ? ((100 * t.detected) / t.mutants).toFixed(2) + " %" : "–");

export function summary(dir = RECORD): string {
  const lines: string[] = [];
  const scopes = new Map<string, Tally>();
  const missing: string[] = [];
  for (const p of PARTS) {
    const path = join(dir, `${p.name}.json`);
    if (!existsSync(path)) {
      missing.push(p.name);
      continue;
    }
    let report: Report;
    try {
      report = JSON.parse(readFileSync(path, "utf8")) as Report;
    } catch {
      lines.push(`part ${p.name}: its report ${path} cannot be read`);
      missing.push(p.name);
      continue;
    }
    lines.push(`\npart ${p.name} (${p.scope})`);
    const scope = scopes.get(p.scope) ?? { mutants: 0, detected: 0, survived: 0, noCoverage: 0 };
    for (const [file, { mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
      const t: Tally = { mutants: 0, detected: 0, survived: 0, noCoverage: 0 };
      const left: string[] = [];
      for (const m of mutants) {
        if (!COUNTED.has(m.status)) continue;
        t.mutants++;
        if (DETECTED.has(m.status)) t.detected++;
        else {
          if (m.status === "Survived") t.survived++;
          else t.noCoverage++;
          left.push(`${m.location.start.line} ${m.mutatorName}${m.status === "NoCoverage" ? " (no coverage)" : ""}`);
        }
      }
      for (const k of ["mutants", "detected", "survived", "noCoverage"] as const) scope[k] += t[k];
      lines.push(`  ${file}: ${pct(t)} (${t.detected} of ${t.mutants}; ${t.survived} survived, ${t.noCoverage} no coverage)`);
      if (left.length) lines.push(`    left: ${left.join(", ")}`);
    }
    scopes.set(p.scope, scope);
  }
  lines.push("");
  for (const [name, t] of scopes)
    lines.push(
      `${name === "domain" ? "src/domain" : name}: ${pct(t)} detected (${t.detected} of ${t.mutants}; ${t.survived} survived, ${t.noCoverage} no coverage)${name === "domain" ? " — aim ≥ 85 %" : " — aim ≥ 75 %"}`,
    );
  if (missing.length) lines.push(`not measured yet: ${missing.join(", ")} (run npm run mutate -- --part NAME)`);
  return lines.join("\n");
}

function main(): number {
  const args = process.argv.slice(2);
  if (args.includes("--named")) return runNamed();
  if (args.includes("--mutate")) {
    // a hand-made part: Stryker's own options, MUTATE_TESTS for its tests
    return spawnSync("sh", ["scripts/mutate.sh", ...args], { cwd: ROOT, stdio: "inherit" }).status ?? 1;
  }
  let values;
  try {
    ({ values } = parseArgs({ args, options: { part: { type: "string", multiple: true }, summary: { type: "boolean" }, list: { type: "boolean" }, concurrency: { type: "string" } } }));
  } catch (e) {
    console.error(`npm run mutate: ${(e as Error).message}`);
    return 2;
  }
  if (values.list) {
    for (const p of PARTS) console.log(`${p.name} (${p.scope})\n  files: ${p.files.join(",")}\n  tests: ${p.tests.join(",")}`);
    return 0;
  }
  mkdirSync(OUT, { recursive: true });
  mkdirSync(RECORD, { recursive: true });
  let status = 0;
  if (!values.summary) {
    const names = values.part ?? PARTS.map((p) => p.name);
    for (const n of names) {
      const p = PARTS.find((q) => q.name === n);
      if (!p) {
        console.error(`npm run mutate: no part "${n}"; the parts: ${PARTS.map((q) => q.name).join(", ")}`);
        return 2;
      }
      status = runPart(p, values.concurrency ? ["--concurrency", values.concurrency] : []) || status;
    }
  }
  const text = summary();
  writeFileSync(join(OUT, "summary.txt"), text + "\n");
  console.log(text);
  return status;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) process.exitCode = main();
