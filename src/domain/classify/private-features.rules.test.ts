import { describe, expect, it } from "vitest";
import { DEFAULT_FEATURES, WordBuffer, expandFeatures, ownWordHash, readEmail, subjectWordHash, type FeatureConfig, type TextParts } from "./features";
import { MAX_PRIVATE_FEATURES, decodePrivateFeatures, encodePrivateFeatures, privateFeatures, type PrivateFeatures, type Vocabulary } from "./private-features";

/**
 * The rules of the privacy filter one by one, against a vocabulary that knows every word (unless a
 * test says otherwise), so that what is dropped is dropped by the rule under test. Words only: no
 * character n-grams, concepts or negation, so a word's feature is `ownWordHash(word)`.
 */
const WORDS_ONLY: FeatureConfig = { charNgrams: [], bigrams: true, quotedWeight: 0.35, subjectWeight: 1.5, charWeight: 0.5, negation: false, concepts: false };

/** A vocabulary knowing the hashes `known` accepts, each at row 0 (the first row is a row too). */
function vocabulary(known: (hash: number) => boolean = () => true, features: FeatureConfig = WORDS_ONLY): Vocabulary {
  return { features, rowOf: (h) => (known(h) ? 0 : -1) };
}

function parts(own: string, more: Partial<TextParts> = {}): TextParts {
  return { subject: "", own, quoted: "", structure: [], ...more };
}

/** Whether the features hold the word as written in the sender's own words or the quoted history (one hash for both). */
function holds(f: PrivateFeatures, word: string): boolean {
  return f.hashes.includes(ownWordHash(word));
}

/** The word-pair hashes the tokeniser makes of a text, in order. */
function pairHashes(own: string): number[] {
  const buf = new WordBuffer();
  readEmail(parts(own), WORDS_ONLY, buf);
  return [...buf.pair.subarray(0, buf.count)];
}

