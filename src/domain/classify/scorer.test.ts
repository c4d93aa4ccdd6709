import { describe, expect, it } from "vitest";
import { MODEL_HEADS } from "./classifier";
import { DEFAULT_FEATURES, PART_OWN, PART_QUOTED, WordBuffer, charNgrams, expandFeatures, featureNorm, readEmail, type TextParts } from "./features";
import { LinearModel, Scorer, type ModelHeader } from "./model";

// The scorer is checked against a plain sum written here: every feature of the email as training
// reads it (expandFeatures), times its row of weights. The models are built by hand so that every
// bucket carries weight (any word, pair or n-gram counts) and the first row is the one asked for.

const HEADER: ModelHeader = {
  format: "triage-linear",
  version: "test",
  bits: 8,
  features: DEFAULT_FEATURES,
  heads: MODEL_HEADS,
  temperature: {},
  thresholds: {},
  trainedOn: { emails: 0, writers: 0, corpusHash: "" },
};
const OUTPUTS = MODEL_HEADS.reduce((k, h) => k + (h.kind === "softmax" ? h.labels.length : 1), 0);

/** A dense model: every bucket of `bits` has a row, `first` (if given) in row 0, weights from a fixed seed. */
function denseModel(first?: number, bits = 8, seed = 7): LinearModel {
  const n = 1 << bits;
  const order = Array.from({ length: n }, (_, i) => n - 1 - i).filter((b) => b !== first);
  if (first !== undefined) order.unshift(first);
  let s = seed;
  const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1;
  const weights = Float32Array.from({ length: n * OUTPUTS }, rand);
  const bias = Float32Array.from({ length: OUTPUTS }, rand);
  return new LinearModel({ ...HEADER, bits }, Uint32Array.from(order), weights, bias);
}

function read(parts: Partial<TextParts>, model: LinearModel): WordBuffer {
  const buf = new WordBuffer();
  readEmail({ subject: "", own: "", quoted: "", structure: [], ...parts }, model.features, buf);
  return buf;
}

/** bias + Σ value · row, over the features training reads. */
function referenceLogits(model: LinearModel, buf: WordBuffer): number[] {
  const K = model.outputs;
  const out = Array.from(model.bias);
  expandFeatures(buf, model.features, (hash, v) => {
    const r = model.rowOf(hash);
    if (r >= 0) for (let k = 0; k < K; k++) out[k]! += model.weights[r * K + k]! * v;
  });
  return out;
}

/** How much word w pushes output o above `against` (or above zero), as the weights say. */
function referencePush(model: LinearModel, buf: WordBuffer, w: number, o: number, against: number, norm = featureNorm(buf, model.features)): number {
  const K = model.outputs;
  const cw = model.features.charWeight;
  const at = (hash: number, scale: number) => {
    const r = model.rowOf(hash);
    return r < 0 ? 0 : (model.weights[r * K + o]! - (against < 0 ? 0 : model.weights[r * K + against]!)) * scale;
  };
  let c = at(buf.word[w]!, 1);
  if (buf.pair[w] !== 0) c += at(buf.pair[w]!, 1);
  for (const g of charNgrams(buf, w, model.features, [])) c += at(g, cw);
  return (c * buf.value[w]!) / norm;
}

/** What each word of the buffer pushed (the norm, a sum over the whole email, read once). */
function referencePushes(model: LinearModel, buf: WordBuffer, o: number, against: number): number[] {
  const norm = featureNorm(buf, model.features);
  return Array.from({ length: buf.count }, (_, w) => referencePush(model, buf, w, o, against, norm));
}

function expectClose(got: ArrayLike<number>, want: ArrayLike<number>): void {
  expect(got.length).toBe(want.length);
  const far: string[] = [];
  for (let k = 0; k < want.length; k++) {
    if (!(Math.abs(got[k]! - want[k]!) <= 1e-4 * Math.max(1, Math.abs(want[k]!)))) far.push(`output ${k}: ${got[k]} for ${want[k]}`);
  }
  expect(far).toEqual([]);
}

/** Distinct letter-only words: "qa", "qb", …, "qaa", … */
function words(n: number, prefix = "q"): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = "";
    let x = i;
    do {
      s = String.fromCharCode(97 + (x % 26)) + s;
      x = Math.floor(x / 26);
    } while (x > 0);
    out.push(prefix + s);
  }
  return out;
}

