/**
 * What an advocate sees for each email of the shared dev set, recorded: the category, sender type,
 * priority, language, flags, policy, the confidence shown (to three places), every reason quoted,
 * the missing fields, the warnings and the "this may be a grievance" line. A change to the text
 * reading, the features, the model's arithmetic or the rules that alters any of it fails here, by
 * email, so it is seen and either fixed or accepted on purpose (`npx vitest run -u` after
 * `npm run train`, reviewed in the diff). The floors of classifier-sets.test.ts say whether a new
 * model is good enough; this says whether anything changed at all.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, it } from "vitest";
import { loadModel } from "../src/cli/model";
import { Classifier, type Classification, type EmailInput } from "../src/domain/classify/classifier";

const DEV = resolve(import.meta.dirname, "../../shared/data/dev-emails.jsonl");
const emails = readFileSync(DEV, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as EmailInput & { id: string });

function shown(c: Classification): string {
  const lines = [
    `${c.category} · ${c.senderType} · ${c.priority} · ${c.language} · ${c.policy} · ${c.confidence.toFixed(3)}`,
    `flags: ${c.flags.join(", ") || "none"}`,
    ...c.reasons.map((r) => `${r.field}: ${r.text}`),
  ];
  if (c.missingFields.length) lines.push(`missing: ${c.missingFields.join("; ")}`);
  if (c.warnings.length) lines.push(`warnings: ${c.warnings.join(", ")}`);
  if (c.mayBe) lines.push(`may be ${c.mayBe.category} (${c.mayBe.probability.toFixed(3)}): ${c.mayBe.sentence}`);
  return lines.join("\n");
}

it("shows each dev-set email exactly as recorded", () => {
  const classifier = new Classifier({ model: loadModel() });
  const got = Object.fromEntries(emails.map((e) => [e.id, shown(classifier.classify(e))]));
  expect(Object.keys(got)).toHaveLength(72);
  expect(got).toMatchSnapshot();
});
