import { describe, expect, it } from "vitest";
import { DEFAULT_FEATURES } from "./features";
import { CATEGORIES, SENDER_TYPES } from "./labels";
import { LinearModel, type HeadSpec } from "./model";
import {
  applyAdjustment,
  baseLogits,
  categoryOf,
  compareScores,
  fitAdjustment,
  fitGuarded,
  holdOut,
  logitsOf,
  scoreExamples,
  type AdjustmentOptions,
  type TenantExample,
} from "./tenant";
import type { TrainingLabels } from "./train";

// Small hand-made models: 8 bits (256 buckets), so a feature hash is its bucket in the top byte.
const hashOf = (bucket: number, low = 0): number => ((bucket << 24) | low) >>> 0;

function testHeads(): HeadSpec[] {
  return [
    { name: "category", labels: [...CATEGORIES], kind: "softmax" },
    { name: "senderType", labels: [...SENDER_TYPES], kind: "softmax" },
    { name: "priority", labels: ["routine", "escalated", "high"], kind: "softmax" },
    { name: "repeat_contact", labels: ["repeat_contact"], kind: "logistic" },
    { name: "grievanceOrAppeal", labels: ["grievance", "appeal"], kind: "logistic", of: "category" },
    { name: "highPriority", labels: ["high"], kind: "logistic", of: "priority" },
  ];
}

/** The output of "head:label" (a logistic head: its name alone). */
function outputOf(heads: readonly HeadSpec[], key: string): number {
  const [name, label] = key.split(":");
  let k = 0;
  for (const h of heads) {
    if (h.name === name) return h.kind === "softmax" ? k + h.labels.indexOf(label!) : k;
    k += h.kind === "softmax" ? h.labels.length : 1;
  }
  throw new Error(`no output ${key}`);
}

interface ModelSpec {
  version?: string;
  bits?: number;
  heads?: HeadSpec[];
  rows?: Record<number, Record<string, number>>;
  bias?: Record<string, number>;
  thresholds?: Record<string, number>;
  temperature?: Record<string, number>;
}

function model(o: ModelSpec = {}): LinearModel {
  const heads = o.heads ?? testHeads();
  const K = heads.reduce((n, h) => n + (h.kind === "softmax" ? h.labels.length : 1), 0);
  const rows = o.rows ?? {};
  const buckets = Object.keys(rows)
    .map(Number)
    .sort((a, b) => a - b);
  const weights = new Float32Array(buckets.length * K);
  buckets.forEach((b, r) => {
    for (const [key, w] of Object.entries(rows[b]!)) weights[r * K + outputOf(heads, key)] = w;
  });
  const bias = new Float32Array(K);
  for (const [key, w] of Object.entries(o.bias ?? {})) bias[outputOf(heads, key)] = w;
  const header = {
    format: "triage-linear" as const,
    version: o.version ?? "shared-1",
    bits: o.bits ?? 8,
    features: DEFAULT_FEATURES,
    heads,
    temperature: o.temperature ?? {},
    thresholds: o.thresholds ?? {},
    trainedOn: { emails: 100, writers: 5, corpusHash: "corpus-1" },
  };
  return new LinearModel(header, Uint32Array.from(buckets), weights, bias);
}

function example(buckets: readonly number[], labels: Partial<TrainingLabels> = {}, more: Partial<TenantExample> = {}): TenantExample {
  return {
    features: { hashes: Uint32Array.from(buckets, (b) => hashOf(b)), values: new Float32Array(buckets.length).fill(1) },
    labels: { category: "claims_billing", senderType: "member", priority: "routine", flags: [], ...labels },
    weight: 1,
    advocate: "adv-1",
    ...more,
  };
}

function times(n: number, make: (i: number) => TenantExample): TenantExample[] {
  return Array.from({ length: n }, (_, i) => make(i));
}

/** The adjusted weight of a bucket for an output, or null when the bucket carries none. */
function weightAt(m: LinearModel, bucket: number, key: string): number | null {
  const r = m.rowOf(hashOf(bucket));
  return r < 0 ? null : m.weights[r * m.outputs + outputOf(m.header.heads, key)]!;
}

const fit = (shared: LinearModel, examples: readonly TenantExample[], options: Partial<AdjustmentOptions> = {}): LinearModel =>
  fitAdjustment(shared, examples, { version: "tenant-1", ...options });