const LETTER =
  "Subject of my call: I was told on the phone that my daughter's wheelchair repair was approved, but the vendor says there is no approval on file. " +
  "She has been without it for three weeks and cannot get to school. I want this put on record and looked into, please call me back today.";

describe("scoring an email", () => {
  it("adds up every word, pair, character n-gram and structural feature of the email", () => {
    const model = denseModel();
    const buf = read(
      {
        subject: "wheelchair repair",
        own: LETTER,
        quoted: "On Monday you wrote: we have received your request.",
        structure: ["form:contact-us", "mailbox:secure-message"],
      },
      model,
    );
    expectClose(new Scorer(model).logits(buf), referenceLogits(model, buf));
  });

  const firstRow: [string, (buf: WordBuffer) => number][] = [
    ["a word", (b) => b.word[3]!],
    ["a pair of words", (b) => b.pair[3]!],
    ["a character n-gram", (b) => charNgrams(b, 3, DEFAULT_FEATURES, [])[1]!],
    ["a structural feature", (b) => b.structure[0]!],
  ];
  it.each(firstRow)("counts %s held in the model's first row", (_, feature) => {
    const parts = { own: LETTER, structure: ["form:contact-us"] };
    const probe = read(parts, denseModel());
    const model = denseModel(feature(probe) >>> 24);
    expect(model.rowOf(feature(probe))).toBe(0);
    const buf = read(parts, model);
    const scorer = new Scorer(model);
    expectClose(scorer.logits(buf), referenceLogits(model, buf));
    const out = new Float64Array(buf.count);
    scorer.contributions(buf, 0, -1, out);
    expectClose(out, referencePushes(model, buf, 0, -1));
  });

  it("counts a word kept in the first slot of its cache", () => {
    // the cache slot of a word is (key ^ key >>> 14) & 16383, key its hash: find a word that lands in slot 0
    const probe = new WordBuffer();
    const model = denseModel();
    const word = words(400_000, "z").find((wd) => {
      readEmail({ subject: "", own: wd, quoted: "", structure: [] }, model.features, probe);
      const key = probe.word[0]!;
      return ((key ^ (key >>> 14)) & 16383) === 0;
    });
    expect(word).toBeDefined();
    const buf = read({ own: `${word} ${word} and more` }, model);
    const scorer = new Scorer(model);
    expectClose(scorer.logits(buf), referenceLogits(model, buf));
    expect(scorer.slots[0]).toBe(0);
    const out = new Float64Array(buf.count);
    scorer.contributions(buf, 0, 1, out);
    expectClose(out, referencePushes(model, buf, 0, 1));
    expect(out[0]).not.toBe(0);
  });

  it("scores an email the same whatever was scored before it", () => {
    const model = denseModel();
    const email = read({ own: words(2000, "m").join(" ") }, model);
    const fresh = Array.from(new Scorer(model).logits(email));
    // a scorer whose word cache is nearly full: it fills up in the middle of the email
    const used = new Scorer(model);
    used.logits(read({ own: words(11_000, "h").join(" ") }, model));
    expectClose(used.logits(email), fresh);
    expectClose(used.logits(email), fresh);
  });

  it("reads an email with more distinct words than its cache holds, to the last word", () => {
    const model = denseModel();
    const text = `${words(30_000, "x").join(" ")} I want to file a grievance`;
    const buf = read({ own: text }, model);
    const scorer = new Scorer(model);
    expectClose(scorer.logits(buf), referenceLogits(model, buf));
    const out = new Float64Array(buf.count);
    scorer.contributions(buf, 0, 1, out);
    for (const w of [0, 1, 5000, 20_000, buf.count - 1]) expect(out[w]).toBeCloseTo(referencePush(model, buf, w, 0, 1), 6);
  });

  it("weighs the words of an email scored twice alike, the second time from its cache", () => {
    const model = denseModel();
    const scorer = new Scorer(model);
    const buf = read({ own: LETTER }, model);
    const first = Array.from(scorer.logits(buf));
    expectClose(scorer.logits(buf), first);
    expectClose(first, referenceLogits(model, buf));
  });

  it("weighs words without weight as nothing, also the second time they are met", () => {
    // a sparse model: only every fourth bucket has a row
    const buckets = Uint32Array.from({ length: 64 }, (_, i) => i * 4);
    const weights = Float32Array.from({ length: 64 * OUTPUTS }, (_, i) => ((i * 37) % 11) - 5);
    const model = new LinearModel(HEADER, buckets, weights, new Float32Array(OUTPUTS));
    const scorer = new Scorer(model);
    const buf = read({ own: `${words(3000, "s").join(" ")} ${LETTER}` }, model);
    scorer.logits(buf);
    expectClose(scorer.logits(buf), referenceLogits(model, buf));
  });
  it("adds up an email of thousands of distinct words and pairs in a model with a row for each", () => {
    // 65,536 buckets, each a row: almost every one of the 3,000 pairs lands in a row of its own
    const model = denseModel(undefined, 16);
    const buf = read({ own: words(3000, "p").join(" ") }, model);
    expectClose(new Scorer(model).logits(buf), referenceLogits(model, buf));
  });

  /** A model with no n-grams and no pairs, in which only every fourth bucket has a row: a word has weight or none. */
  const wordsOnly = (() => {
    const buckets = Uint32Array.from({ length: 64 }, (_, i) => i * 4);
    const weights = Float32Array.from({ length: 64 * OUTPUTS }, (_, i) => ((i * 37) % 11) - 5 || 1);
    return new LinearModel({ ...HEADER, features: { ...DEFAULT_FEATURES, charNgrams: [], bigrams: false } }, buckets, weights, new Float32Array(OUTPUTS));
  })();
  /** (key ^ key >>> 14) & 16383, the key a word's hash (mixed for a word without character n-grams, as here). */
  const slotOf = (buf: WordBuffer, w: number) => {
    const key = (buf.charLen[w]! > 0 ? buf.word[w]! : (buf.word[w]! ^ 0x5bd1e995) >>> 0) || 1;
    return (key ^ (key >>> 14)) & 16383;
  };
  /** The first word from `prefix…` whose cache slot is `slot` and which has weight or none. */
  const wordIn = (slot: number, weighted: boolean, prefix: string) => {
    const probe = new WordBuffer();
    const found = words(2_000_000, prefix).find((wd) => {
      readEmail({ subject: "", own: wd, quoted: "", structure: [] }, wordsOnly.features, probe);
      return slotOf(probe, 0) === slot && wordsOnly.rowOf(probe.word[0]!) >= 0 === weighted;
    });
    if (found === undefined) throw new Error(`no word for slot ${slot}`);
    return found;
  };

  it("tells a subject word from a body word of the same 32-bit hash: the body word's character n-grams still count", () => {
    // "nmnfyly" in the subject and "wueiigj" in the body hash alike (found by a search, once); only
    // the body word has n-grams, so the cache must not hand it the subject word's weights
    const model = denseModel();
    const buf = read({ subject: "nmnfyly", own: "wueiigj" }, model);
    expect(buf.word[1]).toBe(buf.word[0]);
    expect(buf.charLen[0]).toBe(0);
    expect(buf.charLen[1]).toBeGreaterThan(0);
    expectClose(new Scorer(model).logits(buf), referenceLogits(model, buf));
  });

  it("weighs a word without weight as nothing when its cache slot's neighbour has weight", () => {
    const weighted = wordIn(1, true, "k");
    const plain = read({ own: `${weighted} and some other words with no weight at all` }, wordsOnly);
    expect(Array.from({ length: plain.count }, (_, w) => wordsOnly.rowOf(plain.word[w]!)).filter((r) => r < 0).length).toBeGreaterThan(2);
    expectClose(new Scorer(wordsOnly).logits(plain), referenceLogits(wordsOnly, plain));
  });

  it("weighs a word without weight as nothing in a cache slot a weighted word held before the cache was emptied", () => {
    const heavy = wordIn(77, true, "w");
    const light = wordIn(77, false, "l");
    const scorer = new Scorer(wordsOnly);
    scorer.logits(read({ own: heavy }, wordsOnly)); // the weighted word takes slot 77
    scorer.logits(read({ own: words(12_000, "f").join(" ") }, wordsOnly)); // the cache fills up
    const buf = read({ own: `${light} ${light}` }, wordsOnly); // emptied before this email: the word without weight takes slot 77
    expectClose(scorer.logits(buf), referenceLogits(wordsOnly, buf));
    expectClose(scorer.logits(buf), Array.from(wordsOnly.bias));
  });

  it("says what each word pushed, weighted or not, to the last word of an email longer than the cache", () => {
    const buf = read({ own: words(30_000, "y").join(" ") }, wordsOnly);
    const scorer = new Scorer(wordsOnly);
    scorer.logits(buf);
    const weighted = Array.from({ length: buf.count }, (_, w) => wordsOnly.rowOf(buf.word[w]!) >= 0);
    expect(weighted.slice(20_000).filter(Boolean).length).toBeGreaterThan(100);
    expect(weighted.slice(20_000).filter((x) => !x).length).toBeGreaterThan(100);
    const out = new Float64Array(buf.count);
    for (const [o, against] of [
      [0, -1],
      [1, 0],
    ] as const) {
      scorer.contributions(buf, o, against, out);
      expectClose(out, referencePushes(wordsOnly, buf, o, against));
    }
  });
});

