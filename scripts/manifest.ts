/** Manifest helpers shared by the build, `npm run validate` and the manifest test. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { convert } from "office-addin-manifest-converter";
import { CLOUDS, type Cloud } from "../src/domain/clouds";

export const DEV_HOST = "https://localhost:3000";
const ROOT = resolve(import.meta.dirname, "..");

/** Points every URL of the manifest at `host` (an https origin, no path). */
export function rewriteManifest(xml: string, host: string): string {
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    throw new Error(`--host "${host}" is not a URL such as https://addin.example.org`);
  }
  if (url.protocol !== "https:") throw new Error(`--host must be https (Outlook loads add-ins over HTTPS only), not ${url.protocol}`);
  const origin = `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  return xml.split(DEV_HOST).join(origin);
}

/** The package's version (x.y.z), as the build stamps it into both manifests. */
export function packageVersion(): string {
  const v = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version?: unknown }).version;
  if (typeof v !== "string" || !/^\d+\.\d+\.\d+$/.test(v)) throw new Error(`package.json version "${String(v)}" is not x.y.z`);
  return v;
}

/**
 * The XML manifest's <Version> from package.json (x.y.z → x.y.z.0): every manifest update must
 * raise it, or Outlook and the admin center keep the old one.
 */
export function stampVersion(xml: string, version: string): string {
  if (!/<Version>[^<]*<\/Version>/.test(xml)) throw new Error("the manifest has no <Version>");
  return xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}.0</Version>`);
}

/** The sign-in host among the AppDomains follows the settings' cloud (decision 44). */
export function cloudManifest(xml: string, cloud: Cloud): string {
  return xml.replace(/<AppDomain>https:\/\/login\.microsoftonline\.(com|us)<\/AppDomain>/, `<AppDomain>${CLOUDS[cloud].login}</AppDomain>`);
}

type Json = Record<string, unknown>;
const SEND_CHECK_MIN = "1.12";

/**
 * The unified manifest (JSON, for the admin center's Integrated apps) from the built XML manifest,
 * converted offline by Microsoft's office-addin-manifest-converter, then set right where the
 * converter's output differs from what the XML means (decision 43):
 * - the XML's Mailbox 1.0 fallback is dropped (the unified manifest's hosts all run 1.12 and up;
 *   the converter would list every button twice);
 * - the send check's runtime and its autoRunEvents ask for Mailbox 1.12, as the XML's override does;
 * - shared folders and mailboxes use the permission Microsoft's shared-folders article names,
 *   `Mailbox.SharedFolder`;
 * - the short description fits its 80 characters;
 * - the app icons are the package's 192×192 colour and 32×32 outline icons.
 */
export async function unifiedManifest(xml: string): Promise<Json> {
  const dir = mkdtempSync(join(tmpdir(), "triage-unified-"));
  try {
    const input = join(dir, "manifest.xml");
    writeFileSync(input, xml);
    // imageDownload false: the converter fetches nothing
    await convert(input, join(dir, "out"), false, null as unknown as string, null as unknown as string, false);
    const m = JSON.parse(readFileSync(join(dir, "out", "manifest.json"), "utf8")) as Json;
    return fixUnified(m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function minVersion(node: Json): string | undefined {
  const caps = ((node["requirements"] as Json | undefined)?.["capabilities"] ?? []) as Json[];
  return caps.find((c) => c["name"] === "Mailbox")?.["minVersion"] as string | undefined;
}

function setMinVersion(node: Json, v: string): void {
  const caps = ((node["requirements"] as Json | undefined)?.["capabilities"] ?? []) as Json[];
  for (const c of caps) if (c["name"] === "Mailbox") c["minVersion"] = v;
}

function fixUnified(m: Json): Json {
  const description = m["description"] as Json;
  description["short"] = "Classifies member-services email and runs its SLA clocks.";
  m["accentColor"] = "#0F6CBD";
  // the app package's own icons (the build writes them beside manifest.json)
  m["icons"] = { color: "assets/color.png", outline: "assets/outline.png" };
  const auth = ((m["authorization"] as Json)["permissions"] as Json)["resourceSpecific"] as Json[];
  for (const p of auth) if (p["name"] === "Mailbox.AccessSharedFolders.User") p["name"] = "Mailbox.SharedFolder";
  for (const ext of m["extensions"] as Json[]) {
    const ribbons = (ext["ribbons"] as Json[]).filter((r) => minVersion(r) !== "1.3");
    const keptActions = new Set<string>();
    for (const r of ribbons) {
      for (const tab of (r["tabs"] ?? []) as Json[])
        for (const g of (tab["groups"] ?? []) as Json[]) for (const c of (g["controls"] ?? []) as Json[]) keptActions.add(String(c["actionId"]));
    }
    const events = (ext["autoRunEvents"] ?? []) as Json[];
    const eventActions = new Set(events.flatMap((e) => ((e["events"] ?? []) as Json[]).map((x) => String(x["actionId"]))));
    const runtimes = (ext["runtimes"] as Json[]).filter((rt) =>
      ((rt["actions"] ?? []) as Json[]).some((a) => keptActions.has(String(a["id"])) || eventActions.has(String(a["id"]))),
    );
    for (const rt of runtimes) {
      if (((rt["actions"] ?? []) as Json[]).some((a) => eventActions.has(String(a["id"])))) setMinVersion(rt, SEND_CHECK_MIN);
    }
    for (const e of events) setMinVersion(e, SEND_CHECK_MIN);
    ext["ribbons"] = ribbons;
    ext["runtimes"] = runtimes;
  }
  return m;
}
