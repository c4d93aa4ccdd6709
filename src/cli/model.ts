/** The shipped model for the command lines: read from the project's assets (or a path in TRIAGE_MODEL). */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { LinearModel } from "../domain/classify/model";

export const SHARED_MODEL_PATH = resolve(import.meta.dirname, "..", "..", "assets", "triage-model.bin");

let cached: LinearModel | undefined;

export function loadModel(path = process.env["TRIAGE_MODEL"] || SHARED_MODEL_PATH): LinearModel {
  if (cached && path === SHARED_MODEL_PATH) return cached;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new Error(`the classifier's model ${path} is missing: run npm run train`);
  }
  const model = LinearModel.decode(bytes);
  if (path === SHARED_MODEL_PATH) cached = model;
  return model;
}
