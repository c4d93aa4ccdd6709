/** Leave-one-writer-out: train on every writer but one, classify that one's emails, for each writer in turn. */
import { Classifier, type Classification } from "../src/domain/classify/classifier";
import { score, type Expected, type Scores } from "../src/domain/classify/evaluate";
import type { LinearModel } from "../src/domain/classify/model";
import { fitModel, trainModel, vectorizeAll, type TrainOptions, type TrainingExample } from "../src/domain/classify/train";
import { TRAINING, exampleOf, type LabelledEmail } from "../src/domain/classify/training";
import { fitThresholds, type OutOfFold } from "./calibrate";
import type { LabelledSet } from "./corpus";

export function examplesOf(sets: readonly LabelledSet[]): TrainingExample[] {
  return sets.flatMap((s) => s.rows.map((r) => exampleOf(r, s.name)));
}

export function trainOn(sets: readonly LabelledSet[], extra: Partial<TrainOptions> = {}): LinearModel {
  return trainModel(examplesOf(sets), { ...TRAINING, ...extra });
}

export function classifyAll(model: LinearModel, rows: readonly LabelledEmail[], thresholds?: Record<string, number>): Classification[] {
  const c = new Classifier({ model, ...(thresholds ? { thresholds } : {}) });
  return rows.map((r) => c.classify(r));
}

export interface WriterResult {
  readonly writer: string;
  readonly scores: Scores;
  readonly oof: readonly OutOfFold[];
  readonly model: LinearModel;
}

export interface LowoResult {
  readonly writers: readonly WriterResult[];
  readonly overall: Scores;
  /** Thresholds fitted on every writer's out-of-fold probabilities (what the shipped model uses). */
  readonly thresholds: Record<string, number>;
}

/**
 * Each writer's emails classified by a model trained on the other writers, with the decision
 * thresholds fitted on the other writers' out-of-fold probabilities too: nothing of the writer
 * under test shapes its own figures.
 */
export function leaveOneWriterOut(sets: readonly LabelledSet[], extra: Partial<TrainOptions> = {}, onFold?: (writer: string) => void): LowoResult {
  const opts: TrainOptions = { ...TRAINING, ...extra };
  const vectors = sets.map((s) => vectorizeAll(examplesOf([s]), opts));
  const folds = sets.map((s, i) => {
    const train = vectors.filter((_, j) => j !== i).flat();
    const model = fitModel(train, train.length, opts);
    const c = new Classifier({ model });
    const oof = s.rows.map((r) => ({ expected: r.expected as Expected, ...c.probabilities(r) }));
    onFold?.(s.name);
    return { writer: s.name, model, oof, rows: s.rows };
  });
  const all: { expected: Expected; got: Classification }[] = [];
  const writers = folds.map((f) => {
    const thresholds = fitThresholds(folds.filter((g) => g !== f).flatMap((g) => g.oof));
    const got = classifyAll(f.model, f.rows, thresholds);
    const pairs = f.rows.map((r, k) => ({ expected: r.expected as Expected, got: got[k]! }));
    all.push(...pairs);
    return { writer: f.writer, scores: score(pairs), oof: f.oof, model: f.model };
  });
  return { writers, overall: score(all), thresholds: fitThresholds(folds.flatMap((f) => f.oof)) };
}
