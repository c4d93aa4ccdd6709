/**
 * Runs a JSON Lines file through a function, one output line per input line, in order, with
 * nothing else on standard output. A bad line gets {"id", "error"} and the run goes on; problems
 * with the file itself go to standard error with a non-zero exit.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createInterface } from "node:readline";

export async function runJsonl(argv: readonly string[], handle: (input: unknown) => unknown): Promise<void> {
  const file = argv[0];
  if (!file) {
    process.stderr.write("usage: npm run -s <classify|sla> -- FILE.jsonl\n");
    process.exitCode = 2;
    return;
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    process.stderr.write(`cannot read ${file}: no such file\n`);
    process.exitCode = 2;
    return;
  }
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  const out: string[] = [];
  const flush = () => {
    if (out.length) {
      process.stdout.write(out.join("\n") + "\n");
      out.length = 0;
    }
  };
  let n = 0;
  for await (const raw of lines) {
    n++;
    const line = raw.trim();
    if (line === "") continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      out.push(JSON.stringify({ id: recoverId(line), error: `line ${n} is not valid JSON` }));
      continue;
    }
    let result: unknown;
    try {
      result = handle(parsed);
    } catch (e) {
      const id = typeof parsed === "object" && parsed !== null ? (parsed as { id?: unknown }).id ?? null : null;
      result = { id, error: e instanceof Error ? e.message : "could not process this line" };
    }
    out.push(JSON.stringify(result));
    if (out.length >= 256) flush();
  }
  flush();
}

/** The id of a malformed line when it can still be read, so the answer can be matched to it. */
function recoverId(line: string): string | null {
  const m = /"id"\s*:\s*"((?:[^"\\]|\\.){0,200})"/.exec(line);
  if (!m) return null;
  try {
    return JSON.parse(`"${m[1]}"`) as string;
  } catch {
    return null;
  }
}