describe("fitAdjustment: which corrections teach a label", () => {
  it("learns a category from three corrections that share a word, raising only that category for the word", () => {
    const adj = fit(
      model(),
      times(3, () => example([5], { category: "appeal" })),
    );
    expect(weightAt(adj, 5, "category:appeal")).toBeGreaterThan(0.1);
    // the labels no correction taught are left where the shared model put them
    const others = CATEGORIES.filter((c) => c !== "appeal").map((c) => weightAt(adj, 5, `category:${c}`));
    expect(others).toEqual(others.map(() => 0));
  });

  it("does not learn a category from only two corrections of it (three by default)", () => {
    const adj = fit(
      model(),
      times(2, () => example([5], { category: "appeal" })),
    );
    expect(weightAt(adj, 5, "category:appeal")).toBe(0);
    expect(adj.weights.every((w) => w === 0)).toBe(true);
  });

  it("is not pushed by corrections of a label it was not taught, or of no label it knows", () => {
    const appeals = times(3, () => example([5], { category: "appeal" }));
    const untaught = [...times(2, () => example([5], { category: "grievance" })), example([5], { category: "not_a_category" })];
    const alone = fit(model(), appeals, { l2: 0, maxWeight: 10 });
    const among = fit(model(), [...appeals, ...untaught], { l2: 0, maxWeight: 10 });
    expect(weightAt(among, 5, "category:appeal")).toBeGreaterThan(0.1);
    expect(weightAt(among, 5, "category:appeal")).toBe(weightAt(alone, 5, "category:appeal"));
  });

  it("learns from exactly as many corrections as minPerLabel asks, and not from one fewer", () => {
    const two = times(2, () => example([5], { category: "appeal" }));
    expect(weightAt(fit(model(), two, { minPerLabel: 2 }), 5, "category:appeal")).toBeGreaterThan(0.1);
    expect(weightAt(fit(model(), two, { minPerLabel: 3 }), 5, "category:appeal")).toBe(0);
  });

  it("does not let one advocate alone teach a label when two are required", () => {
    const one = times(3, () => example([5], { category: "appeal" }, { advocate: "adv-a" }));
    expect(weightAt(fit(model(), one, { minAdvocatesPerLabel: 2 }), 5, "category:appeal")).toBe(0);
    const two = times(3, (i) => example([5], { category: "appeal" }, { advocate: i === 0 ? "adv-b" : "adv-a" }));
    expect(weightAt(fit(model(), two, { minAdvocatesPerLabel: 2 }), 5, "category:appeal")).toBeGreaterThan(0.1);
  });

  it("learns the sender type and the priority from their own fields", () => {
    const adj = fit(
      model(),
      times(3, () => example([5], { senderType: "provider", priority: "escalated" })),
    );
    expect(weightAt(adj, 5, "senderType:provider")).toBeGreaterThan(0.1);
    expect(weightAt(adj, 5, "priority:escalated")).toBeGreaterThan(0.1);
    expect(weightAt(adj, 5, "senderType:member")).toBe(0);
    expect(weightAt(adj, 5, "priority:routine")).toBe(0);
  });

  it("ignores a label that is not one of the head's, and a head it cannot read, without failing", () => {
    const heads: HeadSpec[] = [
      { name: "category", labels: [...CATEGORIES], kind: "softmax" },
      // a head the tenant's model does not read, even one whose label is a priority's name
      { name: "tone", labels: ["calm", "routine"], kind: "softmax" },
    ];
    const adj = fit(
      model({ heads }),
      times(6, (i) => example([5], { category: i < 3 ? "not_a_category" : "appeal" })),
    );
    expect(weightAt(adj, 5, "category:appeal")).toBeGreaterThan(0.1);
    expect(weightAt(adj, 5, "tone:calm")).toBe(0);
    expect(weightAt(adj, 5, "tone:routine")).toBe(0);
    expect(adj.weights.every(Number.isFinite)).toBe(true);
  });

  it("teaches a flag only when corrections both with and without it are there", () => {
    const flagged = times(3, () => example([5, 7], { flags: ["repeat_contact"] }));
    const unflagged = times(3, () => example([6, 7]));
    const both = fit(model(), [...flagged, ...unflagged]);
    expect(weightAt(both, 5, "repeat_contact")).toBeGreaterThan(0.1);
    expect(weightAt(both, 6, "repeat_contact")).toBeLessThan(-0.1);
    expect(weightAt(fit(model(), flagged), 5, "repeat_contact")).toBe(0);
    expect(weightAt(fit(model(), unflagged), 6, "repeat_contact")).toBe(0);
  });

  it("reads flags that are not a list (a damaged record) as no flags, without failing", () => {
    const flagged = times(3, () => example([5], { flags: ["repeat_contact"] }));
    const asText = times(3, () => example([6], { flags: "repeat_contact" as unknown as string[] }));
    const missing = times(3, () => example([8], { flags: null as unknown as string[] }));
    const adj = fit(model(), [...flagged, ...asText, ...missing], { minExamplesPerFeature: 3 });
    expect(weightAt(adj, 5, "repeat_contact")).toBeGreaterThan(0.1);
    expect(weightAt(adj, 6, "repeat_contact")).toBeLessThan(-0.1);
    expect(weightAt(adj, 8, "repeat_contact")).toBeLessThan(-0.1);
  });

  it("learns 'grievance or appeal' from the category and 'high priority' from the priority", () => {
    const ga = fit(model(), [...times(3, () => example([5], { category: "grievance" })), ...times(3, () => example([6], { category: "claims_billing" }))]);
    expect(weightAt(ga, 5, "grievanceOrAppeal")).toBeGreaterThan(0.1);
    expect(weightAt(ga, 6, "grievanceOrAppeal")).toBeLessThan(-0.1);
    expect(weightAt(ga, 5, "highPriority")).toBe(0); // every priority was routine: not taught
    const high = fit(model(), [...times(3, () => example([5], { priority: "high" })), ...times(3, () => example([6], { priority: "routine" }))]);
    expect(weightAt(high, 5, "highPriority")).toBeGreaterThan(0.1);
    expect(weightAt(high, 6, "highPriority")).toBeLessThan(-0.1);
    expect(weightAt(high, 5, "grievanceOrAppeal")).toBe(0); // no grievance or appeal: not taught
  });
});

describe("fitAdjustment: which features are adjusted", () => {
  it("adjusts a word two corrections hold, and not one only one correction holds", () => {
    const adj = fit(model(), [example([5, 9], { category: "appeal" }), example([5], { category: "appeal" }), example([5, 4], { category: "appeal" })]);
    expect(weightAt(adj, 5, "category:appeal")).toBeGreaterThan(0.1);
    expect(weightAt(adj, 9, "category:appeal")).toBeNull();
    expect(weightAt(adj, 4, "category:appeal")).toBeNull();
  });

  it("leaves the adjusted words' weights as they would be without a word only one correction holds", () => {
    const a = fit(model(), [example([5, 9], { category: "appeal" }), example([5], { category: "appeal" }), example([5], { category: "appeal" })], {
      maxWeight: 10,
    });
    const b = fit(
      model(),
      times(3, () => example([5], { category: "appeal" })),
      { maxWeight: 10 },
    );
    expect([...a.weights]).toEqual([...b.weights]);
  });

  it("adjusts a word exactly as many corrections hold as minExamplesPerFeature asks, and not one fewer", () => {
    const examples = [example([5, 9], { category: "appeal" }), example([5, 9], { category: "appeal" }), example([5], { category: "appeal" })];
    const adj = fit(model(), examples, { minExamplesPerFeature: 3 });
    expect(weightAt(adj, 5, "category:appeal")).toBeGreaterThan(0.1);
    expect(weightAt(adj, 9, "category:appeal")).toBeNull();
  });

  it("counts a correction once for a word even when it holds the word twice", () => {
    const twice: TenantExample = {
      ...example([], { category: "appeal" }),
      features: { hashes: Uint32Array.of(hashOf(9, 1), hashOf(9, 2), hashOf(5)), values: Float32Array.of(1, 1, 1) },
    };
    const adj = fit(model(), [twice, example([5], { category: "appeal" }), example([5], { category: "appeal" })]);
    expect(weightAt(adj, 9, "category:appeal")).toBeNull();
    expect(weightAt(adj, 5, "category:appeal")).not.toBeNull();
  });

  it("adds up the values of the features that fall in one bucket", () => {
    const appeal = (hashes: number[], values: number[]): TenantExample => ({
      ...example([], { category: "appeal" }),
      features: { hashes: Uint32Array.from(hashes), values: Float32Array.from(values) },
    });
    const grievances = times(3, () => example([5], { category: "grievance" }));
    const fitWith = (make: () => TenantExample) => weightAt(fit(model(), [...times(3, make), ...grievances], { maxWeight: 10 }), 5, "category:appeal")!;
    const split = fitWith(() => appeal([hashOf(5, 1), hashOf(5, 2)], [0.25, 0.75]));
    const whole = fitWith(() => appeal([hashOf(5)], [1]));
    const part = fitWith(() => appeal([hashOf(5)], [0.75]));
    expect(split).toBeCloseTo(whole, 5);
    expect(Math.abs(part - whole)).toBeGreaterThan(1e-3);
  });

  it("makes an empty adjustment, which changes nothing, from no corrections", () => {
    const shared = model({ rows: { 5: { "category:appeal": 1 } }, bias: { "category:claims_billing": 0.5 } });
    const adj = fit(shared, []);
    expect(adj.weights.length).toBe(0);
    expect([...adj.bias]).toEqual(new Array(shared.outputs).fill(0));
    const applied = applyAdjustment(shared, adj);
    expect([...applied.weights]).toEqual([...shared.weights]);
    expect([...applied.bias]).toEqual([...shared.bias]);
  });
});

