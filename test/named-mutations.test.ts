/**
 * `npm run mutate -- --named` re-makes the mistakes issue 15 names; it can only do so while each
 * one's text still stands exactly once in its file and its tests exist. This keeps the command
 * runnable as the code moves (the command itself runs the slow part: the tests of each change).
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { NAMED } from "../scripts/named-mutations";

const ROOT = resolve(import.meta.dirname, "..");

describe("the named mutations of npm run mutate -- --named", () => {
  it.each(NAMED.map((m) => [m.name, m] as const))("can still make “%s”: its text stands once in its file, and its tests exist", (_, m) => {
    const source = readFileSync(resolve(ROOT, m.file), "utf8");
    expect(source.split(m.from).length - 1).toBe(1);
    expect(m.to).not.toBe(m.from);
    for (const t of m.tests) expect(existsSync(resolve(ROOT, t)), t).toBe(true);
  });
});