describe("what each word of an email pushed", () => {
  const model = denseModel();
  const parts = { own: `${LETTER}\n\nThanks,\nPat Doe\nCare coordinator`, quoted: "> We received your request for a wheelchair repair." };

  it.each([
    ["above zero", -1],
    ["above another output", 2],
  ])("is the weights of the word, its pair and its n-grams, %s", (_, against) => {
    const buf = read(parts, model);
    const scorer = new Scorer(model);
    scorer.logits(buf);
    const out = new Float64Array(buf.count);
    scorer.contributions(buf, 0, against, out);
    const want = referencePushes(model, buf, 0, against);
    expectClose(out, want);
  });

  it("sums the pushes of the sender's own words and of the quoted history apart, and names the strongest of each outside the signature", () => {
    const buf = read(parts, model);
    const scorer = new Scorer(model);
    scorer.logits(buf);
    const sig = parts.own.indexOf("Thanks,");
    const out = new Float64Array(buf.count);
    const totals = new Float64Array(4);
    for (let o = 0; o < model.outputs; o++) {
      scorer.contributions(buf, o, -1, out, sig, totals);
      const want = [0, 0, 0, 0];
      const pushes = referencePushes(model, buf, o, -1);
      for (let w = 0; w < buf.count; w++) {
        const v = pushes[w]!;
        if (v <= 0) continue;
        if (buf.part[w] === PART_QUOTED) {
          want[1]! += v;
          want[3] = Math.max(want[3]!, v);
        } else {
          want[0]! += v;
          if (!(buf.part[w] === PART_OWN && buf.start[w]! >= sig)) want[2] = Math.max(want[2]!, v);
        }
      }
      expectClose(totals, want);
    }
  });

  it("sums only this email's words when the buffer last held a longer one", () => {
    const buf = new WordBuffer();
    const scorer = new Scorer(model);
    readEmail({ subject: "", own: `${LETTER} ${LETTER.toUpperCase()} ${words(500, "r").join(" ")}`, quoted: "", structure: [] }, model.features, buf);
    scorer.logits(buf);
    readEmail({ subject: "", own: "please call me back", quoted: "", structure: [] }, model.features, buf);
    scorer.logits(buf);
    const totals = new Float64Array(4);
    for (let o = 0; o < model.outputs; o++) {
      scorer.contributions(buf, o, -1, new Float64Array(buf.count + 600), Infinity, totals);
      const own = referencePushes(model, buf, o, -1).reduce((sum, v) => sum + Math.max(0, v), 0);
      expectClose([totals[0]!, totals[1]!], [own, 0]);
    }
  });

  it("takes a word of the subject for the strongest even where the sender's signature starts at the same place in the own text", () => {
    const probe = read({ subject: "please help Zebedee" }, denseModel());
    const zebedee = probe.word[2]! >>> 24;
    const weights = new Float32Array(256 * OUTPUTS);
    weights[0] = 1;
    const buckets = Uint32Array.from([zebedee, ...Array.from({ length: 256 }, (_, b) => b).filter((b) => b !== zebedee)]);
    const m = new LinearModel({ ...HEADER, features: { ...DEFAULT_FEATURES, charNgrams: [], bigrams: false } }, buckets, weights, new Float32Array(OUTPUTS));
    const buf = read({ subject: "please help Zebedee", own: "Hi, thanks.\nPat" }, m);
    const scorer = new Scorer(m);
    scorer.logits(buf);
    const totals = new Float64Array(4);
    scorer.contributions(buf, 0, -1, new Float64Array(buf.count), "Hi, thanks.\n".length, totals);
    expect(totals[0]).toBeGreaterThan(0);
    expect(totals[2]).toBeCloseTo(totals[0]!, 9);
  });

  it("counts a signature's words in the total but never as the strongest", () => {
    // a model in which only the signature's name carries weight towards output 0
    const probe = read({ own: "please help Zebedee" }, denseModel());
    const zebedee = probe.word[2]! >>> 24;
    const weights = new Float32Array(256 * OUTPUTS);
    weights[0] = 1; // row 0 = Zebedee's bucket, output 0
    const buckets = Uint32Array.from([zebedee, ...Array.from({ length: 256 }, (_, b) => b).filter((b) => b !== zebedee)]);
    const m = new LinearModel({ ...HEADER, features: { ...DEFAULT_FEATURES, charNgrams: [], bigrams: false } }, buckets, weights, new Float32Array(OUTPUTS));
    const buf = read({ own: "please help Zebedee" }, m);
    const scorer = new Scorer(m);
    scorer.logits(buf);
    const totals = new Float64Array(4);
    scorer.contributions(buf, 0, -1, new Float64Array(buf.count), "please help ".length, totals);
    expect(totals[0]).toBeGreaterThan(0);
    expect(totals[2]).toBe(0);
    scorer.contributions(buf, 0, -1, new Float64Array(buf.count), Infinity, totals);
    expect(totals[2]).toBeCloseTo(totals[0]!, 9);
  });
});