describe("fitAdjustment: limits", () => {
  it("keeps every weight within maxWeight, reaching it when the corrections push hard", () => {
    const examples = [...times(6, () => example([5], { category: "appeal" })), ...times(6, () => example([6]))];
    const adj = fit(model(), examples, { maxWeight: 0.2, epochs: 40, learningRate: 1 });
    const ws = [...adj.weights];
    expect(Math.max(...ws)).toBeCloseTo(0.2, 6);
    expect(Math.min(...ws)).toBeCloseTo(-0.2, 6);
    expect(ws.every((w) => Math.abs(w) <= 0.2 + 1e-7)).toBe(true);
  });

  it("holds the weights to the default bound of 0.5", () => {
    const examples = [...times(6, () => example([5], { category: "appeal" })), ...times(6, () => example([6]))];
    const adj = fit(model(), examples, { epochs: 40, learningRate: 1 });
    expect(Math.max(...adj.weights)).toBeCloseTo(0.5, 6);
    expect(Math.min(...adj.weights)).toBeCloseTo(-0.5, 6);
  });

  it("leaves the shared biases alone by default, and adjusts them, within bounds, when asked", () => {
    const examples = [...times(6, () => example([5], { category: "appeal" })), ...times(6, () => example([6]))];
    expect(fit(model(), examples).bias.every((b) => b === 0)).toBe(true);
    const adj = fit(model(), examples, { adjustBias: true, maxWeight: 0.2, epochs: 40, learningRate: 1 });
    const bias = [...adj.bias];
    const shared = model();
    expect(bias[outputOf(shared.header.heads, "category:appeal")]).toBeCloseTo(0.2, 6);
    expect(bias[outputOf(shared.header.heads, "category:claims_billing")]).toBeGreaterThan(0.05);
    expect(bias.every((b) => Math.abs(b) <= 0.2 + 1e-7)).toBe(true);
    // the labels no correction taught keep the shared model's bias
    expect(bias[outputOf(shared.header.heads, "category:grievance")]).toBe(0);
  });

  it("moves a word's weight by AdaGrad steps on the error of the shared scores plus its own", () => {
    // two corrections holding one word at value 0.5, one epoch: two steps, the second on the scores the first changed
    const adj = fit(
      model(),
      times(2, () => ({ ...example([], { category: "appeal" }), features: { hashes: Uint32Array.of(hashOf(5)), values: Float32Array.of(0.5) } })),
      { epochs: 1, learningRate: 1, l2: 0.5, maxWeight: 10, minPerLabel: 2 },
    );
    const v = 0.5;
    const g1 = (1 / 12 - 1) * v;
    const G1 = 1e-8 + g1 * g1;
    const w1 = -g1 / Math.sqrt(G1);
    const p2 = Math.exp(w1 * v) / (Math.exp(w1 * v) + 11);
    const g2 = (p2 - 1) * v + 0.5 * w1;
    const w2 = w1 - g2 / Math.sqrt(G1 + g2 * g2);
    expect(weightAt(adj, 5, "category:appeal")).toBeCloseTo(w2, 5);
  });

  it("moves the biases by AdaGrad steps too, when asked", () => {
    // two corrections with no kept word, one epoch: the bias alone moves
    const adj = fit(
      model(),
      times(2, () => example([], { category: "appeal" })),
      { adjustBias: true, epochs: 1, learningRate: 1, l2: 0.5, maxWeight: 10, minPerLabel: 2 },
    );
    const g1 = 1 / 12 - 1;
    const G1 = 1e-8 + g1 * g1;
    const b1 = -g1 / Math.sqrt(G1);
    const p2 = Math.exp(b1) / (Math.exp(b1) + 11);
    const g2 = p2 - 1 + 0.5 * b1;
    const b2 = b1 - g2 / Math.sqrt(G1 + g2 * g2);
    expect(adj.bias[outputOf(adj.header.heads, "category:appeal")]).toBeCloseTo(b2, 5);
    expect(adj.bias[outputOf(adj.header.heads, "category:grievance")]).toBe(0);
  });

  it("changes nothing when trained for no epochs", () => {
    const adj = fit(
      model(),
      times(3, () => example([5], { category: "appeal" })),
      { epochs: 0, adjustBias: true },
    );
    expect(weightAt(adj, 5, "category:appeal")).toBe(0);
    expect(adj.bias.every((b) => b === 0)).toBe(true);
  });

  it("takes bigger steps with a bigger learning rate", () => {
    const examples = times(3, () => example([5], { category: "appeal" }));
    const slow = weightAt(fit(model(), examples, { epochs: 1, learningRate: 0.01, maxWeight: 10 }), 5, "category:appeal")!;
    const fast = weightAt(fit(model(), examples, { epochs: 1, learningRate: 0.1, maxWeight: 10 }), 5, "category:appeal")!;
    expect(slow).toBeGreaterThan(0);
    expect(fast).toBeCloseTo(slow * 10, 2);
  });

  it("holds the weights nearer zero with a stronger l2 penalty", () => {
    const examples = [...times(3, () => example([5], { category: "appeal" })), ...times(3, () => example([6]))];
    const loose = weightAt(fit(model(), examples, { l2: 0, epochs: 20, maxWeight: 10 }), 5, "category:appeal")!;
    const tight = weightAt(fit(model(), examples, { l2: 1, epochs: 20, maxWeight: 10 }), 5, "category:appeal")!;
    expect(tight).toBeGreaterThan(0);
    expect(tight).toBeLessThan(loose * 0.8);
  });

  it("counts a correction more than a confirmation", () => {
    const appeals = times(3, () => example([5], { category: "appeal" }));
    const grievances = times(3, () => example([5], { category: "grievance" }, { weight: 0.3 }));
    const adj = fit(model(), [...appeals, ...grievances], { maxWeight: 10 });
    expect(weightAt(adj, 5, "category:appeal")!).toBeGreaterThan(weightAt(adj, 5, "category:grievance")! + 0.05);
    const flagged = times(3, () => example([5], { flags: ["repeat_contact"] }));
    const confirmedUnflagged = times(3, () => example([5], {}, { weight: 0.3 }));
    expect(weightAt(fit(model(), [...flagged, ...confirmedUnflagged], { maxWeight: 10 }), 5, "repeat_contact")).toBeGreaterThan(0.1);
  });

  it("learns nothing from corrections of weight zero", () => {
    const adj = fit(
      model(),
      [...times(3, () => example([5], { category: "appeal", flags: ["repeat_contact"] }, { weight: 0 })), ...times(3, () => example([5], {}, { weight: 0 }))],
      { adjustBias: true },
    );
    expect(adj.weights.every((w) => w === 0)).toBe(true);
    expect(weightAt(adj, 5, "category:appeal")).toBe(0);
    expect(adj.bias.every((b) => b === 0)).toBe(true);
  });
});

