/**
 * `npm run -s eval -- --tenant-simulation`: the tenant model measured as a tenant would see it
 * (docs/decisions/0072). Each writer of the corpus in turn is "the tenant": the shared model is
 * trained without that writer (thresholds fitted on the other writers' out-of-fold probabilities,
 * as leave-one-writer-out does), then the writer's emails arrive in the order of its file; the
 * advocate corrects each mistake (category, priority or a flag) and confirms the rest by acting on
 * them; the tenant model is retrained after every 25 corrections and published only through the
 * guard rails; accuracy is measured on the writer's emails not yet seen.
 *
 * The per-fold shared models are cached in node_modules/.cache/tenant-simulation (keyed by the
 * corpus and the training settings), so a second run takes well under a minute.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Classifier } from "../src/domain/classify/classifier";
import { score, type Expected } from "../src/domain/classify/evaluate";
import { LinearModel } from "../src/domain/classify/model";
import { ADJUSTMENT_DEFAULTS, CONFIRMATION_WEIGHT, applyAdjustment, fitAdjustment, fitGuarded, type AdjustmentOptions, type TenantExample } from "../src/domain/classify/tenant";
import { fitModel, vectorizeAll } from "../src/domain/classify/train";
import { TRAINING, type LabelledEmail } from "../src/domain/classify/training";
import { fitThresholds, type OutOfFold } from "./calibrate";
import { ROOT, readCorpus, readUnseenSets, type LabelledSet } from "./corpus";
import { examplesOf } from "./lowo";
import { TENANT_TRAINING, anchorExamples, exampleMaker } from "./tenant-examples";

export const STEPS = [0, 25, 50, 100] as const;
const RETRAIN_EVERY = 25;
const CACHE = join(ROOT, "node_modules", ".cache", "tenant-simulation");

interface Fold {
  readonly writer: string;
  readonly model: LinearModel;
  readonly thresholds: Record<string, number>;
}

/** The leave-one-writer-out shared models and their thresholds, from the cache when the corpus and settings are unchanged. */
function folds(sets: readonly LabelledSet[], log: (s: string) => void): Fold[] {
  const key = createHash("sha256").update(JSON.stringify(TRAINING)).update(JSON.stringify(sets.map((s) => s.rows))).digest("hex").slice(0, 16);
  const dir = join(CACHE, key);
  const meta = join(dir, "thresholds.json");
  if (existsSync(meta)) {
    const thresholds = JSON.parse(readFileSync(meta, "utf8")) as Record<string, Record<string, number>>;
    return sets.map((s) => ({ writer: s.name, model: LinearModel.decode(readFileSync(join(dir, `${s.name}.bin`))), thresholds: thresholds[s.name]! }));
  }
  log(`training ${sets.length} shared models, one without each writer (cached in ${dir})`);
  const opts = { ...TRAINING, version: "shared-fold" };
  const vectors = sets.map((s) => vectorizeAll(examplesOf([s]), opts));
  const trained = sets.map((s, i) => {
    const train = vectors.filter((_, j) => j !== i).flat();
    // through the file format, so the simulation uses the weights a pane would load
    const model = LinearModel.decode(fitModel(train, train.length, { ...opts, version: `shared-without-${s.name}` }).encode());
    const c = new Classifier({ model });
    const oof: OutOfFold[] = s.rows.map((r) => ({ expected: r.expected as Expected, ...c.probabilities(r) }));
    log(".");
    return { writer: s.name, model, oof };
  });
  log("\n");
  const out = trained.map((f) => ({ writer: f.writer, model: f.model, thresholds: fitThresholds(trained.filter((g) => g !== f).flatMap((g) => g.oof)) }));
  mkdirSync(dir, { recursive: true });
  for (const f of out) writeFileSync(join(dir, `${f.writer}.bin`), f.model.encode());
  writeFileSync(meta, JSON.stringify(Object.fromEntries(out.map((f) => [f.writer, f.thresholds]))));
  return out;
}

const sameFlags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((f) => b.includes(f));

export interface StepResult {
  readonly corrections: number;
  readonly category: number;
  readonly gaRecall: number;
  /** Category hits and G&A found/total, for the overall figures. */
  readonly hits: number;
  readonly n: number;
  readonly gaFound: number;
  readonly gaTotal: number;
  readonly published: string;
}

export interface WriterSimulation {
  readonly writer: string;
  readonly steps: StepResult[];
  readonly corrections: number;
  readonly confirmations: number;
  readonly refused: string[];
}

function measure(model: LinearModel, thresholds: Record<string, number>, rows: readonly LabelledEmail[]) {
  const c = new Classifier({ model, thresholds });
  const pairs = rows.map((r) => ({ expected: r.expected as Expected, got: c.classify(r) }));
  const s = score(pairs);
  const isGa = (x: string) => x === "grievance" || x === "appeal";
  const gaTotal = rows.filter((r) => isGa(r.expected.category)).length;
  const gaFound = pairs.filter((p) => isGa(p.expected.category) && isGa(p.got.category)).length;
  return { category: s.category, gaRecall: s.gaRecall, hits: pairs.filter((p) => p.expected.category === p.got.category).length, n: rows.length, gaFound, gaTotal };
}

/** How the simulation fits (the shipped settings unless an experiment says otherwise: TENANT_SIM='{"anchors":400}'). */
export interface SimulationSettings {
  readonly adjust?: Partial<AdjustmentOptions>;
  /** How many emails of the other writers hold the adjustment in place (0: none). */
  readonly anchors?: number;
  readonly anchorWeight?: number;
  /** Once the rails pass, refit on every example (the held-out slice too) before publishing. */
  readonly refit?: boolean;
  /** false: publish every refit (an experiment's upper bound, never what a tenant runs). */
  readonly rails?: boolean;
  /** How much an action on an email left as classified counts (the pane's CONFIRMATION_WEIGHT). */
  readonly confirmationWeight?: number;
}

