import { readFileSync } from "node:fs";
import { DEFAULT_SETTINGS, parseSettings, type DeploymentSettings } from "../domain/settings";

/** Settings from the JSON file named by TRIAGE_SETTINGS, else the embedded defaults. Exits with a message when the file is wrong. */
export function loadSettings(): DeploymentSettings {
  const path = process.env["TRIAGE_SETTINGS"];
  if (!path) return DEFAULT_SETTINGS;
  try {
    return parseSettings(JSON.parse(readFileSync(path, "utf8")));
  } catch (e) {
    process.stderr.write(`settings file ${path}: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
}
