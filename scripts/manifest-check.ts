/**
 * Offline checks of the manifests (decision 43), shared by `npm run validate` and the tests. No
 * check here sends anything anywhere:
 * - XML: Microsoft's XSDs (../shared/schemas, the newest published, 2017) with the elements newer
 *   than them set aside — `Runtimes`, the `LaunchEvent` extension point, `SupportsSharedFolders` —
 *   and those checked by the project's rules instead; then the same manifest converted by
 *   Microsoft's office-addin-manifest-converter and validated against the unified-manifest JSON
 *   schema shipped in @microsoft/app-manifest, which does know runtimes and launch events.
 * - JSON (the unified manifest): office-addin-manifest's own validation, against the schema that
 *   @microsoft/app-manifest ships (checked to be on disk first, so it is never fetched).
 * What cannot be done offline: office-addin-manifest's XML validation posts the manifest to
 * Microsoft's online validation service; run `npm run validate:online`
 * on a connected machine before a store submission.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { validateXML } from "xmllint-wasm";

const ROOT = resolve(import.meta.dirname, "..");
const SCHEMAS = resolve(ROOT, "../shared/schemas/office-addin-manifest");
/** Elements Outlook accepts that the offline XSDs predate (checked by projectRules instead). */
export const BEYOND_SCHEMA: readonly string[] = ["Runtimes", "LaunchEvent", "SupportsSharedFolders"];

/** The manifest without the elements newer than the offline schemas (everything else is still validated). */
export function withinSchema(xml: string): string {
  return xml
    .replace(/<Runtimes>[\s\S]*?<\/Runtimes>/g, "")
    .replace(/<ExtensionPoint xsi:type="LaunchEvent">[\s\S]*?<\/ExtensionPoint>/g, "")
    .replace(/<SupportsSharedFolders>(true|false)<\/SupportsSharedFolders>/g, "");
}

const schema = (n: string) => ({ fileName: n, contents: readFileSync(join(SCHEMAS, n), "utf8") });

export async function validateXsd(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const r = await validateXML({
    xml: [{ fileName: "manifest.xml", contents: withinSchema(xml) }],
    schema: [schema("OfficeAppManifestV1_1.xsd")],
    preload: [
      schema("OfficeAppBasicTypesV1_0.xsd"),
      schema("MailAppVersionOverridesV1_0.xsd"),
      schema("MailAppVersionOverridesV1_1.xsd"),
      schema("TaskPaneAppVersionOverridesV1_0.xsd"),
      schema("ContentAppVersionOverridesV1_0.xsd"),
    ],
  });
  return { valid: r.valid, errors: r.errors.map((e) => e.message) };
}

