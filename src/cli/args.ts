/** Command-line arguments for the report commands: string options only, a usage line on any mistake, exit code 2. */
import { parseArgs } from "node:util";

export function fail(message: string): never {
  process.stderr.write(message.endsWith("\n") ? message : `${message}\n`);
  process.exit(2);
}

/** The command word, the options named, and their values; anything else ends the run with `usage`. */
export function commandArgs<K extends string, F extends string = never>(
  names: readonly K[],
  usage: string,
  flags: readonly F[] = [],
): { command: string | undefined; values: Partial<Record<K, string>> & Partial<Record<F, boolean>> } {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: Object.fromEntries([...names.map((n) => [n, { type: "string" as const }]), ...flags.map((f) => [f, { type: "boolean" as const }])]),
    });
    return { command: positionals[0], values: values as Partial<Record<K, string>> & Partial<Record<F, boolean>> };
  } catch (e) {
    fail(`${e instanceof Error ? e.message : String(e)}\n${usage}`);
  }
}
