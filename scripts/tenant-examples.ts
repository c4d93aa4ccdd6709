/**
 * Tenant examples made from labelled emails, exactly as the pane makes them (privacy-safe features
 * and the shared model's scores of the whole email): the simulation's advocates write them, and
 * both the simulation and `npm run train -- --site` take anchors from the shipped corpus with them
 * (docs/decisions/0072: examples of other writers' mail that hold the tenant's adjustment to what
 * the shared model already gets right).
 */
import { prepareEmail } from "../src/domain/classify/classifier";
import { WordBuffer, readEmail } from "../src/domain/classify/features";
import { Scorer, type LinearModel } from "../src/domain/classify/model";
import { privateFeatures } from "../src/domain/classify/private-features";
import type { TenantExample } from "../src/domain/classify/tenant";
import type { LabelledEmail } from "../src/domain/classify/training";
import { seededRandom } from "../src/domain/random";

/** How many corpus emails hold a tenant's adjustment in place, and at what weight (measured: decision 72). */
export const ANCHORS = { count: 400, weight: 0.3, seed: 7 } as const;

/**
 * How a tenant's adjustment is fitted, in `npm run train -- --site` and in the simulation alike:
 * anchored by the corpus, it may learn faster and further than decision 71's unanchored settings.
 */
export const TENANT_TRAINING = { anchors: ANCHORS.count, anchorWeight: ANCHORS.weight, adjust: { learningRate: 0.3, maxWeight: 1 } } as const;

/** Makes examples of one shared model; reuses its scorer and word buffer between emails. */
export function exampleMaker(shared: LinearModel): (r: LabelledEmail, weight: number, advocate: string) => TenantExample {
  const scorer = new Scorer(shared);
  const buf = new WordBuffer();
  return (r, weight, advocate) => {
    const p = prepareEmail(r);
    const parts = { subject: p.subject, own: p.own, quoted: p.quoted, structure: p.structure };
    readEmail(parts, shared.features, buf);
    return { features: privateFeatures(parts, shared), base: { version: shared.header.version, logits: scorer.logits(buf) }, labels: r.expected, weight, advocate };
  };
}

/** `n` rows drawn without replacement, the same for the same seed. */
export function sample<T>(rows: readonly T[], n: number, seed: number): T[] {
  const rand = seededRandom(seed);
  const pool = [...rows];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
  return out;
}

/** The anchors for a tenant's adjustment: `count` emails of `rows` (the shipped corpus, never the evaluation sets). */
export function anchorExamples(shared: LinearModel, rows: readonly LabelledEmail[], count: number = ANCHORS.count, weight: number = ANCHORS.weight): TenantExample[] {
  const make = exampleMaker(shared);
  return sample(rows, count, ANCHORS.seed).map((r) => make(r, weight, "corpus"));
}