/** What a tenant runs (`npm run train -- --site`). */
export const SIMULATION_DEFAULTS: SimulationSettings = TENANT_TRAINING;

/** One writer as the tenant. */
export function simulateWriter(fold: Fold, rows: readonly LabelledEmail[], shipped: readonly LabelledEmail[], others: readonly LabelledEmail[] = [], settings: SimulationSettings = SIMULATION_DEFAULTS): WriterSimulation {
  const { model: shared, thresholds } = fold;
  const shippedShared = measure(shared, thresholds, shipped);
  let current = shared;
  let classifier = new Classifier({ model: current, thresholds });
  const examples: TenantExample[] = [];
  const snapshots = new Map<number, { model: LinearModel; at: number; published: string }>([[0, { model: shared, at: 0, published: shared.header.version }]]);
  const refused: string[] = [];
  let corrections = 0;
  let version = 0;
  const advocates = ["a1", "a2", "a3"];
  const make = exampleMaker(shared);
  const anchors = settings.anchors ? anchorExamples(shared, others, settings.anchors, settings.anchorWeight) : [];
  const options: AdjustmentOptions = { version: "", classWeights: TRAINING.classWeights ?? {}, ...settings.adjust, ...(anchors.length ? { anchors } : {}) };
  for (let i = 0; i < rows.length && examples.length < STEPS[STEPS.length - 1]!; i++) {
    const r = rows[i]!;
    const got = classifier.classify(r);
    const e = r.expected;
    const wrong = got.category !== e.category || got.priority !== e.priority || !sameFlags(got.flags, e.flags);
    examples.push(make(r, wrong ? 1 : (settings.confirmationWeight ?? CONFIRMATION_WEIGHT), advocates[i % advocates.length]!));
    if (wrong) corrections++;
    const n = examples.length;
    if (n % RETRAIN_EVERY === 0) {
      // the guard rails: fitted without a held-out slice of the tenant's own examples, compared on it and on the shipped sets
      const opts = { ...options, version: `tenant-v${++version}` };
      const { adjustment, verdict } = fitGuarded(shared, examples, thresholds, (m) => measure(m, thresholds, shipped), opts, shippedShared);
      const candidate = applyAdjustment(shared, verdict.publish && settings.refit ? fitAdjustment(shared, examples, opts) : adjustment);
      if (verdict.publish || settings.rails === false) {
        current = candidate;
        classifier = new Classifier({ model: current, thresholds });
      } else refused.push(`${adjustment.header.version}: ${verdict.reasons.join("; ")}`);
      if ((STEPS as readonly number[]).includes(n)) snapshots.set(n, { model: current, at: i + 1, published: current.header.version });
    }
  }
  // every step measured on the same emails: those not yet seen when the last step was reached
  const last = Math.max(...[...snapshots.values()].map((s) => s.at));
  const unseen = rows.slice(last);
  const steps = [...snapshots.entries()].map(([n, s]) => ({ corrections: n, published: s.published, ...measure(s.model, thresholds, unseen) }));
  return { writer: fold.writer, steps, corrections, confirmations: examples.length - corrections, refused };
}

export function runTenantSimulation(log: (s: string) => void = (s) => process.stderr.write(s), settings: SimulationSettings = process.env["TENANT_SIM"] ? (JSON.parse(process.env["TENANT_SIM"]) as SimulationSettings) : SIMULATION_DEFAULTS): { writers: WriterSimulation[]; overall: { corrections: number; category: number; gaRecall: number }[] } {
  const sets = readCorpus();
  const all = folds(sets, log);
  const shipped = readUnseenSets().flatMap((s) => s.rows);
  const writers = sets.map((s, i) => {
    const w = simulateWriter(all[i]!, s.rows, shipped, sets.filter((_, j) => j !== i).flatMap((o) => o.rows), settings);
    log(".");
    return w;
  });
  log("\n");
  const overall = STEPS.map((n) => {
    const at = writers.map((w) => w.steps.find((s) => s.corrections === n)).filter((s): s is StepResult => s !== undefined);
    const hits = at.reduce((a, s) => a + s.hits, 0);
    const total = at.reduce((a, s) => a + s.n, 0);
    const found = at.reduce((a, s) => a + s.gaFound, 0);
    const ga = at.reduce((a, s) => a + s.gaTotal, 0);
    return { corrections: n, category: total ? hits / total : 0, gaRecall: ga ? found / ga : 1, writers: at.length };
  });
  return { writers, overall };
}

export function printTenantSimulation(): void {
  const t0 = performance.now();
  const { writers, overall } = runTenantSimulation();
  const line = (n: number, c: number, g: number) => `corrections ${n}: category ${c.toFixed(3)}, G&A recall ${g.toFixed(3)}`;
  for (const w of writers) {
    console.log(`writer ${w.writer} (${w.corrections} corrections, ${w.confirmations} confirmations; measured on the ${w.steps[0]!.n} emails not yet seen at the last step)`);
    for (const s of w.steps) console.log(`  ${line(s.corrections, s.category, s.gaRecall)}  [${s.published}]`);
    for (const r of w.refused) console.log(`  refused ${r}`);
  }
  console.log("overall");
  for (const s of overall) console.log(`  ${line(s.corrections, s.category, s.gaRecall)}`);
  console.log(`(adjustment: ${JSON.stringify(ADJUSTMENT_DEFAULTS)}, settings ${process.env["TENANT_SIM"] ?? JSON.stringify(SIMULATION_DEFAULTS)}, confirmation weight ${CONFIRMATION_WEIGHT}; ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
