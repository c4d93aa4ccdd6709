/**
 * Ends a run with one plain line, "N passed, N failed, N skipped", that any CI can read. The line
 * never says "0 failed" of a run that failed: a test that did not run because its file failed to
 * load or its beforeAll threw counts as failed (only a test marked skip or todo counts as skipped),
 * a file or suite that failed outside its tests counts once, so does each unhandled error, and a
 * `vitest run` that exits non-zero with nothing counted (a global setup that threw, no test files)
 * counts one failure. In `vitest run` the line is written as the process exits, so it is the last
 * line and agrees with the exit code; in watch mode it ends each run.
 */
import { writeSync } from "node:fs";
import type { Reporter, TestModule, Vitest } from "vitest/node";

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** The counts of a finished run (exported for the reporter's own test). */
export function countRun(testModules: ReadonlyArray<TestModule>, unhandledErrors: number): Counts {
  const c: Counts = { passed: 0, failed: 0, skipped: 0 };
  for (const m of testModules) {
    let failedHere = 0;
    for (const t of m.children.allTests()) {
      const state = t.result().state;
      if (state === "passed") c.passed++;
      else if (state === "failed") failedHere++;
      else if (t.options.mode === "skip" || t.options.mode === "todo") c.skipped++; // marked so, or left out by a -t filter
      else failedHere++; // meant to run, and did not: its file or a hook before it failed
    }
    const suiteFailed = m.state() === "failed" || [...m.children.allSuites()].some((s) => s.state() === "failed");
    if (suiteFailed && failedHere === 0) failedHere = 1; // an afterAll, or an error outside any test
    c.failed += failedHere;
  }
  c.failed += unhandledErrors;
  return c;
}

export function summaryLine(c: Counts, exitCode: number): string {
  const failed = exitCode !== 0 && c.failed === 0 ? 1 : c.failed;
  return `${c.passed} passed, ${failed} failed, ${c.skipped} skipped`;
}

export default class SummaryReporter implements Reporter {
  private counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  private atExit = false;

  onInit(vitest: Vitest): void {
    if (vitest.config.watch) return;
    this.atExit = true;
    process.once("exit", (code) => {
      const exitCode = typeof code === "number" ? code : Number(process.exitCode ?? 0);
      writeSync(1, `\n${summaryLine(this.counts, exitCode)}\n`);
    });
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>, reason?: string): void {
    this.counts = countRun(testModules, unhandledErrors.length);
    if (reason === "failed" && this.counts.failed === 0) this.counts.failed = 1;
    if (!this.atExit) process.stdout.write(`\n${summaryLine(this.counts, 0)}\n`);
  }
}