describe("a model's probabilities", () => {
  const heads = [
    { name: "topic", labels: ["a", "b", "c"], kind: "softmax" as const },
    { name: "flag", labels: ["flag"], kind: "logistic" as const },
  ];
  const tiny = (temperature: Record<string, number>) =>
    new LinearModel({ ...HEADER, heads, temperature }, new Uint32Array(0), new Float32Array(0), new Float32Array(4));

  it("divides the scores by the head's calibrated temperature", () => {
    const logits = Float32Array.from([2, 1, 0, 1.5]);
    const p = tiny({ topic: 2, flag: 3 }).probabilities(0, logits);
    const e = [Math.exp(1), Math.exp(0.5), 1];
    const sum = e[0]! + e[1]! + e[2]!;
    expectClose(
      p,
      e.map((x) => x / sum),
    );
    expect(tiny({ topic: 2, flag: 3 }).probabilities(1, logits)[0]).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 9);
    expect(tiny({}).probabilities(1, logits)[0]).toBeCloseTo(1 / (1 + Math.exp(-1.5)), 9);
  });

  it("stays a probability when the scores are very large", () => {
    const p = tiny({}).probabilities(0, Float32Array.from([800, 799, -800, 0]));
    expect(p.every(Number.isFinite)).toBe(true);
    expect(p[0]! + p[1]! + p[2]!).toBeCloseTo(1, 9);
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 6);
  });

  it("names a head it does not have", () => {
    expect(tiny({}).headIndex("flag")).toBe(1);
    expect(() => tiny({}).headIndex("priority")).toThrow('model has no head "priority"');
  });
});

