/** Command-line arguments for the report commands: string options only, a usage line on any mistake, exit code 2. */
import { parseArgs } from "node:util";

export function fail(message: string): never {
  process.stderr.write(message.endsWith("\n") ? message : `${message}\n`);
  process.exit(2);
}

/** The command word, the options named, and their values; anything else ends the run with `usage`. */
export function commandArgs<K extends string>(names: readonly K[], usage: string): { command: string | undefined; values: Partial<Record<K, string>> } {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: Object.fromEntries(names.map((n) => [n, { type: "string" as const }])),
    });
    return { command: positionals[0], values: values as Partial<Record<K, string>> };
  } catch (e) {
    fail(`${e instanceof Error ? e.message : String(e)}\n${usage}`);
  }
}
