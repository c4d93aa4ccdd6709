/**
 * `npm run validate [-- --dir dist]`: checks a build's two manifests offline (decision 43) —
 * dist/manifest.xml against Microsoft's XSDs and the project's rules, and converted by Microsoft's
 * converter against the unified-manifest schema; dist/unified/manifest.json through
 * office-addin-manifest against the schema @microsoft/app-manifest ships. Nothing is sent anywhere.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { projectRules, validateUnified, validateXsd } from "./manifest-check";
import { unifiedManifest } from "./manifest";

export async function validateBuild(dir: string): Promise<string[]> {
  const problems: string[] = [];
  const xmlPath = join(dir, "manifest.xml");
  const jsonPath = join(dir, "unified", "manifest.json");
  if (!existsSync(xmlPath) || !existsSync(jsonPath)) return [`${dir} has no manifest.xml and unified/manifest.json: run npm run build first`];
  const xml = readFileSync(xmlPath, "utf8");
  const xsd = await validateXsd(xml);
  for (const e of xsd.errors) problems.push(`manifest.xml (XSD): ${e.trim()}`);
  if (!xsd.valid && xsd.errors.length === 0) problems.push("manifest.xml (XSD): invalid");
  for (const p of projectRules(xml)) problems.push(`manifest.xml: ${p}`);
  const tmp = mkdtempSync(join(tmpdir(), "triage-validate-"));
  try {
    const converted = join(tmp, "manifest.json");
    writeFileSync(converted, JSON.stringify(await unifiedManifest(xml), null, 2));
    for (const p of await validateUnified(converted)) problems.push(`manifest.xml as a unified manifest: ${p}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  for (const p of await validateUnified(jsonPath)) problems.push(`unified/manifest.json: ${p}`);
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { dir: { type: "string" } } });
  const dir = resolve(values.dir ?? "dist");
  const problems = await validateBuild(dir);
  if (problems.length) {
    for (const p of problems) console.error(p);
    process.exit(1);
  }
  console.log(`${dir}: manifest.xml and unified/manifest.json are valid (checked offline; the XML against the 2017 XSDs, the project's rules and, converted, the unified-manifest schema).`);
}