describe("a model built from damaged parts", () => {
  const K = OUTPUTS;
  it.each([
    [
      "biases for another number of outputs",
      HEADER,
      new Uint32Array(2),
      new Float32Array(2 * K),
      new Float32Array(K - 1),
      `model: ${K - 1} biases for ${K} outputs`,
    ],
    ["weights for another number of rows", HEADER, new Uint32Array(2), new Float32Array(3 * K), new Float32Array(K), "model: weights do not match the buckets"],
    ["7 bits", { ...HEADER, bits: 7 }, new Uint32Array(0), new Float32Array(0), new Float32Array(K), "model: bits out of range"],
    ["25 bits", { ...HEADER, bits: 25 }, new Uint32Array(0), new Float32Array(0), new Float32Array(K), "model: bits out of range"],
    ["a bucket past the last", HEADER, Uint32Array.from([3, 256]), new Float32Array(2 * K), new Float32Array(K), "model: bucket out of range"],
  ])("is refused, with %s", (_, header, buckets, weights, bias, message) => {
    expect(() => new LinearModel(header, buckets, weights, bias)).toThrow(message);
  });

  it.each([8, 24])("is accepted with %i bits, the edges of the range", (bits) => {
    const m = new LinearModel({ ...HEADER, bits }, Uint32Array.from([(1 << bits) - 1]), new Float32Array(K).fill(1), new Float32Array(K));
    expect(m.rowOf(0xffffffff)).toBe(0);
  });
});