describe("fitAdjustment: class weights", () => {
  it("leans towards a category given extra weight", () => {
    const examples = [...times(3, () => example([5], { category: "claims_billing" })), ...times(3, () => example([5], { category: "grievance" }))];
    const plain = fit(model(), examples, { maxWeight: 10 });
    const weighted = fit(model(), examples, { maxWeight: 10, classWeights: { "category:claims_billing": 3 } });
    const lead = (m: LinearModel) => weightAt(m, 5, "category:claims_billing")! - weightAt(m, 5, "category:grievance")!;
    expect(Math.abs(lead(plain))).toBeLessThan(0.15);
    expect(lead(weighted)).toBeGreaterThan(lead(plain) + 0.2);
    const other = fit(model(), examples, { maxWeight: 10, classWeights: { "category:grievance": 3 } });
    expect(lead(other)).toBeLessThan(lead(plain) - 0.2);
  });

  it("gives a yes/no head's extra weight to its 'yes' answers only", () => {
    const examples = [...times(3, () => example([5], { category: "appeal" })), ...times(3, () => example([5]))];
    const plain = weightAt(fit(model(), examples, { maxWeight: 10 }), 5, "grievanceOrAppeal")!;
    const weighted = weightAt(fit(model(), examples, { maxWeight: 10, classWeights: { "grievanceOrAppeal:appeal": 3 } }), 5, "grievanceOrAppeal")!;
    expect(Math.abs(plain)).toBeLessThan(0.05);
    expect(weighted).toBeGreaterThan(plain + 0.2);
  });

  it("ignores class weights naming another head, another label or no label", () => {
    const examples = [...times(3, () => example([5], { category: "appeal" })), ...times(3, () => example([5], { category: "general_inquiry" }))];
    const plain = fit(model(), examples);
    const odd = fit(model(), examples, { classWeights: { "tone:angry": 5, "category:not_a_category": 5, "senderType:nobody": 5, category: 5 } });
    expect([...odd.weights]).toEqual([...plain.weights]);
  });
});

