/**
 * `npm run mutate -- --named`: the changes issue 15 names — realistic mistakes that once passed
 * every test — made again, one at a time, each followed by the tests that should notice it. Each
 * must fail at least one of them; the command prints one line per change and exits non-zero when
 * any change passes its tests. The changes are made in a throwaway git worktree of HEAD (the
 * committed code), never in the working tree; a change is "noticed" only when a test fails (or,
 * for the domain's imports, when both the compile and the lint refuse it), and a check stopped by
 * a signal ends the run.
 *
 *   npm run mutate -- --named              every change, about a minute and a half
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");

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

/** How a check ended: passed, failed (a test or the tool found a fault), or could not say. */
type Outcome = "passed" | "failed" | "broken";

class Interrupted extends Error {}

/** Runs a node script in `cwd` and returns its exit status. */
function exec(cwd: string, args: readonly string[]): number | null {
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  // a check stopped by a signal (Ctrl-C reaches the child too) ends the whole run: it proves nothing
  if (r.signal) throw new Interrupted(`stopped by ${r.signal}`);
  return r.status;
}

/** Vitest over `tests` in `cwd`: "failed" only when at least one test failed, not when a file would not run. */
function vitest(cwd: string, tests: readonly string[]): Outcome {
  const report = join(cwd, ".named-mutations-report.json");
  rmSync(report, { force: true });
  const status = exec(cwd, [join(cwd, "node_modules", "vitest", "vitest.mjs"), "run", "--reporter=json", `--outputFile=${report}`, ...tests]);
  if (!existsSync(report)) return "broken";
  const r = JSON.parse(readFileSync(report, "utf8")) as { numFailedTests?: number; numTotalTests?: number };
  if (status === 0 && (r.numFailedTests ?? 0) === 0 && (r.numTotalTests ?? 0) > 0) return "passed";
  return (r.numFailedTests ?? 0) > 0 ? "failed" : "broken";
}

/** A tool that exits 1 on a finding (tsc, eslint). */
function tool(cwd: string, args: readonly string[]): Outcome {
  const status = exec(cwd, args);
  return status === 0 ? "passed" : status === 1 || status === 2 ? "failed" : "broken";
}

/** The domain's own compile and the lint of `file`: "failed" only when both refuse it. */
function compileAndLint(cwd: string, file: string): Outcome {
  const compile = tool(cwd, [join(cwd, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.domain.json", "--noEmit"]);
  const lint = tool(cwd, [join(cwd, "node_modules", "eslint", "bin", "eslint.js"), file]);
  return compile === "failed" && lint === "failed" ? "failed" : compile === "broken" || lint === "broken" ? "broken" : "passed";
}

/** The checks of one change: its tests, or (for none) the domain's compile and the lint. */
function checks(cwd: string, m: NamedMutation): Outcome {
  return m.tests.length ? vitest(cwd, m.tests) : compileAndLint(cwd, m.file);
}

/**
 * Every change is made in a throwaway git worktree of HEAD beside the project (so `../shared`
 * resolves as it does here), never in the working tree: an interrupted run leaves nothing changed.
 */
export function runNamed(): number {
  const dir = join(ROOT, "..", `.named-mutations-${process.pid}`);
  const git = (...args: string[]) => spawnSync("git", args, { cwd: ROOT, encoding: "utf8" });
  const added = git("worktree", "add", "--detach", dir, "HEAD");
  if (added.status !== 0) {
    console.error(`npm run mutate -- --named: could not make a worktree of HEAD at ${dir}: ${added.stderr.trim()}`);
    return 2;
  }
  try {
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    // the checks must pass on the code as it is, or a failure would say nothing about a change
    const tests = [...new Set(NAMED.flatMap((m) => m.tests))];
    const files = [...new Set(NAMED.filter((m) => m.tests.length === 0).map((m) => m.file))];
    const base = [vitest(dir, tests), ...files.map((f) => compileAndLint(dir, f))];
    if (base.some((o) => o !== "passed")) {
      console.error(`npm run mutate -- --named: the checks do not pass on HEAD as it is (tests ${base[0]}, compile and lint ${base.slice(1).join(", ")}); fix that first`);
      return 2;
    }
    let survived = 0;
    let broken = 0;
    for (const m of NAMED) {
      const path = join(dir, m.file);
      const original = readFileSync(path, "utf8");
      const at = original.indexOf(m.from);
      if (at < 0 || original.indexOf(m.from, at + 1) >= 0) throw new Error(`${m.file}: the text to change is not there exactly once; update scripts/named-mutations.ts`);
      writeFileSync(path, original.slice(0, at) + m.to + original.slice(at + m.from.length));
      const outcome = checks(dir, m);
      writeFileSync(path, original);
      if (outcome === "passed") survived++;
      if (outcome === "broken") broken++;
      const label = outcome === "failed" ? "noticed " : outcome === "passed" ? "SURVIVED" : "BROKEN  ";
      console.log(`${label}  ${m.name}  (${m.tests.length ? m.tests.join(", ") : "the domain's compile and the lint"})`);
    }
    if (survived === 0 && broken === 0) console.log("every named change fails at least one check");
    else console.log(`${survived} named change(s) passed their checks; ${broken} could not be checked (the checks did not run to the end)`);
    return survived === 0 && broken === 0 ? 0 : 1;
  } catch (e) {
    console.error(`npm run mutate -- --named: ${(e as Error).message}`);
    return e instanceof Interrupted ? 130 : 2;
  } finally {
    git("worktree", "remove", "--force", dir);
  }
}
