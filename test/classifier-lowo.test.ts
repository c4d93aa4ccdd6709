/**
 * The classifier measured as it will meet mail: leave-one-writer-out over the corpus (each
 * writer's emails classified by a model trained on the other fifteen, with thresholds fitted on
 * them too), the same computation as `npm run -s eval`. Floors sit just below the figures reached
 * (docs/decisions/0023), so a change that costs a few emails fails here.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { LowoResult } from "../scripts/lowo";
import { readCorpus } from "../scripts/corpus";
import { leaveOneWriterOut } from "../scripts/lowo";

let lowo: LowoResult;

beforeAll(() => {
  lowo = leaveOneWriterOut(readCorpus());
}, 900_000);

describe("leave-one-writer-out over the corpus", () => {
  it("keeps grievance and appeal recall, high-priority recall and their precision at the floors", () => {
    const s = lowo.overall;
    expect(s.gaRecall).toBeGreaterThanOrEqual(FLOORS.gaRecall);
    expect(s.gaPrecision).toBeGreaterThanOrEqual(FLOORS.gaPrecision);
    expect(s.highRecall).toBeGreaterThanOrEqual(FLOORS.highRecall);
    expect(s.highPrecision).toBeGreaterThanOrEqual(FLOORS.highPrecision);
  });

  it("scores every labelled field at its floor", () => {
    const s = lowo.overall;
    expect(s.category).toBeGreaterThanOrEqual(FLOORS.category);
    expect(s.macroF1).toBeGreaterThanOrEqual(FLOORS.macroF1);
    expect(s.senderType).toBeGreaterThanOrEqual(FLOORS.senderType);
    expect(s.priority).toBeGreaterThanOrEqual(FLOORS.priority);
    expect(s.language).toBeGreaterThanOrEqual(FLOORS.language);
    expect(s.flagMicroF1).toBeGreaterThanOrEqual(FLOORS.flagMicroF1);
  });

  it("leaves no writer's fold far behind", () => {
    const low = lowo.writers.filter((w) => w.scores.category < FLOORS.writerCategory).map((w) => `${w.writer} ${w.scores.category.toFixed(3)}`);
    expect(low).toEqual([]);
  });
});

/** Just below the figures of the shipped configuration (see the closing note of the session that set them). */
const FLOORS = {
  category: 0.85,
  macroF1: 0.85,
  gaRecall: 0.96,
  gaPrecision: 0.75,
  highRecall: 0.9,
  highPrecision: 0.7,
  senderType: 0.87,
  priority: 0.87,
  language: 0.99,
  flagMicroF1: 0.88,
  writerCategory: 0.7,
};
