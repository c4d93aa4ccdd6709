/**
 * The classifier on labelled sets: the shared dev set (floors from the issue) and the project's own
 * held-out set, written with phrasing the vocabulary was not built from (synonyms, negation,
 * quoted history, HTML, Spanish and Vietnamese).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { Classifier, type EmailInput } from "../src/domain/classify/classifier";

interface Labelled extends EmailInput {
  id: string;
  expected: { category: string; senderType: string; priority: string; language: string; flags: string[] };
}

function load(path: string): Labelled[] {
  return readFileSync(path, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Labelled);
}

function score(items: Labelled[]) {
  const c = new Classifier();
  let category = 0;
  let ga = 0;
  let gaHit = 0;
  let high = 0;
  let highHit = 0;
  const misses: string[] = [];
  for (const item of items) {
    const got = c.classify(item);
    if (got.category === item.expected.category) category++;
    else misses.push(`${item.id}: ${item.expected.category} -> ${got.category}`);
    if (item.expected.category === "appeal" || item.expected.category === "grievance") {
      ga++;
      if (got.category === "appeal" || got.category === "grievance") gaHit++;
    }
    if (item.expected.priority === "high") {
      high++;
      if (got.priority === "high") highHit++;
    }
  }
  return { accuracy: category / items.length, gaRecall: ga ? gaHit / ga : 1, highRecall: high ? highHit / high : 1, misses };
}

describe("classifier on labelled sets", () => {
  it("meets the floors on the shared dev set: category ≥ 0.90, grievance/appeal and high-priority recall 1.0", () => {
    const r = score(load(resolve(import.meta.dirname, "../../shared/data/dev-emails.jsonl")));
    expect(r.gaRecall).toBe(1);
    expect(r.highRecall).toBe(1);
    expect(r.accuracy, r.misses.join("\n")).toBeGreaterThanOrEqual(0.9);
  });

  // Five sets the team wrote with phrasing the vocabulary was not built from. Each was scored
  // before any tuning on it (0.76, 0.64, 0.68, 0.77 and 0.59 category accuracy), then its general misses fixed;
  // they now guard against regressions. The next fresh set is the honest measure of unseen mail.
  for (const file of ["holdout-emails.jsonl", "holdout-2-emails.jsonl", "holdout-3-emails.jsonl", "holdout-4-emails.jsonl", "holdout-5-emails.jsonl"]) {
    it(`holds up on the team's held-out set ${file}`, () => {
      const r = score(load(resolve(import.meta.dirname, "fixtures", file)));
      expect(r.gaRecall).toBe(1);
      expect(r.highRecall).toBe(1);
      expect(r.accuracy, r.misses.join("\n")).toBeGreaterThanOrEqual(0.9);
    });
  }
});
