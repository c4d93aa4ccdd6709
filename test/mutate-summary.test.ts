import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { summary } from "../scripts/mutate";

const mutant = (status: string, line: number, mutatorName = "EqualityOperator") => ({ status, mutatorName, location: { start: { line } } });

describe("the summary of npm run mutate", () => {
  it("counts killed, timed-out and non-compiling mutants as detected, leaves ignored ones out, and names the survivors' lines", () => {
    const dir = mkdtempSync(join(tmpdir(), "mutate-"));
    writeFileSync(
      join(dir, "calendar.json"),
      JSON.stringify({
        files: {
          "src/domain/calendar/zone.ts": {
            mutants: [
              mutant("Killed", 1),
              mutant("Timeout", 2),
              mutant("CompileError", 3),
              mutant("Survived", 40, "ConditionalExpression"),
              mutant("Ignored", 5),
            ],
          },
          "src/domain/calendar/calendar.ts": { mutants: [mutant("Killed", 1), mutant("NoCoverage", 9, "StringLiteral")] },
        },
      }),
    );
    writeFileSync(
      join(dir, "write-path.json"),
      JSON.stringify({ files: { "src/adapters/storage/outbox.ts": { mutants: [mutant("Killed", 1), mutant("Killed", 2), mutant("Survived", 3)] } } }),
    );
    writeFileSync(join(dir, "domain.json"), "{ not json");
    const text = summary(dir);
    // zone.ts: 3 of 4 (the ignored one is not a mutant of the score)
    expect(text).toContain("src/domain/calendar/zone.ts: 75.00 % (3 of 4; 1 survived, 0 no coverage)");
    expect(text).toContain("left: 40 ConditionalExpression");
    expect(text).toContain("left: 9 StringLiteral (no coverage)");
    // src/domain here: 4 detected of 6; the write path: 2 of 3
    expect(text).toContain("src/domain: 66.67 % detected (4 of 6; 1 survived, 1 no coverage)");
    expect(text).toContain("write path: 66.67 % detected (2 of 3; 1 survived, 0 no coverage)");
    expect(text).toMatch(/part domain: its report .* cannot be read/);
    expect(text).toContain("not measured yet: domain, classify-rules, classify-features, classify-model, classify-classifier, classify-train, classify-tenant");
  });
});
