/**
 * `npm run train`: the shared model from the corpus (corpus/writers/*.jsonl), with the thresholds
 * fitted on held-out writers (corpus/calibration.json, written by `npm run eval -- --fit`), into
 * assets/triage-model.bin. A fixed seed: the same corpus gives the same file, byte for byte.
 * The shared dev set and the held-out fixtures are never read here.
 * With --site or --base-url it trains the tenant's model instead (scripts/train-tenant.ts).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { CORPUS_DIR, MODEL_PATH, THRESHOLDS_PATH, readCorpus } from "./corpus";
import { trainOn } from "./lowo";
import { TRAINING } from "../src/domain/classify/training";

const tenantArgs = process.argv.slice(2);
if (tenantArgs.some((a) => /^--(site|base-url|rollback|models)(=|$)/.test(a))) {
  const { trainTenant } = await import("./train-tenant");
  process.exit(await trainTenant(tenantArgs));
}
const sets = readCorpus(CORPUS_DIR);
const hash = createHash("sha256");
for (const s of sets) hash.update(JSON.stringify(s.rows));
const corpusHash = hash.digest("hex");
const thresholds = existsSync(THRESHOLDS_PATH) ? (JSON.parse(readFileSync(THRESHOLDS_PATH, "utf8")) as { thresholds: Record<string, number> }).thresholds : {};
const t0 = performance.now();
const model = trainOn(sets, { version: "shared", corpusHash, thresholds });
// the version names what made the weights (the corpus, the training settings, the thresholds)
// and the weights themselves: a change in how an email is read moves the weights and so the
// version, which corrections' stored scores and tenant models are tied to (decision 74)
const weights = createHash("sha256").update(model.encode()).digest("hex");
const version = `shared-${createHash("sha256").update(corpusHash).update(JSON.stringify(TRAINING)).update(JSON.stringify(thresholds)).update(weights).digest("hex").slice(0, 10)}`;
const bytes = model.encode({ ...model.header, version });
writeFileSync(MODEL_PATH, bytes);
const emails = sets.reduce((n, s) => n + s.rows.length, 0);
console.log(
  `model ${version}: ${emails} emails from ${sets.length} writers, ${model.weights.length / model.outputs} weighted features, ` +
    `${(bytes.length / 1024).toFixed(0)} KB (${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(0)} KB gzip), trained in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${MODEL_PATH}`,
);