describe("fitAdjustment: on top of the shared model", () => {
  it("adjusts little where the shared model already gives the corrected label", () => {
    const examples = [...times(3, () => example([5], { category: "appeal" })), ...times(3, () => example([6]))];
    const wrong = fit(model(), examples);
    const right = fit(model({ rows: { 5: { "category:appeal": 12 }, 6: { "category:claims_billing": 12 } } }), examples);
    expect(weightAt(wrong, 5, "category:appeal")).toBeGreaterThan(0.1);
    expect(Math.abs(weightAt(right, 5, "category:appeal")!)).toBeLessThan(0.01);
  });

  it("fits on the scores the pane read when they come from this shared model, however large", () => {
    const shared = model();
    const logits = new Float32Array(shared.outputs);
    logits[outputOf(shared.header.heads, "category:appeal")] = 1000;
    const adj = fit(
      shared,
      times(3, () => example([5], { category: "appeal" }, { base: { version: "shared-1", logits } })),
    );
    expect(weightAt(adj, 5, "category:appeal")).toBe(0);
    expect(adj.weights.every(Number.isFinite)).toBe(true);
  });

  it("leaves a flag alone where the shared model already gets it right", () => {
    const shared = model();
    const sure = (yes: boolean) => {
      const l = new Float32Array(shared.outputs);
      l[outputOf(shared.header.heads, "repeat_contact")] = yes ? 1000 : -1000;
      return { version: "shared-1", logits: l };
    };
    const examples = [
      ...times(3, () => example([5], { flags: ["repeat_contact"] }, { base: sure(true) })),
      ...times(3, () => example([5], {}, { base: sure(false) })),
    ];
    expect(weightAt(fit(shared, examples), 5, "repeat_contact")).toBe(0);
  });

  it("learns a category undisturbed by a huge score of another head", () => {
    const shared = model();
    const logits = new Float32Array(shared.outputs);
    logits[outputOf(shared.header.heads, "senderType:member")] = 1000;
    const adj = fit(
      shared,
      times(3, () => example([5], { category: "appeal" }, { base: { version: "shared-1", logits } })),
    );
    expect(weightAt(adj, 5, "category:appeal")).toBeGreaterThan(0.1);
    expect(adj.weights.every(Number.isFinite)).toBe(true);
  });

  it("recomputes the scores from the features when another shared model read the email", () => {
    const shared = model();
    const logits = new Float32Array(shared.outputs);
    logits[outputOf(shared.header.heads, "category:appeal")] = 1000;
    const adj = fit(
      shared,
      times(3, () => example([5], { category: "appeal" }, { base: { version: "shared-0", logits } })),
    );
    expect(weightAt(adj, 5, "category:appeal")).toBeGreaterThan(0.1);
  });

  it("opens no word and teaches no label from the anchors, but is held back by them", () => {
    const tenant = [...times(3, () => example([5], { category: "appeal" })), ...times(3, () => example([6]))];
    const anchors = [...times(6, () => example([5, 7])), ...times(3, () => example([5], { category: "grievance" }))];
    const free = fit(model(), tenant, { maxWeight: 10 });
    const held = fit(model(), tenant, { anchors, maxWeight: 10 });
    expect(weightAt(held, 7, "category:claims_billing")).toBeNull();
    expect(weightAt(held, 5, "category:grievance")).toBe(0);
    expect(weightAt(held, 5, "category:appeal")!).toBeLessThan(weightAt(free, 5, "category:appeal")! - 0.05);
    expect(held.header.trainedOn.emails).toBe(6);
  });

  it("adds up an anchor's features that fall in one bucket", () => {
    const tenant = [...times(3, () => example([0], { category: "appeal" })), ...times(3, () => example([6]))];
    const anchor = (v1: number, v2: number): TenantExample => ({
      ...example([]),
      features: { hashes: Uint32Array.of(hashOf(0, 1), hashOf(0, 2)), values: Float32Array.of(v1, v2) },
    });
    const split = fit(model(), tenant, { anchors: times(3, () => anchor(0.5, 0.5)), maxWeight: 10 });
    const whole = fit(model(), tenant, { anchors: times(3, () => ({ ...example([0]) })), maxWeight: 10 });
    const half = fit(model(), tenant, { anchors: times(3, () => anchor(0.5, 0)), maxWeight: 10 });
    expect(weightAt(split, 0, "category:appeal")).toBeCloseTo(weightAt(whole, 0, "category:appeal")!, 5);
    expect(Math.abs(weightAt(half, 0, "category:appeal")! - weightAt(whole, 0, "category:appeal")!)).toBeGreaterThan(1e-3);
  });

  it("fits the anchors on the shared model's scores too", () => {
    const tenant = [...times(3, () => example([5], { category: "appeal" })), ...times(3, () => example([6]))];
    const shared = model();
    const logits = new Float32Array(shared.outputs);
    logits[outputOf(shared.header.heads, "category:claims_billing")] = 1000;
    const known = fit(shared, tenant, { anchors: times(6, () => example([5], {}, { base: { version: "shared-1", logits } })), maxWeight: 10, l2: 0 });
    const unknown = fit(shared, tenant, { anchors: times(6, () => example([5])), maxWeight: 10, l2: 0 });
    const free = fit(shared, tenant, { maxWeight: 10, l2: 0 });
    // the shared model already gets the anchors right: they hold nothing back
    expect(weightAt(known, 5, "category:appeal")).toBe(weightAt(free, 5, "category:appeal"));
    expect(weightAt(unknown, 5, "category:appeal")!).toBeLessThan(weightAt(free, 5, "category:appeal")! - 0.05);
  });
});