describe("the privacy filter of a training example's features", () => {
  it("keeps a plain lower-case email whole: every feature the model reads, at the value it reads it", () => {
    const email: TextParts = {
      subject: "claim denied again",
      own: "my claim was denied and i want to appeal the decision please",
      quoted: "we received your request for a review of the claim",
      structure: ["mailbox=secure-message", "from=member"],
    };
    const f = privateFeatures(
      email,
      vocabulary(() => true, DEFAULT_FEATURES),
    );
    const expected = new Map<number, number>();
    const buf = new WordBuffer();
    readEmail(email, DEFAULT_FEATURES, buf);
    expandFeatures(buf, DEFAULT_FEATURES, (h, v) => expected.set(h, (expected.get(h) ?? 0) + v));
    expect([...f.hashes]).toEqual([...expected.keys()].sort((a, b) => a - b));
    for (const [i, h] of f.hashes.entries()) expect(f.values[i]).toBeCloseTo(expected.get(h)!, 6);
  });

  it("values each word by its part's weight over the email's length, summing a word met twice", () => {
    // own: 4 words of weight 1, 3 pairs; quoted: 4 words of weight 0.35, 3 pairs; "review" in both
    const f = privateFeatures(parts("claim denied appeal review", { quoted: "please review it again" }), vocabulary());
    const norm = Math.sqrt(4 + 3 + 0.35 * 0.35 * (4 + 3));
    const value = (w: string) => f.values[f.hashes.indexOf(ownWordHash(w))];
    expect(value("claim")).toBeCloseTo(1 / norm, 6);
    expect(value("please")).toBeCloseTo(0.35 / norm, 6);
    expect(value("review")).toBeCloseTo(1 / norm + 0.35 / norm, 6);
    // 7 distinct words, 6 pairs
    expect(f.hashes).toHaveLength(13);
  });

  it("lists the features in ascending hash order", () => {
    const f = privateFeatures(parts("my claim was denied and i want to appeal the decision please"), vocabulary());
    expect(f.hashes.length).toBeGreaterThan(10);
    for (let i = 1; i < f.hashes.length; i++) expect(f.hashes[i]!).toBeGreaterThan(f.hashes[i - 1]!);
  });

  it("drops every word holding a digit: digit runs, ids, dates, phone numbers", () => {
    const f = privateFeatures(parts("my id is abc12345 and my phone 555 0143 born 1984 claim denied again"), vocabulary());
    expect(holds(f, "555")).toBe(false);
    expect(holds(f, "abc12345")).toBe(false);
    expect(holds(f, "claim")).toBe(true);
    expect(holds(f, "born")).toBe(true);
  });

  it("drops every word written with a capital letter, wherever the capital is; words of scripts without case are kept", () => {
    const f = privateFeatures(parts("Blarg wrote that zorBo and quux sent the 保险卡 claim today"), vocabulary());
    expect(holds(f, "blarg")).toBe(false);
    expect(holds(f, "zorbo")).toBe(false);
    expect(holds(f, "quux")).toBe(true);
    expect(holds(f, "保险卡")).toBe(true);
    expect(holds(f, "wrote")).toBe(true);
  });

  it("drops a common given or family name written in lower case, accents and apostrophes off", () => {
    const f = privateFeatures(parts("please ask maria or josé or a'isha or nguyen about the claim today"), vocabulary());
    expect(holds(f, "maria")).toBe(false);
    expect(holds(f, "jose")).toBe(false);
    expect(holds(f, "aisha")).toBe(false);
    expect(holds(f, "nguyen")).toBe(false);
    expect(holds(f, "about")).toBe(true);
  });

  it("drops the two words after a greeting or a naming word, and keeps the third", () => {
    const f = privateFeatures(parts("hi zorbo quux my claim was denied by mr. blarg frob today"), vocabulary());
    expect(holds(f, "hi")).toBe(true);
    expect(holds(f, "zorbo")).toBe(false);
    expect(holds(f, "quux")).toBe(false);
    expect(holds(f, "my")).toBe(true);
    expect(holds(f, "blarg")).toBe(false);
    expect(holds(f, "frob")).toBe(false);
    expect(holds(f, "today")).toBe(true);
  });

  it("reads a naming word as the model reads it, apostrophes off", () => {
    // "mr’s" is read as "mrs"
    const f = privateFeatures(parts("the letter went to mr’s zorbo quux not to me"), vocabulary());
    expect(holds(f, "zorbo")).toBe(false);
    expect(holds(f, "quux")).toBe(false);
    expect(holds(f, "not")).toBe(true);
  });

  it("does not carry a naming word's reach from the subject into the email's own words", () => {
    const f = privateFeatures(parts("zorbo quux wrote about the claim again", { subject: "a claim for my son" }), vocabulary());
    expect(holds(f, "zorbo")).toBe(true);
    expect(holds(f, "quux")).toBe(true);
    expect(f.hashes.includes(subjectWordHash("son"))).toBe(true);
  });

  it("drops the short lines that close an email (a sign-off), up to the first line of more than three words", () => {
    const f = privateFeatures(parts("my claim was denied and i want to appeal\nbest wishes\nzorbo quux blarg"), vocabulary());
    for (const w of ["my", "claim", "appeal"]) expect(holds(f, w)).toBe(true);
    for (const w of ["best", "wishes", "zorbo", "quux", "blarg"]) expect(holds(f, w)).toBe(false);
  });

  it("keeps a closing line of four words", () => {
    const f = privateFeatures(parts("my claim was denied today\nzorbo quux blarg frob"), vocabulary());
    for (const w of ["claim", "zorbo", "quux", "blarg", "frob"]) expect(holds(f, w)).toBe(true);
  });

  it("reads only the last three lines that are not blank as a sign-off", () => {
    // lines of spaces or tabs are blank too
    const f = privateFeatures(parts("appeal review\nclaim denied\n \nbest wishes\n\t\n  \nzorbo\n\n"), vocabulary());
    expect(holds(f, "appeal")).toBe(true);
    expect(holds(f, "review")).toBe(true);
    for (const w of ["claim", "denied", "best", "wishes", "zorbo"]) expect(holds(f, w)).toBe(false);
  });

  it("keeps no word of an email that is all short lines", () => {
    const f = privateFeatures(parts("claim denied\nzorbo"), vocabulary());
    expect(holds(f, "claim")).toBe(false);
    expect(holds(f, "denied")).toBe(false);
    expect(holds(f, "zorbo")).toBe(false);
  });

  it("gives the same features in a word buffer used before for a longer email as in a fresh one", () => {
    const vocab = vocabulary();
    const buf = new WordBuffer();
    // the longer email leaves words in the buffer beyond the next one's end, inside its sign-off line
    privateFeatures(parts("i want to appeal the denial now\nz o r b l a r g"), vocab, buf);
    const email = parts("i want to appeal the denial now\nzorbo quux blarg");
    const again = privateFeatures(email, vocab, buf);
    const fresh = privateFeatures(email, vocab);
    expect([...again.hashes]).toEqual([...fresh.hashes]);
    expect([...again.values]).toEqual([...fresh.values]);
    expect(holds(again, "zorbo")).toBe(false);
  });

  it("drops the sign-off of the quoted history too, and no word of the other part standing at the same place", () => {
    // "zorbo" (38 to 43) stands where the quoted sign-off "blarg" does
    const own = "please look at my claim again because zorbo was denied and we want a review soon";
    const quoted = "we reviewed your appeal request today\nblarg";
    const f = privateFeatures(parts(own, { quoted }), vocabulary());
    expect(holds(f, "blarg")).toBe(false);
    expect(holds(f, "reviewed")).toBe(true);
    for (const w of own.split(" ")) expect(holds(f, w)).toBe(true);
    // and the other way round: the own words' sign-off drops nothing quoted
    const g = privateFeatures(parts("we reviewed your appeal request today\nblarg", { quoted: own }), vocabulary());
    expect(holds(g, "blarg")).toBe(false);
    for (const w of own.split(" ")) expect(holds(g, w)).toBe(true);
  });

  it("keeps a sign-off's words in the subject (it has none)", () => {
    const f = privateFeatures(parts("my claim was denied and i want to appeal", { subject: "blarg" }), vocabulary());
    expect(f.hashes.includes(subjectWordHash("blarg"))).toBe(true);
  });

  it("keeps only the words the vocabulary knows, and a pair only of two kept words side by side", () => {
    const known = new Set(["claim", "denied", "appeal", "review", "today"].map(ownWordHash));
    const own = "claim denied blarg appeal review today";
    const f = privateFeatures(
      parts(own),
      vocabulary((h) => known.has(h)),
    );
    expect(holds(f, "blarg")).toBe(false);
    for (const w of ["claim", "denied", "appeal", "review", "today"]) expect(holds(f, w)).toBe(true);
    const [, claimDenied, deniedBlarg, blargAppeal, appealReview, reviewToday] = pairHashes(own);
    expect(f.hashes.includes(claimDenied!)).toBe(true);
    expect(f.hashes.includes(deniedBlarg!)).toBe(false);
    expect(f.hashes.includes(blargAppeal!)).toBe(false);
    expect(f.hashes.includes(appealReview!)).toBe(true);
    expect(f.hashes.includes(reviewToday!)).toBe(true);
    // 5 words and 3 pairs: nothing else
    expect(f.hashes).toHaveLength(8);
  });

  it("keeps no pair beside a word dropped for its capital or a name cue", () => {
    const own = "Blarg claim denied dear zorbo quux appeal today";
    const f = privateFeatures(parts(own), vocabulary());
    const p = pairHashes(own);
    // Blarg-claim, dear-zorbo, zorbo-quux, quux-appeal out; claim-denied, denied-dear, appeal-today in
    expect([1, 4, 5, 6].map((i) => f.hashes.includes(p[i]!))).toEqual([false, false, false, false]);
    expect([2, 3, 7].map((i) => f.hashes.includes(p[i]!))).toEqual([true, true, true]);
  });

  it("keeps nothing of an email the vocabulary knows no word of, but its structure", () => {
    const email = parts("my claim was denied and i want to appeal", { structure: ["mailbox=secure-message"] });
    const f = privateFeatures(
      email,
      vocabulary(() => false),
    );
    const buf = new WordBuffer();
    readEmail(email, WORDS_ONLY, buf);
    expect([...f.hashes]).toEqual([buf.structure[0]!]);
    expect([...f.values]).toEqual([1]);
  });

  it("drops the sender's organisation from the structure, keeping the other structural facts at value 1", () => {
    const structure = ["mailbox=secure-message", "org=river-health", "from=member"];
    const f = privateFeatures(parts("", { structure }), vocabulary());
    const buf = new WordBuffer();
    readEmail(parts("", { structure }), WORDS_ONLY, buf);
    const [mailbox, org, from] = buf.structure;
    expect([...f.hashes]).toEqual([mailbox!, from!].sort((a, b) => a - b));
    expect(f.hashes.includes(org!)).toBe(false);
    expect([...f.values]).toEqual([1, 1]);
  });

  it("keeps at most MAX_PRIVATE_FEATURES features, the first ones met, still summing later repeats of those", () => {
    const letters = "abcdefghijklmnopqrstuvwxyz";
    const word = (i: number) => `zq${letters[i % 26]}${letters[Math.floor(i / 26) % 26]}${letters[Math.floor(i / 676) % 26]}`;
    const words = Array.from({ length: 5000 }, (_, i) => word(i));
    const own = [...words, words[0]].join(" ");
    const f = privateFeatures(
      parts(own),
      vocabulary(() => true, { ...WORDS_ONLY, bigrams: false }),
    );
    expect(MAX_PRIVATE_FEATURES).toBe(4000);
    expect(f.hashes).toHaveLength(4000);
    expect(holds(f, words[3999]!)).toBe(true);
    expect(holds(f, words[4000]!)).toBe(false);
    // 5001 words of value 1: each is 1 / sqrt(5001); the first is met twice
    expect(f.values[f.hashes.indexOf(ownWordHash(words[0]!))]).toBeCloseTo(2 / Math.sqrt(5001), 6);
    expect(f.values[f.hashes.indexOf(ownWordHash(words[1]!))]).toBeCloseTo(1 / Math.sqrt(5001), 6);
  });
});

