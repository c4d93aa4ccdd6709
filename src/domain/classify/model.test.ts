import { describe, expect, it } from "vitest";
import { readCorpus } from "../../../scripts/corpus";
import { examplesOf } from "../../../scripts/lowo";
import { Classifier, MODEL_HEADS } from "./classifier";
import { LinearModel } from "./model";
import { trainModel } from "./train";
import { TRAINING } from "./training";

const sets = readCorpus().slice(0, 3);
const small = { ...TRAINING, epochs: 3, maxFeatures: 5000 };

describe("the model file", () => {
  it("is the same, byte for byte, when trained twice on the same corpus", () => {
    const a = trainModel(examplesOf(sets), small).encode();
    const b = trainModel(examplesOf(sets), small).encode();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("classifies the same after a round trip through its bytes", () => {
    const model = trainModel(examplesOf(sets), small);
    const again = LinearModel.decode(model.encode());
    const email = { mailbox: "secure-message", from: "pat@example.com", subject: "denied", body: "You denied my wheelchair. Please reconsider this decision.", bodyType: "text" as const };
    const x = new Classifier({ model }).classify(email);
    const y = new Classifier({ model: again }).classify(email);
    expect(y.category).toBe(x.category);
    expect(Math.abs(y.confidence - x.confidence)).toBeLessThan(0.03);
  });

  it("refuses a file that is not a model, or is cut short, with a clear message", () => {
    expect(() => LinearModel.decode(new Uint8Array([1, 2, 3]))).toThrow(/too short/);
    expect(() => LinearModel.decode(new TextEncoder().encode("<html>not a model</html>"))).toThrow(/not a triage model/);
    const bytes = trainModel(examplesOf(sets), small).encode();
    expect(() => LinearModel.decode(bytes.subarray(0, bytes.length - 10))).toThrow(/truncated/);
  });

  it("has every head the classifier reads", () => {
    const model = trainModel(examplesOf(sets), small);
    expect(model.header.heads.map((h) => h.name)).toEqual(MODEL_HEADS.map((h) => h.name));
  });
});
