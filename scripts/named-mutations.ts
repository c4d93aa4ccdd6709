/**
 * `npm run mutate -- --named`: the changes issue 15 names — realistic mistakes that once passed
 * every test — made again, one at a time, each followed by the tests that should notice it. Each
 * must fail at least one of them; the command prints one line per change and exits non-zero when
 * any change passes its tests. The source file is restored after each change, also when the run
 * is interrupted; a file with uncommitted changes is refused rather than touched.
 *
 *   npm run mutate -- --named              every change, about a minute
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
/** The domain's own compile (no DOM, node or Office types). */
const TSC = [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.domain.json", "--noEmit"];

export interface NamedMutation {
  /** What the change does, as the issue names it. */
  readonly name: string;
  readonly file: string;
  /** Text that stands exactly once in the file, and what it becomes. */
  readonly from: string;
  readonly to: string;
  /** The test files expected to notice it. */
  readonly tests: readonly string[];
}

export const NAMED: readonly NamedMutation[] = [
  {
    name: "only = escaped as a CSV formula (+ - @, tab and CR no longer prefixed)",
    file: "src/domain/reports/csv.ts",
    from: String.raw`/^[=+\-@\t\r]/`,
    to: "/^[=]/",
    tests: ["src/domain/reports/csv.test.ts"],
  },
  {
    name: "the plain-language check's reading-grade limit raised from 8 to 12",
    file: "src/domain/templates/plain-language.ts",
    from: "options.maxGrade ?? 8",
    to: "options.maxGrade ?? 12",
    tests: ["src/domain/templates/plain-language.test.ts", "src/domain/templates/send-check.test.ts"],
  },
  {
    name: "the default at-risk window of business-day clocks halved",
    file: "src/domain/sla/clocks.ts",
    from: "? Math.min(calendar.businessMinutesInDay(due), lengthMinutes)",
    to: "? Math.min(calendar.businessMinutesInDay(due), lengthMinutes) / 2",
    tests: ["src/domain/sla/clocks.test.ts"],
  },
  {
    name: "the classifier's grievance-or-appeal threshold moved up by 0.1",
    file: "src/domain/classify/classifier.ts",
    from: 'const gaPicked = ga >= this.thresholds["gaPick"]!;',
    to: 'const gaPicked = ga >= this.thresholds["gaPick"]! + 0.1;',
    tests: ["src/domain/classify/classifier.rules.test.ts", "src/domain/classify/classifier.explain.test.ts"],
  },
  {
    name: "the classifier's high-priority threshold moved up by 0.1",
    file: "src/domain/classify/classifier.ts",
    from: 'pHigh >= this.thresholds["high"]! ?',
    to: 'pHigh >= this.thresholds["high"]! + 0.1 ?',
    tests: ["src/domain/classify/classifier.rules.test.ts", "src/domain/classify/classifier.explain.test.ts"],
  },
  {
    name: "provider cues ignored for the sender type (a provider read as a member)",
    file: "src/domain/classify/classifier.ts",
    from: "senderType = SENDER_TYPES[s]!;",
    to: 'senderType = SENDER_TYPES[s] === "provider" ? "member" : SENDER_TYPES[s]!;',
    tests: ["test/classifier-sets.test.ts"],
  },
  {
    name: "the applied-operations window cut from 60 to 1",
    file: "src/adapters/graph/log-sender.ts",
    from: "const KEEP_APPLIED = 60;",
    to: "const KEEP_APPLIED = 1;",
    tests: ["test/log-two-writers.test.ts", "src/adapters/graph/log-sender.test.ts"],
  },
  {
    name: "a side-effect import of node:fs in the domain",
    file: "src/domain/sla/clocks.ts",
    from: 'import type { BusinessCalendar } from "../calendar/calendar";',
    to: 'import "node:fs";\nimport type { BusinessCalendar } from "../calendar/calendar";',
    // the domain's own compile and the lint refuse it (npm test runs both before vitest)
    tests: [],
  },
  {
    name: "If-Match removed from the batch update (two writers changing the same field)",
    file: "src/adapters/graph/list-client.ts",
    from: 'headers: { "If-Match": u.eTag, "Content-Type": "application/json" },',
    to: 'headers: { "Content-Type": "application/json" },',
    tests: ["test/log-two-writers.test.ts", "test/log-faults.test.ts"],
  },
  {
    name: "If-Match removed from the single update",
    file: "src/adapters/graph/list-client.ts",
    from: '.header("If-Match", eTag).patch(fields)',
    to: ".patch(fields)",
    tests: ["src/adapters/graph/list-client.test.ts", "test/log-two-writers.test.ts"],
  },
];

function run(cmd: string, args: readonly string[]): boolean {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return r.status === 0;
}

/** Makes one change, runs its checks, restores the file; true when the checks fail (the change is noticed). */
function noticed(m: NamedMutation): boolean {
  const path = join(ROOT, m.file);
  const original = readFileSync(path, "utf8");
  const at = original.indexOf(m.from);
  if (at < 0 || original.indexOf(m.from, at + 1) >= 0) throw new Error(`${m.file}: the text to change is not there exactly once; update scripts/named-mutations.ts`);
  const restore = () => writeFileSync(path, original);
  const onSignal = () => {
    restore();
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  writeFileSync(path, original.slice(0, at) + m.to + original.slice(at + m.from.length));
  try {
    if (m.tests.length === 0) return !run(process.execPath, TSC) || !run(process.execPath, [join(ROOT, "node_modules", "eslint", "bin", "eslint.js"), m.file]);
    return !run(process.execPath, [join(ROOT, "node_modules", "vitest", "vitest.mjs"), "run", ...m.tests]);
  } finally {
    restore();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

export function runNamed(): number {
  const dirty = spawnSync("git", ["status", "--porcelain", "--", ...new Set(NAMED.map((m) => m.file))], { cwd: ROOT, encoding: "utf8" });
  if (dirty.status === 0 && dirty.stdout.trim() !== "") {
    console.error(`npm run mutate -- --named: these files have uncommitted changes; commit or stash them first:\n${dirty.stdout}`);
    return 2;
  }
  // the checks must pass on the code as it is, or a failure would say nothing about a change
  const tests = [...new Set(NAMED.flatMap((m) => m.tests))];
  if (!run(process.execPath, [join(ROOT, "node_modules", "vitest", "vitest.mjs"), "run", ...tests]) || !run(process.execPath, TSC)) {
    console.error("npm run mutate -- --named: the checks fail on the unchanged code; fix that first (npx vitest run <the files in scripts/named-mutations.ts>)");
    return 2;
  }
  let survived = 0;
  for (const m of NAMED) {
    const ok = noticed(m);
    if (!ok) survived++;
    console.log(`${ok ? "noticed " : "SURVIVED"}  ${m.name}  (${m.tests.length ? m.tests.join(", ") : "the domain's compile and the lint"})`);
  }
  console.log(survived === 0 ? "every named change fails at least one check" : `${survived} named change(s) passed their checks`);
  return survived === 0 ? 0 : 1;
}