describe("the stored text of the features", () => {
  it("packs each feature as 4 bytes of hash and 2 of value × 16384, little-endian, in base64", () => {
    // 04 03 02 01 | 00 40 (16384 = 0x4000)
    expect(encodePrivateFeatures({ hashes: Uint32Array.of(0x01020304), values: Float32Array.of(1) })).toBe("BAMCAQBA");
    expect(encodePrivateFeatures({ hashes: new Uint32Array(0), values: new Float32Array(0) })).toBe("");
  });

  it("reads several features back in order, values to 1/16384, clamped to 0 … 65535/16384", () => {
    const f = { hashes: Uint32Array.of(1, 0xfffffffe, 77, 1234567), values: Float32Array.of(0.5, 5, -1, 0.25) };
    const text = encodePrivateFeatures(f);
    expect(text).toHaveLength(32);
    const back = decodePrivateFeatures(text);
    expect([...back.hashes]).toEqual([1, 0xfffffffe, 77, 1234567]);
    expect([...back.values]).toEqual([0.5, 65535 / 16384, 0, 0.25]);
  });

  it("reads an empty field as no features", () => {
    const back = decodePrivateFeatures("");
    expect(back.hashes).toHaveLength(0);
    expect(back.values).toHaveLength(0);
  });

  it("refuses what is not a base64 text, with a plain message", () => {
    // a String object is not a stored text either, though its characters are base64
    for (const bad of [
      42,
      12345678,
      null,
      undefined,
      { hashes: [] },
      Object("AAAAAAAA") as unknown,
      "AAAA AAAA",
      "AAAAAAA",
      "AAAAAAAA===",
      "<script>",
      "AAAA\nAAAA",
      "AAAAAAA%",
    ]) {
      expect(() => decodePrivateFeatures(bad)).toThrow(/^features are not base64$/);
    }
  });

  it("refuses a field whose bytes are not whole features as truncated, padded or not", () => {
    expect(() => decodePrivateFeatures("QUJD")).toThrow(/^features are truncated$/);
    expect(() => decodePrivateFeatures("QUI=")).toThrow(/^features are truncated$/);
    expect(() => decodePrivateFeatures("QQ==")).toThrow(/^features are truncated$/);
  });

  it("accepts up to 64 features more than an example keeps, and refuses more", () => {
    const of = (n: number) => encodePrivateFeatures({ hashes: new Uint32Array(n), values: new Float32Array(n) });
    expect(decodePrivateFeatures(of(MAX_PRIVATE_FEATURES + 64)).hashes).toHaveLength(4064);
    expect(() => decodePrivateFeatures(of(MAX_PRIVATE_FEATURES + 65))).toThrow(/^too many features$/);
  });
});
