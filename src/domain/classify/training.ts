/**
 * How the shipped model is trained: the settings chosen by measurement (docs/decisions/0023) and
 * the conversion of a labelled corpus line into a training example. Used by `npm run train`,
 * `npm run eval` and the tests, so all three train the same way.
 */
import { prepareEmail, MODEL_HEADS, type EmailInput } from "./classifier";
import { DEFAULT_FEATURES } from "./features";
import type { TrainOptions, TrainingExample, TrainingLabels } from "./train";

export const TRAINING: Omit<TrainOptions, "version" | "corpusHash" | "thresholds" | "temperature"> = {
  heads: MODEL_HEADS,
  features: DEFAULT_FEATURES,
  bits: 18,
  epochs: 10,
  learningRate: 0.4,
  l2: 1e-6,
  seed: 20261201,
  minWriters: 2,
  classWeights: { "category:grievance": 2, "category:appeal": 2, "priority:high": 2 },
  maxFeatures: 22_000,
};

export interface LabelledEmail extends EmailInput {
  readonly id: string;
  readonly writer?: string;
  readonly expected: TrainingLabels & { readonly language?: string };
}

export function exampleOf(row: LabelledEmail, writer: string, internalDomains?: readonly string[]): TrainingExample {
  const p = prepareEmail(row, internalDomains);
  return {
    parts: { subject: p.subject, own: p.own, quoted: p.quoted, structure: p.structure },
    labels: row.expected,
    writer,
  };
}