describe("fitAdjustment: the model it makes", () => {
  it("names its version, keeps the shared model's feature space and heads, and counts corrections and advocates", () => {
    const shared = model({ thresholds: { gaPick: 0.3 }, temperature: { category: 2 } });
    const examples = times(5, (i) => example([5], { category: "appeal" }, { advocate: `adv-${i % 2}` }));
    const adj = fit(shared, examples, { version: "tenant-7" });
    expect(adj.header).toEqual({
      format: "triage-linear",
      version: "tenant-7",
      bits: 8,
      features: DEFAULT_FEATURES,
      heads: shared.header.heads,
      temperature: {},
      thresholds: {},
      trainedOn: { emails: 5, writers: 2, corpusHash: "shared-1" },
    });
  });

  it("is the same, byte for byte, when fitted twice on the same corrections", () => {
    const make = () => [...times(4, (i) => example([5, 10 + i], { category: "appeal" })), ...times(4, (i) => example([6, 10 + i]))];
    const a = fit(model(), make(), { adjustBias: true }).encode();
    const b = fit(model(), make(), { adjustBias: true }).encode();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("visits the corrections in an order set by the seed", () => {
    const examples = [...times(4, (i) => example([5, 10 + i], { category: "appeal" })), ...times(4, (i) => example([5, 10 + i], { category: "grievance" }))];
    const a = fit(model(), examples, { seed: 1, epochs: 1, maxWeight: 10 });
    const b = fit(model(), examples, { seed: 2, epochs: 1, maxWeight: 10 });
    expect([...a.weights]).not.toEqual([...b.weights]);
  });

  it("classifies the same after a round trip through its bytes", () => {
    const shared = model({ rows: { 5: { "category:claims_billing": 1 }, 6: { "category:appeal": 0.5 } } });
    const adj = fit(shared, [...times(3, () => example([5], { category: "appeal" })), ...times(3, () => example([6]))], { adjustBias: true });
    const again = LinearModel.decode(adj.encode());
    expect(again.header.version).toBe("tenant-1");
    const f = { hashes: Uint32Array.of(hashOf(5), hashOf(6)), values: Float32Array.of(0.6, 0.4) };
    const x = logitsOf(applyAdjustment(shared, adj), f);
    const y = logitsOf(applyAdjustment(shared, again), f);
    for (let k = 0; k < x.length; k++) expect(y[k]).toBeCloseTo(x[k]!, 2);
    expect(categoryOf(shared, y, {})).toBe(categoryOf(shared, x, {}));
  });
});

describe("applyAdjustment", () => {
  it("adds the tenant's weights and biases to the shared model's, word by word, and names both versions", () => {
    const shared = model({
      rows: { 0: { "category:appeal": 1 }, 2: { "category:grievance": 2 }, 3: { "category:appeal": 0.5 } },
      bias: { "category:appeal": 0.25 },
      thresholds: { gaPick: 0.3 },
      temperature: { category: 1.5 },
    });
    const adj = model({
      version: "tenant-2",
      rows: { 0: { "category:appeal": 0.5 }, 3: { "category:appeal": 0.25, "category:claims_billing": -0.5 }, 4: { "priority:high": 0.5 } },
      bias: { "category:appeal": 0.5, "priority:high": -0.25 },
    });
    const both = applyAdjustment(shared, adj);
    expect(both.header.version).toBe("shared-1+tenant-2");
    expect(both.header.thresholds).toEqual({ gaPick: 0.3 });
    expect(both.header.temperature).toEqual({ category: 1.5 });
    expect(both.header.trainedOn).toEqual(shared.header.trainedOn);
    expect(weightAt(both, 0, "category:appeal")).toBe(1.5);
    expect(weightAt(both, 2, "category:grievance")).toBe(2);
    expect(weightAt(both, 3, "category:appeal")).toBe(0.75);
    expect(weightAt(both, 3, "category:claims_billing")).toBe(-0.5);
    expect(weightAt(both, 4, "priority:high")).toBe(0.5);
    expect(weightAt(both, 4, "category:appeal")).toBe(0);
    expect(weightAt(both, 1, "category:appeal")).toBeNull();
    expect(both.bias[outputOf(shared.header.heads, "category:appeal")]).toBe(0.75);
    expect(both.bias[outputOf(shared.header.heads, "priority:high")]).toBe(-0.25);
    expect(both.weights.length).toBe(4 * shared.outputs);
    // the shared model itself is left as it was
    expect(weightAt(shared, 0, "category:appeal")).toBe(1);
    expect(weightAt(shared, 3, "category:appeal")).toBe(0.5);
    expect(shared.bias[outputOf(shared.header.heads, "category:appeal")]).toBe(0.25);
  });

  it("scores an email as the shared model's scores plus the adjustment's", () => {
    const shared = model({ rows: { 5: { "category:claims_billing": 1 }, 6: { "category:appeal": 0.5 } }, bias: { "category:claims_billing": 0.1 } });
    const adj = model({ version: "tenant-2", rows: { 6: { "category:appeal": 0.25 }, 7: { "category:appeal": 0.5 } }, bias: { "category:appeal": 0.2 } });
    const f = { hashes: Uint32Array.of(hashOf(5), hashOf(6), hashOf(7), hashOf(8)), values: Float32Array.of(1, 2, 0.5, 1) };
    const both = logitsOf(applyAdjustment(shared, adj), f);
    const apart = logitsOf(shared, f).map((v, k) => v + logitsOf(adj, f)[k]!);
    expect([...both]).toEqual([...apart]);
  });

  it("refuses, with a clear message, an adjustment made for another feature space, other heads or other features", () => {
    const shared = model();
    const other = model({ bits: 9 });
    expect(() => applyAdjustment(shared, other)).toThrow("the tenant model does not fit this shared model (other heads or features)");
    const heads = testHeads().slice(0, 3);
    expect(() => applyAdjustment(shared, model({ heads }))).toThrow(/does not fit/);
    const renamed = testHeads().map((h) => (h.name === "priority" ? { ...h, labels: ["low", "normal", "high"] } : h));
    expect(() => applyAdjustment(shared, model({ heads: renamed }))).toThrow(/does not fit/);
    const features = new LinearModel(
      { ...shared.header, features: { ...DEFAULT_FEATURES, bigrams: false } },
      new Uint32Array(0),
      new Float32Array(0),
      new Float32Array(shared.outputs),
    );
    expect(() => applyAdjustment(shared, features)).toThrow(/does not fit/);
    expect(() => applyAdjustment(shared, model())).not.toThrow();
  });

  it("refuses a tenant model fitted on another shared model's heads after a round trip through its bytes", () => {
    const shared = model();
    const heads: HeadSpec[] = [{ name: "category", labels: [...CATEGORIES], kind: "softmax" }];
    const stored = fit(
      model({ heads }),
      times(3, () => example([5], { category: "appeal" })),
    ).encode();
    expect(() => applyAdjustment(shared, LinearModel.decode(stored))).toThrow(/does not fit/);
  });
});

describe("logitsOf and baseLogits", () => {
  it("scores kept features as the biases plus each word's weights times its value, skipping unknown words", () => {
    const m = model({ rows: { 0: { "category:appeal": 2 }, 6: { "category:appeal": -1, "priority:high": 0.5 } }, bias: { "category:appeal": 0.25 } });
    const f = { hashes: Uint32Array.of(hashOf(0), hashOf(6, 3), hashOf(9)), values: Float32Array.of(0.5, 2, 4) };
    const out = logitsOf(m, f);
    expect(out[outputOf(m.header.heads, "category:appeal")]).toBe(0.25 + 1 - 2);
    expect(out[outputOf(m.header.heads, "priority:high")]).toBe(1);
    expect(out.filter((v) => v !== 0).length).toBe(2);
    expect(m.bias[outputOf(m.header.heads, "category:appeal")]).toBe(0.25); // the model's own biases untouched
  });

  it("uses the scores the pane read only when this shared model wrote them and they fit its outputs", () => {
    const shared = model({ rows: { 5: { "category:appeal": 2 } } });
    const read = new Float32Array(shared.outputs).fill(0.5);
    const own = example([5], {}, { base: { version: "shared-1", logits: read } });
    expect(baseLogits(shared, own)).toBe(read);
    const recomputed = [...logitsOf(shared, own.features)];
    expect([...baseLogits(shared, example([5], {}, { base: { version: "shared-0", logits: read } }))]).toEqual(recomputed);
    const short = new Float32Array(shared.outputs - 1).fill(0.5);
    expect([...baseLogits(shared, example([5], {}, { base: { version: "shared-1", logits: short } }))]).toEqual(recomputed);
    expect([...baseLogits(shared, example([5]))]).toEqual(recomputed);
  });
});

describe("categoryOf", () => {
  const categoryLogits = (m: LinearModel, scores: Record<string, number>): Float32Array => {
    const l = new Float32Array(m.outputs);
    for (const [k, v] of Object.entries(scores)) l[outputOf(m.header.heads, k)] = v;
    return l;
  };
  const noGaHeads = (): HeadSpec[] => testHeads().filter((h) => h.name !== "grievanceOrAppeal");

  it("picks the most likely topic when grievance and appeal together are unlikely", () => {
    const m = model({ heads: noGaHeads() });
    expect(categoryOf(m, categoryLogits(m, { "category:authorization": 2, "category:portal_access": 1 }), {})).toBe("authorization");
    expect(categoryOf(m, categoryLogits(m, { "category:general_inquiry": 2 }), {})).toBe("general_inquiry");
  });

  it("never picks grievance or appeal as a topic, even the single most likely one, below the threshold", () => {
    const m = model({ heads: noGaHeads() });
    const l = categoryLogits(m, { "category:appeal": 3, "category:grievance": 2.5, "category:benefits_coverage": 1 });
    expect(categoryOf(m, l, { gaPick: 0.99 })).toBe("benefits_coverage");
  });

  it("picks the first topic of equally likely ones", () => {
    const m = model({ heads: noGaHeads() });
    expect(categoryOf(m, new Float32Array(m.outputs), { gaPick: 0.9 })).toBe("claims_billing");
  });

  it("picks grievance or appeal when their probability together reaches 0.4 by default", () => {
    const m = model({ heads: noGaHeads() });
    // two of twelve at logit x, the rest at 0: P = 2e^x / (2e^x + 10)
    const at = (p: number) => Math.log((10 * p) / (2 - 2 * p));
    expect(categoryOf(m, categoryLogits(m, { "category:appeal": at(0.42), "category:grievance": at(0.42) }), {})).toBe("appeal");
    expect(categoryOf(m, categoryLogits(m, { "category:appeal": at(0.38), "category:grievance": at(0.38) }), {})).toBe("claims_billing");
  });

  it("picks appeal over grievance when it is at least as likely, else grievance", () => {
    const m = model({ heads: noGaHeads() });
    expect(categoryOf(m, categoryLogits(m, { "category:appeal": 3, "category:grievance": 3 }), {})).toBe("appeal");
    expect(categoryOf(m, categoryLogits(m, { "category:appeal": 3, "category:grievance": 3.1 }), {})).toBe("grievance");
    expect(categoryOf(m, categoryLogits(m, { "category:appeal": 3.1, "category:grievance": 3 }), {})).toBe("appeal");
  });

  it("picks grievance or appeal at exactly the threshold given", () => {
    const m = model({ heads: noGaHeads() });
    const l = categoryLogits(m, { "category:appeal": 0.5, "category:grievance": 0.5 });
    const p = m.probabilities(0, l);
    const ga = p[CATEGORIES.indexOf("grievance")]! + p[CATEGORIES.indexOf("appeal")]!;
    expect(categoryOf(m, l, { gaPick: ga })).toBe("appeal");
    expect(categoryOf(m, l, { gaPick: ga + 1e-6 })).toBe("claims_billing");
  });

  it("averages the grievance-or-appeal head with the category's own grievance and appeal", () => {
    const m = model();
    // the category alone: P(grievance) + P(appeal) = 2/12; the yes/no head almost sure
    const sure = categoryLogits(m, { grievanceOrAppeal: 8 });
    expect(categoryOf(m, sure, {})).toBe("appeal");
    expect(categoryOf(m, sure, { gaPick: 0.6 })).toBe("claims_billing"); // (≈1 + 1/6) / 2 ≈ 0.58
    // the category sure (P ≈ 1), the head sure it is not: ≈ 0.5
    const split = categoryLogits(m, { "category:grievance": 10, grievanceOrAppeal: -10 });
    expect(categoryOf(m, split, { gaPick: 0.45 })).toBe("grievance");
    expect(categoryOf(m, split, { gaPick: 0.55 })).not.toMatch(/grievance|appeal/);
  });
});

describe("categoryOf, with the yes/no head first", () => {
  it("reads the grievance-or-appeal head wherever the model puts it", () => {
    const heads: HeadSpec[] = [
      { name: "grievanceOrAppeal", labels: ["grievance", "appeal"], kind: "logistic", of: "category" },
      { name: "category", labels: [...CATEGORIES], kind: "softmax" },
    ];
    const m = model({ heads });
    const l = new Float32Array(m.outputs);
    l[0] = 8; // the yes/no head almost sure; the category alone gives grievance and appeal 2/12
    expect(categoryOf(m, l, {})).toBe("appeal");
  });
});

describe("scoreExamples", () => {
  it("gives the category accuracy and the grievance/appeal recall of the shared model", () => {
    const shared = model({ rows: { 1: { "category:claims_billing": 5 }, 2: { "category:appeal": 5 } } });
    const examples = [
      example([1], { category: "claims_billing" }),
      example([2], { category: "appeal" }),
      example([1], { category: "grievance" }), // called claims: missed
      example([2], { category: "grievance" }), // called appeal: wrong category, but found
    ];
    expect(scoreExamples(shared, null, examples, {})).toEqual({ n: 4, category: 0.5, gaRecall: 2 / 3 });
  });

  it("adds the adjustment's scores, and leaves the pane's stored scores as they were", () => {
    const shared = model({ rows: { 1: { "category:claims_billing": 5 } } });
    const adj = model({ version: "tenant-1", rows: { 1: { "category:grievance": 10 } } });
    const read = logitsOf(shared, example([1]).features);
    const stored = Float32Array.from(read);
    const examples = [example([1], { category: "grievance" }, { base: { version: "shared-1", logits: stored } }), example([3], { category: "claims_billing" })];
    expect(scoreExamples(shared, null, examples, {})).toEqual({ n: 2, category: 0.5, gaRecall: 0 });
    expect(scoreExamples(shared, adj, examples, {})).toEqual({ n: 2, category: 1, gaRecall: 1 });
    expect([...stored]).toEqual([...read]);
  });

  it("decides with the thresholds given", () => {
    const shared = model({ heads: testHeads().filter((h) => h.name !== "grievanceOrAppeal"), rows: { 1: { "category:appeal": 1, "category:grievance": 1 } } });
    const examples = [example([1], { category: "appeal" })];
    expect(scoreExamples(shared, null, examples, { gaPick: 0.2 }).category).toBe(1);
    expect(scoreExamples(shared, null, examples, { gaPick: 0.9 }).category).toBe(0);
  });

  it("counts a set with no grievance or appeal, or no examples at all, as fully recalled", () => {
    const shared = model({ rows: { 1: { "category:claims_billing": 5 } } });
    expect(scoreExamples(shared, null, [example([1]), example([1], { category: "authorization" })], {})).toEqual({ n: 2, category: 0.5, gaRecall: 1 });
    expect(scoreExamples(shared, null, [], {})).toEqual({ n: 0, category: 1, gaRecall: 1 });
  });
});

describe("holdOut", () => {
  it("holds out every fourth example, in the order given, and trains on the rest", () => {
    expect(holdOut([0, 1, 2, 3, 4, 5, 6, 7, 8])).toEqual({ train: [0, 1, 2, 4, 5, 6, 8], held: [3, 7] });
  });

  it("holds out every k-th when asked, and nothing from fewer than k", () => {
    expect(holdOut(["a", "b", "c", "d", "e"], 2)).toEqual({ train: ["a", "c", "e"], held: ["b", "d"] });
    expect(holdOut(["a", "b", "c"])).toEqual({ train: ["a", "b", "c"], held: [] });
    expect(holdOut([])).toEqual({ train: [], held: [] });
  });
});

describe("compareScores", () => {
  it("publishes a tenant model at least as good as the shared model on every set", () => {
    expect(
      compareScores([
        { name: "held", shared: { category: 0.8, gaRecall: 0.9 }, tenant: { category: 0.8, gaRecall: 0.9 } },
        { name: "shipped", shared: { category: 0.7, gaRecall: 0.9 }, tenant: { category: 0.75, gaRecall: 1 } },
      ]),
    ).toEqual({ publish: true, reasons: [] });
    expect(compareScores([])).toEqual({ publish: true, reasons: [] });
  });

  it("publishes a model lower by exactly the rounding allowance", () => {
    const v = compareScores([{ name: "held", shared: { category: 0.8, gaRecall: 0.9 }, tenant: { category: 0.8 - 1e-9, gaRecall: 0.9 - 1e-9 } }]);
    expect(v).toEqual({ publish: true, reasons: [] });
  });

  it("does not count a difference of rounding as worse", () => {
    expect(compareScores([{ name: "held", shared: { category: 0.8, gaRecall: 0.9 }, tenant: { category: 0.8 - 1e-10, gaRecall: 0.9 - 1e-10 } }]).publish).toBe(
      true,
    );
  });

  it("refuses one whose category accuracy or grievance/appeal recall is lower, saying where and by how much", () => {
    const v = compareScores([
      { name: "held-out corrections", shared: { category: 0.8, gaRecall: 0.9 }, tenant: { category: 0.7, gaRecall: 0.9 } },
      { name: "shipped sets", shared: { category: 0.8, gaRecall: 0.9 }, tenant: { category: 0.8, gaRecall: 0.85 } },
      { name: "both", shared: { category: 0.8, gaRecall: 0.9 }, tenant: { category: 0.79, gaRecall: 0.8 } },
    ]);
    expect(v).toEqual({
      publish: false,
      reasons: [
        "held-out corrections: category 0.700 below the shared model's 0.800",
        "shipped sets: grievance/appeal recall 0.850 below the shared model's 0.900",
        "both: category 0.790 below the shared model's 0.800",
        "both: grievance/appeal recall 0.800 below the shared model's 0.900",
      ],
    });
  });
});

describe("fitGuarded", () => {
  it("fits without the held-out slice, and compares on it and on the shipped sets", () => {
    const shared = model();
    const examples = times(8, (i) => example([5], { category: "appeal" }, { advocate: `adv-${i}` }));
    const scored: string[] = [];
    const shipped = (m: LinearModel) => (scored.push(m.header.version), { category: 0.8, gaRecall: 0.9 });
    const g = fitGuarded(shared, examples, {}, shipped, { version: "tenant-3", maxWeight: 5, learningRate: 1 });
    expect(g.adjustment.header.trainedOn).toEqual({ emails: 6, writers: 6, corpusHash: "shared-1" });
    expect(weightAt(g.adjustment, 5, "category:appeal")).toBeGreaterThan(0.1);
    expect(scored).toEqual(["shared-1", "shared-1+tenant-3"]);
    expect(g.figures).toEqual([
      { name: "held-out corrections", shared: { n: 2, category: 0, gaRecall: 0 }, tenant: { n: 2, category: 1, gaRecall: 1 } },
      { name: "shipped sets", shared: { category: 0.8, gaRecall: 0.9 }, tenant: { category: 0.8, gaRecall: 0.9 } },
    ]);
    expect(g.verdict).toEqual({ publish: true, reasons: [] });
  });

  it("uses the shared model's shipped figures when given, and refuses a model worse on the shipped sets", () => {
    const shared = model();
    const examples = times(8, () => example([5], { category: "appeal" }));
    const scored: string[] = [];
    const shipped = (m: LinearModel) => (scored.push(m.header.version), { category: 0.7, gaRecall: 0.9 });
    const g = fitGuarded(shared, examples, {}, shipped, { version: "tenant-4" }, { category: 0.75, gaRecall: 0.9 });
    expect(scored).toEqual(["shared-1+tenant-4"]);
    expect(g.figures[1]).toEqual({ name: "shipped sets", shared: { category: 0.75, gaRecall: 0.9 }, tenant: { category: 0.7, gaRecall: 0.9 } });
    expect(g.verdict).toEqual({ publish: false, reasons: ["shipped sets: category 0.700 below the shared model's 0.750"] });
  });

  it("scores the held-out slice with the thresholds given", () => {
    const shared = model();
    const examples = times(8, () => example([5], { category: "appeal" }));
    const g = fitGuarded(shared, examples, { gaPick: 1.1 }, () => ({ category: 1, gaRecall: 1 }), { version: "tenant-5", maxWeight: 5, learningRate: 1 });
    expect(g.figures[0]!.tenant).toEqual({ n: 2, category: 0, gaRecall: 0 });
  });
});
