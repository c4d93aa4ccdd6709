import { build } from "vite";
import { resolve } from "node:path";

/** Builds the pane and the Outlook stand-in page into dist-harness/. */
export async function buildHarness(): Promise<void> {
  await build({ configFile: resolve(import.meta.dirname, "..", "vite.config.ts"), mode: "harness", logLevel: "warn" });
}
