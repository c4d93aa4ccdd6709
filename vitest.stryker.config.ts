/**
 * The tests StrykerJS runs against each mutant (`npm run mutate`): every unit and integration test,
 * without the end-to-end tests (a browser per mutant is too slow for two cores, and they cover the
 * UI, which is not mutated), the leave-one-writer-out evaluation (minutes per run), the summary
 * reporter's test (it starts vitest itself), the 10,000-id property test of query encoding (it
 * outlasts any timeout when instrumented) and the harness build of the global setup.
 * MUTATE_TESTS (comma-separated globs) narrows the tests for a quick run on one part, e.g.
 * MUTATE_TESTS='src/domain/templates/*.test.ts' npm run mutate -- --mutate 'src/domain/templates/send-check.ts'.
 * Instrumented tests on a busy machine are slow: the timeouts are generous.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: process.env["MUTATE_TESTS"] ? process.env["MUTATE_TESTS"].split(",") : ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["test/e2e/**", "test/classifier-lowo.test.ts", "test/summary-reporter.test.ts", "test/query-encoding.test.ts", "**/node_modules/**"],
    environment: "node",
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