/** The project's own rules, including those for the elements beyond the offline schemas. */
export function projectRules(xml: string, assetsDir = join(ROOT, "assets")): string[] {
  const problems: string[] = [];
  for (const m of xml.matchAll(/(?:DefaultValue|AppDomain>)\s*=?\s*"?(https?:\/\/[^"<\s]+)/g)) {
    if (!m[1]!.startsWith("https://")) problems.push(`not https: ${m[1]}`);
  }
  for (const m of xml.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)) if (!m[1]!.startsWith("https://")) problems.push(`not https: ${m[1]}`);
  // each VersionOverrides resolves its resource ids within its own Resources
  const inner = /<VersionOverrides xmlns="[^"]*\/1\.1"[\s\S]*?<\/VersionOverrides>/.exec(xml)?.[0] ?? "";
  for (const part of inner ? [xml.replace(inner, ""), inner] : [xml]) {
    const ids = (section: string) => {
      const block = new RegExp(`<bt:${section}>([\\s\\S]*?)</bt:${section}>`).exec(part)?.[1] ?? "";
      return new Set([...block.matchAll(/id="([^"]+)"/g)].map((m) => m[1]!));
    };
    const kinds: [RegExp, Set<string>, string][] = [
      [/<Label resid="([^"]+)"/g, ids("ShortStrings"), "ShortStrings"],
      [/<Title resid="([^"]+)"/g, ids("ShortStrings"), "ShortStrings"],
      [/<Description resid="([^"]+)"/g, ids("LongStrings"), "LongStrings"],
      [/<bt:Image size="\d+" resid="([^"]+)"/g, ids("Images"), "Images"],
      [/<SourceLocation resid="([^"]+)"/g, ids("Urls"), "Urls"],
      [/<Runtime resid="([^"]+)"/g, ids("Urls"), "Urls"],
      [/<Override type="javascript" resid="([^"]+)"/g, ids("Urls"), "Urls"],
    ];
    for (const [re, known, section] of kinds) {
      for (const m of part.matchAll(re)) if (!known.has(m[1]!)) problems.push(`resid ${m[1]} is not in ${section}`);
    }
  }
  for (const m of xml.matchAll(/\/assets\/([\w.-]+\.png)/g)) {
    if (!existsSync(join(assetsDir, m[1]!))) problems.push(`missing icon assets/${m[1]}`);
  }
  if (!/<SupportsPinning>true<\/SupportsPinning>/.test(xml)) problems.push("the read pane is not pinnable");
  if (!/xsi:type="MessageComposeCommandSurface"/.test(xml)) problems.push("no compose-mode entry");
  if (!/<Set Name="Mailbox" MinVersion="1\.5"\/>/.test(xml)) problems.push("the Mailbox requirement set is not 1.5 (ItemChanged)");
  if (!/^\s*<Version>\d+\.\d+\.\d+\.\d+<\/Version>/m.test(xml)) problems.push("the manifest <Version> is not four numbers");
  for (const el of BEYOND_SCHEMA) if (!xml.includes(`<${el}`) && !xml.includes(`"${el}"`)) problems.push(`BEYOND_SCHEMA lists ${el}, which the manifest does not use`);
  // shared folders and mailboxes: in the 1.1 override's DesktopFormFactor, first (as Microsoft's article places it)
  if (!/<VersionOverrides xmlns="[^"]*\/1\.1"[\s\S]*<DesktopFormFactor>\s*(<!--[\s\S]*?-->\s*)?<SupportsSharedFolders>true<\/SupportsSharedFolders>/.test(xml)) {
    problems.push("SupportsSharedFolders is not true at the start of the 1.1 override's DesktopFormFactor (the pane would not appear in shared mailboxes)");
  }
  if (/<VersionOverrides xmlns="[^"]*mailappversionoverrides" xsi:type="VersionOverridesV1_0">[\s\S]*?<SupportsSharedFolders>[\s\S]*?<VersionOverrides xmlns/.test(xml)) {
    problems.push("SupportsSharedFolders is in the 1.0 override, which older hosts reject");
  }
  // the on-send check: Mailbox 1.12 for the override that declares it, and a handler each commands script registers
  if (/xsi:type="LaunchEvent"/.test(xml) && !/<bt:Sets DefaultMinVersion="1\.1[2-9]">/.test(xml)) problems.push("LaunchEvent needs the VersionOverrides at Mailbox 1.12 or later");
  for (const script of ["commands.ts", "commands-classic.ts"]) {
    const source = readFileSync(join(ROOT, "src", "ui", script), "utf8");
    for (const m of xml.matchAll(/<LaunchEvent Type="(\w+)" FunctionName="(\w+)"/g)) {
      if (!source.includes(`associate("${m[2]}"`)) problems.push(`LaunchEvent ${m[1]} names ${m[2]}, which src/ui/${script} does not register`);
    }
  }
  return problems;
}

const require = createRequire(import.meta.url);

/** The local copy of a unified manifest's $schema that @microsoft/app-manifest ships, or null. */
export function localSchemaPath(schemaUrl: string): string | null {
  const m = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?(json-schemas\/teams\/[^#?]+)/i.exec(schemaUrl);
  if (!m) return null;
  const pkg = dirname(require.resolve("@microsoft/app-manifest/package.json"));
  const file = join(pkg, "build", m[1]!);
  return existsSync(file) ? file : null;
}

/** The unified manifest against its shipped schema, through office-addin-manifest (offline: the schema is on disk). */
export async function validateUnified(path: string): Promise<string[]> {
  const manifest = JSON.parse(readFileSync(path, "utf8")) as { $schema?: unknown };
  const schemaUrl = typeof manifest.$schema === "string" ? manifest.$schema : "";
  if (!localSchemaPath(schemaUrl)) return [`$schema ${schemaUrl || "(none)"} is not one @microsoft/app-manifest ships: it would be fetched, so it is refused offline`];
  const { validateManifest } = (await import("office-addin-manifest")) as typeof import("office-addin-manifest");
  const r = await validateManifest(path);
  if (r.isValid) return [];
  return (r.report?.errors ?? []).map((e) => String(e.content ?? e.title ?? "invalid"));
}
