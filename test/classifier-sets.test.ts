/**
 * The shipped model on the labelled sets it was never trained on: the shared dev set and the team's
 * five held-out sets (written before the corpus, by other hands), scored as unseen writers. Every
 * labelled field is scored; the floors sit just below what held-out writers reach in
 * `npm run eval` (leave-one-writer-out), so a regression of a few emails fails.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadModel } from "../src/cli/model";
import { Classifier, type EmailInput } from "../src/domain/classify/classifier";
import { score, type Expected } from "../src/domain/classify/evaluate";
import { htmlToText } from "../src/domain/classify/text";

interface Labelled extends EmailInput {
  id: string;
  expected: Expected & { language: string };
}

function load(path: string): Labelled[] {
  return readFileSync(path, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Labelled);
}

const classifier = new Classifier({ model: loadModel() });

function run(items: Labelled[]) {
  const pairs = items.map((item) => ({ expected: item.expected, got: classifier.classify(item) }));
  const misses = pairs.filter((p) => p.expected.category !== p.got.category).map((p, i) => `${items[i]!.id}: ${p.expected.category} -> ${p.got.category}`);
  return { s: score(pairs), misses };
}

const SETS = [
  ["the shared dev set", resolve(import.meta.dirname, "../../shared/data/dev-emails.jsonl")],
  ...["holdout-emails.jsonl", "holdout-2-emails.jsonl", "holdout-3-emails.jsonl", "holdout-4-emails.jsonl", "holdout-5-emails.jsonl"].map((f) => [`held-out set ${f}`, resolve(import.meta.dirname, "fixtures", f)]),
] as const;

describe("the shipped model on sets it never trained on", () => {
  const all: Labelled[] = [];
  for (const [name, path] of SETS) {
    const items = load(path);
    all.push(...items);
    it(`${name}: category, grievance/appeal and high-priority recall at the floors`, () => {
      const { s, misses } = run(items);
      expect(s.category, misses.join("\n")).toBeGreaterThanOrEqual(FLOORS.setCategory);
      expect(s.gaRecall).toBeGreaterThanOrEqual(FLOORS.setGaRecall);
      expect(s.highRecall).toBeGreaterThanOrEqual(FLOORS.highRecall);
    });
  }

  it("all of them together: every labelled field scored, precision beside recall", () => {
    const { s } = run(all);
    expect(s.category).toBeGreaterThanOrEqual(FLOORS.category);
    expect(s.macroF1).toBeGreaterThanOrEqual(FLOORS.macroF1);
    expect(s.gaRecall).toBeGreaterThanOrEqual(FLOORS.gaRecall);
    expect(s.gaPrecision).toBeGreaterThanOrEqual(FLOORS.gaPrecision);
    expect(s.highRecall).toBeGreaterThanOrEqual(FLOORS.highRecall);
    expect(s.highPrecision).toBeGreaterThanOrEqual(FLOORS.highPrecision);
    expect(s.senderType).toBeGreaterThanOrEqual(FLOORS.senderType);
    expect(s.priority).toBeGreaterThanOrEqual(FLOORS.priority);
    expect(s.language).toBeGreaterThanOrEqual(FLOORS.language);
    expect(s.flagMicroF1).toBeGreaterThanOrEqual(FLOORS.flagMicroF1);
  });
});

describe("reasons an advocate can trust", () => {
  it("quote, on every email of the dev set, only words that stand in the sender's own text, and say where", () => {
    const items = load(SETS[0][1]);
    const bad: string[] = [];
    let quotes = 0;
    for (const item of items) {
      const c = classifier.classify(item);
      const body = (item.bodyType === "html" ? htmlToText(item.body) : item.body).replace(/\s+/g, " ").toLowerCase();
      const subject = item.subject.replace(/\s+/g, " ").toLowerCase();
      for (const r of c.reasons) {
        for (const m of r.text.matchAll(/“([^”]+)”( in the subject)?/g)) {
          quotes++;
          const phrase = m[1]!.replace(/…$/, "").toLowerCase();
          if (!(m[2] ? subject : body).includes(phrase)) bad.push(`${item.id}: “${m[1]}”${m[2] ?? ""}`);
        }
      }
    }
    expect(quotes).toBeGreaterThan(items.length);
    expect(bad).toEqual([]);
  });

  it("quote nothing for an email with no words", () => {
    const c = classifier.classify({ mailbox: "secure-message", from: "x@example.com", subject: "", body: "", bodyType: "text" });
    expect(c.reasons.map((r) => r.text).join(" ")).not.toMatch(/“/);
  });
});

/**
 * Just below what the shipped model reaches on these sets (all 211 together: category 0.953,
 * macro-F1 0.956, G&A recall 0.972 precision 0.946, high recall 1.000 precision 0.950, sender 0.986,
 * priority 0.986, flags 0.852; the weakest set's category 0.920, its G&A recall 0.800 — four of
 * five). A set of 22 loses 4.5 points per email.
 */
const FLOORS = {
  setCategory: 0.86,
  setGaRecall: 0.75,
  category: 0.94,
  macroF1: 0.94,
  gaRecall: 0.94,
  gaPrecision: 0.9,
  highRecall: 0.97,
  highPrecision: 0.9,
  senderType: 0.97,
  priority: 0.97,
  language: 0.99,
  flagMicroF1: 0.83,
};