describe("the model file, damaged", () => {
  const file = (header: object, rest: number[] = []): Uint8Array => {
    const json = new TextEncoder().encode(JSON.stringify(header));
    const bytes = new Uint8Array(8 + json.length + rest.length);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, 0x54524931, true);
    view.setUint32(4, json.length, true);
    bytes.set(json, 8);
    bytes.set(rest, 8 + json.length);
    return bytes;
  };
  const small = new LinearModel(
    { ...HEADER, heads: [{ name: "flag", labels: ["flag"], kind: "logistic" }] },
    Uint32Array.from([200, 5, 77]),
    Float32Array.from([0.5, -1, 0.25]),
    Float32Array.from([0.1]),
  );

  it("comes back with the same rows in any order they were built, after a round trip", () => {
    const again = LinearModel.decode(small.encode());
    for (const [hash, w] of [
      [200 << 24, 0.5],
      [5 << 24, -1],
      [77 << 24, 0.25],
    ] as const) {
      expect(again.weights[again.rowOf(hash)]).toBeCloseTo(w, 2);
    }
    expect(again.rowOf(6 << 24)).toBe(-1);
    expect(again.bias[0]).toBeCloseTo(0.1, 6);
  });

  it("decodes the smallest model, with no rows and no heads", () => {
    const m = LinearModel.decode(file({ ...HEADER, heads: [], rows: 0 }));
    expect(m.outputs).toBe(0);
    expect(m.header.version).toBe("test");
  });

  it.each([
    [
      "a header of 0 bytes",
      (() => {
        const b = file({}).slice(0, 8);
        new DataView(b.buffer).setUint32(4, 0, true);
        return b;
      })(),
      /header is not JSON/,
    ],
    [
      "a header longer than the file",
      (() => {
        const b = file({ ...HEADER, rows: 0 });
        new DataView(b.buffer).setUint32(4, b.length, true);
        return b;
      })(),
      /truncated/,
    ],
    [
      "a header cut in the middle",
      (() => {
        const b = file({ ...HEADER, rows: 0 });
        new DataView(b.buffer).setUint32(4, 20, true);
        return b;
      })(),
      /header is not JSON/,
    ],
    ["another format", file({ ...HEADER, format: "other", rows: 0 }), /unknown model format/],
    ["no heads", file({ ...HEADER, heads: "category", rows: 0 }), /unknown model format/],
    ["no row count", file({ ...HEADER }), /no row count/],
    ["a row count of 1.5", file({ ...HEADER, rows: 1.5 }), /no row count/],
    ["a row count of -1", file({ ...HEADER, rows: -1 }), /no row count/],
    ["a row count as text", file({ ...HEADER, rows: "3" }), /no row count/],
    ["a bucket id cut short", file({ ...HEADER, heads: [], rows: 1 }, [0x81]), /truncated/],
    ["a bucket id past the model's buckets", file({ ...HEADER, heads: [], rows: 1 }, [0x80, 0x80, 0x80, 0x80, 0x01]), /bucket out of range/],
    ["weights missing", file({ ...HEADER, heads: [{ name: "flag", labels: ["flag"], kind: "logistic" }], rows: 1 }, [5, 0, 0, 0, 0]), /truncated/],
  ])("is refused with a clear message: %s", (_, bytes, message) => {
    expect(() => LinearModel.decode(bytes)).toThrow(message);
  });

  it("reads a file of exactly the header and the rows it announces", () => {
    const bytes = small.encode();
    expect(LinearModel.decode(bytes).outputs).toBe(1);
    expect(() => LinearModel.decode(Uint8Array.from([...bytes, 0]))).toThrow(/truncated/);
  });
});
