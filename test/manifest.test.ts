/**
 * manifest.xml, validated offline against Microsoft's XSDs in ../shared/schemas plus this project's
 * own rules. Elements knowingly allowed beyond those (older) schemas, removed before the XSD check
 * and checked by the project's rules instead: `Runtimes` and the `LaunchEvent` extension point
 * (event-based activation, Mailbox 1.12: the on-send check), which Outlook accepts and the 2017
 * schemas predate.
 */
import { mkdtempSync, readFileSync, readdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { buildProduction } from "../scripts/build";
import { rewriteManifest } from "../scripts/manifest";

const ROOT = resolve(import.meta.dirname, "..");
const SCHEMAS = resolve(ROOT, "../shared/schemas/office-addin-manifest");
const BEYOND_SCHEMA: readonly string[] = ["Runtimes", "LaunchEvent"];

/** The manifest without the elements newer than the offline schemas (everything else is still validated). */
function withinSchema(xml: string): string {
  return xml.replace(/<Runtimes>[\s\S]*?<\/Runtimes>/g, "").replace(/<ExtensionPoint xsi:type="LaunchEvent">[\s\S]*?<\/ExtensionPoint>/g, "");
}
const schema = (n: string) => ({ fileName: n, contents: readFileSync(join(SCHEMAS, n), "utf8") });

async function validate(xml: string) {
  return validateXML({
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
}

function projectRules(xml: string): string[] {
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
    if (!existsSync(join(ROOT, "assets", m[1]!))) problems.push(`missing icon assets/${m[1]}`);
  }
  if (!/<SupportsPinning>true<\/SupportsPinning>/.test(xml)) problems.push("the read pane is not pinnable");
  if (!/xsi:type="MessageComposeCommandSurface"/.test(xml)) problems.push("no compose-mode entry");
  if (!/<Set Name="Mailbox" MinVersion="1\.5"\/>/.test(xml)) problems.push("the Mailbox requirement set is not 1.5 (ItemChanged)");
  for (const el of BEYOND_SCHEMA) if (!xml.includes(`<${el}`)) problems.push(`BEYOND_SCHEMA lists ${el}, which the manifest does not use`);
  // the on-send check: Mailbox 1.12 for the override that declares it, and a handler the commands script registers
  if (/xsi:type="LaunchEvent"/.test(xml) && !/<bt:Sets DefaultMinVersion="1\.1[2-9]">/.test(xml)) problems.push("LaunchEvent needs the VersionOverrides at Mailbox 1.12 or later");
  const commands = readFileSync(join(ROOT, "src", "ui", "commands.ts"), "utf8");
  for (const m of xml.matchAll(/<LaunchEvent Type="(\w+)" FunctionName="(\w+)"/g)) {
    if (!commands.includes(`associate("${m[2]}"`)) problems.push(`LaunchEvent ${m[1]} names ${m[2]}, which src/ui/commands.ts does not register`);
  }
  return problems;
}

describe("manifest.xml", () => {
  const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");

  it("is valid against Microsoft's add-in manifest schemas", async () => {
    const r = await validate(xml);
    expect(r.errors.map((e) => e.message)).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it("follows the project's rules: HTTPS only, every resource id resolves, icons exist, pinnable, compose entry", () => {
    expect(projectRules(xml)).toEqual([]);
  });

  it("catches a broken resource id and an http URL", async () => {
    const broken = xml.replace('resid="ReadButton.Tooltip"', 'resid="Nope.Tooltip"').replace("https://localhost:3000/assets/icon-16.png", "http://localhost:3000/assets/icon-16.png");
    expect(projectRules(broken)).toEqual(expect.arrayContaining(["resid Nope.Tooltip is not in LongStrings", expect.stringContaining("not https")]));
    expect(projectRules(xml.replace('FunctionName="onMessageSendHandler"', 'FunctionName="onSend"'))).toEqual(["LaunchEvent OnMessageSend names onSend, which src/ui/commands.ts does not register"]);
    expect(projectRules(xml.replace('<bt:Sets DefaultMinVersion="1.12">', '<bt:Sets DefaultMinVersion="1.5">'))).toEqual(["LaunchEvent needs the VersionOverrides at Mailbox 1.12 or later"]);
    expect((await validate(xml.replace("<Permissions>ReadWriteItem</Permissions>", "<Permissions>Everything</Permissions>"))).valid).toBe(false);
  });

  it("is rewritten for a real host by the build, and stays valid", async () => {
    const out = mkdtempSync(join(tmpdir(), "triage-build-"));
    await buildProduction("https://addin.example.org/triage", out, join(ROOT, "docs", "settings.example.json"));
    const built = readFileSync(join(out, "manifest.xml"), "utf8");
    expect(built).not.toContain("localhost");
    expect(built).toContain("https://addin.example.org/triage/taskpane.html");
    expect((await validate(built)).valid).toBe(true);
    expect(projectRules(built)).toEqual([]);
    expect(readFileSync(join(out, "commands.js"), "utf8")).toMatch(/associate\(`onMessageSendHandler`/); // one classic script for classic Outlook
    expect(readFileSync(join(out, "commands.html"), "utf8")).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    expect(html).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(html).not.toContain("/office-js/");
    // no harness mailbox and no local sign-in: nothing a query string could switch on
    const js = readdirSync(join(out, "assets")).filter((f) => f.endsWith(".js")).map((f) => readFileSync(join(out, "assets", f), "utf8")).join("\n");
    expect(js).not.toContain("member-triage-harness/1");
    expect(js).not.toContain("local-harness");
    expect(js).toContain("Example Health Plan"); // the settings given
  }, 180_000);

  it("refuses to build without the deployment's settings", async () => {
    const saved = process.env["TRIAGE_SETTINGS"];
    delete process.env["TRIAGE_SETTINGS"];
    try {
      await expect(buildProduction("https://addin.example.org", mkdtempSync(join(tmpdir(), "triage-build-")), undefined)).rejects.toThrow(/needs the deployment's settings/);
    } finally {
      if (saved !== undefined) process.env["TRIAGE_SETTINGS"] = saved;
    }
  });

  it("refuses a host that is not HTTPS", () => {
    expect(() => rewriteManifest(xml, "http://addin.example.org")).toThrow(/must be https/);
    expect(() => rewriteManifest(xml, "not a url")).toThrow(/not a URL/);
  });
});
