/**
 * `npm run -s eval`: honest figures for the classifier. Leave-one-writer-out over the corpus (each
 * writer's emails classified by a model trained on the other writers, with thresholds fitted on the
 * other writers too), then the model trained on all writers scored on the sets it never trains on
 * (the shared dev set and the team's held-out fixtures), as unseen writers.
 *   --fit        also write the thresholds fitted on all writers to corpus/calibration.json (then run npm run train)
 *   --json       first print the leave-one-writer-out figures as one JSON line (the tests read it)
 *   --lowo-only  stop after the leave-one-writer-out figures
 *   --tenant-simulation  only the tenant simulation (scripts/tenant-simulation.ts, docs/decisions/0072)
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatScores, score, type Expected } from "../src/domain/classify/evaluate";
import { THRESHOLDS_PATH, readCorpus, readUnseenSets } from "./corpus";
import { classifyAll, leaveOneWriterOut, trainOn } from "./lowo";
import { printTenantSimulation } from "./tenant-simulation";

const { values } = parseArgs({ options: { fit: { type: "boolean" }, json: { type: "boolean" }, "lowo-only": { type: "boolean" }, "tenant-simulation": { type: "boolean" } } });
if (values["tenant-simulation"]) {
  printTenantSimulation();
  process.exit(0);
}
const sets = readCorpus();
const t0 = performance.now();
const lowo = leaveOneWriterOut(sets, {}, () => process.stderr.write("."));
process.stderr.write("\n");
if (values.json) {
  // one line for the tests: the same figures as the text below
  console.log(JSON.stringify({ overall: lowo.overall, writers: lowo.writers.map((w) => ({ writer: w.writer, scores: w.scores })), thresholds: lowo.thresholds }));
  if (values["lowo-only"]) process.exit(0);
}
for (const w of lowo.writers) console.log(formatScores(`writer ${w.writer}`, w.scores));
console.log(formatScores("leave-one-writer-out overall", lowo.overall));
console.log(`thresholds fitted on all writers' out-of-fold probabilities: ${JSON.stringify(lowo.thresholds)}`);
if (values.fit) {
  writeFileSync(THRESHOLDS_PATH, `${JSON.stringify({ thresholds: lowo.thresholds }, null, 2)}\n`);
  console.log(`wrote ${THRESHOLDS_PATH}`);
}
const full = trainOn(sets);
const unseen: { expected: Expected; got: ReturnType<typeof classifyAll>[number] }[] = [];
for (const s of readUnseenSets()) {
  const got = classifyAll(full, s.rows, lowo.thresholds);
  const pairs = s.rows.map((r, k) => ({ expected: r.expected as Expected, got: got[k]! }));
  unseen.push(...pairs);
  console.log(formatScores(`unseen ${s.name}`, score(pairs)));
}
console.log(formatScores("unseen sets together", score(unseen)));
console.log(`(${sets.length} writers, ${sets.reduce((n, s) => n + s.rows.length, 0)} emails, ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
