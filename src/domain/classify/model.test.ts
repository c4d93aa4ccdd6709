import { describe, expect, it } from "vitest";
import { readCorpus } from "../../../scripts/corpus";
import { examplesOf } from "../../../scripts/lowo";
import { Classifier, MODEL_HEADS } from "./classifier";
import { LinearModel } from "./model";
import { trainModel } from "./train";
import { TRAINING } from "./training";

// Every sixth email of three writers (about 100): enough for every head's classes, and quick to
// train, so these tests cost little in `npm test` and in each mutation run.
const sets = readCorpus()
  .slice(0, 3)
  .map((s) => ({ ...s, rows: s.rows.filter((_, i) => i % 6 === 0) }));
const small = { ...TRAINING, epochs: 3, maxFeatures: 5000 };
// trained on first use, inside a test, so the training counts as that test's (not the module's)
let once: LinearModel | undefined;
const trained = (): LinearModel => (once ??= trainModel(examplesOf(sets), small));

describe("the model file", () => {
  it("is the same, byte for byte, when trained twice on the same corpus", () => {
    const a = trainModel(examplesOf(sets), small).encode();
    const b = trainModel(examplesOf(sets), small).encode();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("learns the emails it is shown: each comes back with its category, sender type and priority", () => {
    const c = new Classifier({ model: trained() });
    const rows = sets.flatMap((s) => s.rows);
    const wrong = rows.filter((r) => {
      const got = c.classify(r);
      return got.category !== r.expected.category || got.senderType !== r.expected.senderType || got.priority !== r.expected.priority;
    });
    expect(rows.length).toBeGreaterThan(90);
    expect(wrong.map((r) => r.id)).toEqual([]);
  });

  it("classifies the same after a round trip through its bytes", () => {
    const model = trained();
    const again = LinearModel.decode(model.encode());
    const email = { mailbox: "secure-message", from: "pat@example.com", subject: "denied", body: "You denied my wheelchair. Please reconsider this decision.", bodyType: "text" as const };
    const x = new Classifier({ model }).classify(email);
    const y = new Classifier({ model: again }).classify(email);
    expect(y.category).toBe(x.category);
    expect(Math.abs(y.confidence - x.confidence)).toBeLessThan(0.03);
  });

  it("is saved under the version it is given, with the same weights (train names the version after them)", () => {
    const model = trained();
    const renamed = model.encode({ ...model.header, version: "shared-0123456789" });
    const again = LinearModel.decode(renamed);
    expect(again.header.version).toBe("shared-0123456789");
    expect(LinearModel.decode(model.encode()).header.version).toBe(model.header.version);
    expect(again.weights).toEqual(LinearModel.decode(model.encode()).weights);
  });

  it("refuses a file that is not a model, or is cut short, with a clear message", () => {
    expect(() => LinearModel.decode(new Uint8Array([1, 2, 3]))).toThrow(/too short/);
    expect(() => LinearModel.decode(new TextEncoder().encode("<html>not a model</html>"))).toThrow(/not a triage model/);
    const bytes = trained().encode();
    expect(() => LinearModel.decode(bytes.subarray(0, bytes.length - 10))).toThrow(/truncated/);
  });

  it("has every head the classifier reads", () => {
    const model = trained();
    expect(model.header.heads.map((h) => h.name)).toEqual(MODEL_HEADS.map((h) => h.name));
  });
});
