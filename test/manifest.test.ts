/**
 * manifest.xml and the build's two manifests, checked offline (scripts/manifest-check.ts, decision
 * 43): Microsoft's XSDs with the elements newer than them (Runtimes, LaunchEvent,
 * SupportsSharedFolders) checked by the project's rules, the unified manifest against the schema
 * @microsoft/app-manifest ships, and `npm run validate` on a build with the network refused.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { buildProduction } from "../scripts/build";
import { rewriteManifest, stampVersion } from "../scripts/manifest";
import { decodePng } from "../scripts/png";
import { projectRules, validateXsd } from "../scripts/manifest-check";
import { validateBuild } from "../scripts/validate";

const ROOT = resolve(import.meta.dirname, "..");
const validate = validateXsd;
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

describe("manifest.xml", () => {
  const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");

  it("is valid against Microsoft's add-in manifest schemas", async () => {
    const r = await validate(xml);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it("follows the project's rules: HTTPS only, every resource id resolves, icons exist, pinnable, compose entry, shared folders", () => {
    expect(projectRules(xml)).toEqual([]);
  });

  it("catches a broken resource id, an http URL, a missing send handler and shared folders turned off", async () => {
    const broken = xml.replace('resid="ReadButton.Tooltip"', 'resid="Nope.Tooltip"').replace("https://localhost:3000/assets/icon-16.png", "http://localhost:3000/assets/icon-16.png");
    expect(projectRules(broken)).toEqual(expect.arrayContaining(["resid Nope.Tooltip is not in LongStrings", expect.stringContaining("not https")]));
    expect(projectRules(xml.replace('FunctionName="onMessageSendHandler"', 'FunctionName="onSend"'))).toEqual([
      "LaunchEvent OnMessageSend names onSend, which src/ui/commands.ts does not register",
      "LaunchEvent OnMessageSend names onSend, which src/ui/commands-classic.ts does not register",
    ]);
    expect(projectRules(xml.replace('<bt:Sets DefaultMinVersion="1.12">', '<bt:Sets DefaultMinVersion="1.5">'))).toEqual(["LaunchEvent needs the VersionOverrides at Mailbox 1.12 or later"]);
    expect(projectRules(xml.replace("<SupportsSharedFolders>true</SupportsSharedFolders>", "<SupportsSharedFolders>false</SupportsSharedFolders>"))).toEqual([
      expect.stringContaining("SupportsSharedFolders is not true"),
    ]);
    expect((await validate(xml.replace("<Permissions>ReadWriteItem</Permissions>", "<Permissions>Everything</Permissions>"))).valid).toBe(false);
  });

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

  it("takes its version from package.json", () => {
    expect(stampVersion(xml, "2.3.4")).toContain("<Version>2.3.4.0</Version>");
  });
});

describe("a production build", () => {
  const out = mkdtempSync(join(tmpdir(), "triage-build-"));
  beforeAll(async () => {
    await buildProduction("https://addin.example.org/triage", out, join(ROOT, "docs", "settings.example.json"));
  }, 180_000);

  it("carries no harness mailbox and no local sign-in, and the settings it was given", () => {
    expect(readFileSync(join(out, "commands.js"), "utf8")).toMatch(/associate\(`onMessageSendHandler`|associate\("onMessageSendHandler"/); // one classic script for classic Outlook
    // nothing a query string could switch on
    const js = readdirSync(join(out, "assets")).filter((f) => f.endsWith(".js")).map((f) => readFileSync(join(out, "assets", f), "utf8")).join("\n");
    expect(js).not.toContain("member-triage-harness/1");
    expect(js).not.toContain("local-harness");
    expect(js).toContain("Example Health Plan");
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("points every URL at the host, stays valid, enables shared folders and carries package.json's version", async () => {
    const built = readFileSync(join(out, "manifest.xml"), "utf8");
    expect(built).not.toContain("localhost");
    expect(built).toContain("https://addin.example.org/triage/taskpane.html");
    expect((await validate(built)).valid).toBe(true);
    expect(projectRules(built)).toEqual([]);
    expect(built).toMatch(/<DesktopFormFactor>\s*<!--[^>]*-->\s*<SupportsSharedFolders>true<\/SupportsSharedFolders>/);
    expect(built).toContain(`<Version>${VERSION}.0</Version>`);
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    expect(html).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(html).not.toContain("/office-js/");
    expect(readFileSync(join(out, "commands.html"), "utf8")).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  });

  it("asks for the pane's code and the classifier's model before office.js, so they download while it loads", () => {
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    const officeJs = html.indexOf("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const model = /<link rel="preload" href="\.\/(assets\/triage-model-[^"]+\.bin)" as="fetch"[^>]*crossorigin="anonymous">/.exec(html);
    expect(model, "a preload of the model file").not.toBeNull();
    expect(existsSync(join(out, model![1]!)), "the preloaded file is the one built").toBe(true);
    const entry = html.search(/<script type="module"[^>]*src="\.\/assets\/taskpane-[^"]+\.js"/);
    expect(entry).toBeGreaterThan(-1);
    expect(model!.index).toBeLessThan(officeJs);
    expect(entry).toBeLessThan(officeJs);
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(model!.index);
  });

  it("passes npm run validate with the network refused: the XML and the unified manifest", async () => {
    const refused = vi.fn(async () => {
      throw new Error("no network at validate time");
    });
    vi.stubGlobal("fetch", refused);
    expect(await validateBuild(out)).toEqual([]);
    expect(refused).not.toHaveBeenCalled();
  });

  it("writes a unified manifest with the same id, version, shared-folder permission, send check at Mailbox 1.12 and each button once", () => {
    const m = JSON.parse(readFileSync(join(out, "unified", "manifest.json"), "utf8")) as Record<string, any>;
    expect(m["id"]).toBe("39a3d908-ed2f-4706-94c2-0570dd93910c");
    expect(m["version"]).toBe(VERSION);
    expect(m["authorization"].permissions.resourceSpecific.map((p: { name: string }) => p.name)).toEqual(["MailboxItem.ReadWrite.User", "Mailbox.SharedFolder"]);
    const ext = m["extensions"][0];
    expect(ext.autoRunEvents[0].events[0]).toMatchObject({ type: "messageSending", actionId: "onMessageSendHandler", options: { sendMode: "softBlock" } });
    expect(ext.autoRunEvents[0].requirements.capabilities).toEqual([{ name: "Mailbox", minVersion: "1.12" }]);
    expect(ext.ribbons.map((r: { contexts: string[] }) => r.contexts[0])).toEqual(["mailRead", "mailCompose"]);
    expect(JSON.stringify(m)).not.toContain("localhost");
    // the app package's icons at the sizes Microsoft's app package asks for; the outline white on transparent
    const color = decodePng(readFileSync(join(out, "unified", m["icons"].color)));
    const line = decodePng(readFileSync(join(out, "unified", m["icons"].outline)));
    expect([color.width, color.height, line.width, line.height]).toEqual([192, 192, 32, 32]);
    for (let i = 0; i < line.data.length; i += 4) {
      expect([line.data[i], line.data[i + 1], line.data[i + 2]]).toEqual([255, 255, 255]);
      expect([0, 255]).toContain(line.data[i + 3]);
    }
    expect(color.data.some((v, i) => i % 4 === 3 && v > 0)).toBe(true);
  });

  it("a broken unified manifest fails validation", async () => {
    const { validateUnified } = await import("../scripts/manifest-check");
    const { writeFileSync } = await import("node:fs");
    const m = JSON.parse(readFileSync(join(out, "unified", "manifest.json"), "utf8")) as Record<string, unknown>;
    const bad = join(mkdtempSync(join(tmpdir(), "triage-bad-")), "manifest.json");
    writeFileSync(bad, JSON.stringify({ ...m, id: "not-a-guid", version: "one" }));
    expect((await validateUnified(bad)).length).toBeGreaterThan(0);
    writeFileSync(bad, JSON.stringify({ ...m, $schema: "https://example.org/schema.json" }));
    expect(await validateUnified(bad)).toEqual([expect.stringContaining("refused offline")]);
  });

  it("gives classic Outlook's JavaScript-only runtime one small script with the send check and no MSAL or Graph client", () => {
    const js = readFileSync(join(out, "commands.js"), "utf8");
    expect(js).toMatch(/associate\(`onMessageSendHandler`/);
    expect(js).not.toMatch(/msal|createNestablePublicClientApplication|graph\.microsoft/i);
    // nothing that runtime lacks: no DOM, no localStorage or cookies, no IndexedDB, no modules loaded later
    expect(js).not.toMatch(/\bwindow\.|\bdocument\.|localStorage|sessionStorage|indexedDB|\bimport\(/);
    const gzip = gzipSync(js, { level: 9 }).length;
    expect(gzip).toBeLessThan(30 * 1024);
  });
});
