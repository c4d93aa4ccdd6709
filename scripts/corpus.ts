/** Reading labelled JSON Lines sets (the corpus, the shared dev set, the held-out fixtures). */
import { readFileSync, readdirSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { LabelledEmail } from "../src/domain/classify/training";

export const ROOT = resolve(import.meta.dirname, "..");
export const CORPUS_DIR = join(ROOT, "corpus", "writers");
export const MODEL_PATH = join(ROOT, "assets", "triage-model.bin");
export const THRESHOLDS_PATH = join(ROOT, "corpus", "calibration.json");

export interface LabelledSet {
  readonly name: string;
  readonly rows: LabelledEmail[];
}

export function readLabelled(path: string): LabelledEmail[] {
  const rows: LabelledEmail[] = [];
  readFileSync(path, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        rows.push(JSON.parse(line) as LabelledEmail);
      } catch {
        throw new Error(`${basename(path)} line ${i + 1} is not JSON`);
      }
    });
  return rows;
}

/** One set per writer, in name order. */
export function readCorpus(dir = process.env["TRIAGE_CORPUS_DIR"] || CORPUS_DIR): LabelledSet[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()
    .map((f) => ({ name: f.replace(/\.jsonl$/, ""), rows: readLabelled(join(dir, f)) }));
}

/** Sets the model is never trained on: scored as unseen writers. */
export function readUnseenSets(): LabelledSet[] {
  const sets: LabelledSet[] = [];
  const dev = join(ROOT, "..", "shared", "data", "dev-emails.jsonl");
  try {
    sets.push({ name: "dev", rows: readLabelled(dev) });
  } catch {
    /* the shared folder is beside the project in development and CI only */
  }
  const fixtures = join(ROOT, "test", "fixtures");
  for (const f of readdirSync(fixtures).filter((x) => /^holdout.*\.jsonl$/.test(x)).sort()) {
    sets.push({ name: f.replace(/-emails\.jsonl$/, ""), rows: readLabelled(join(fixtures, f)) });
  }
  return sets;
}
