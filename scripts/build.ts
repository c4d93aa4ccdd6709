/**
 * `npm run build -- --host https://addin.example.org`: the production pane in dist/ (office.js from
 * Microsoft's CDN), the icons, and dist/manifest.xml pointing at that host.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { build } from "vite";
import { CLOUDS } from "../src/domain/clouds";
import { parseSettings, type DeploymentSettings } from "../src/domain/settings";
import { decodePng, encodePng, outline, resize } from "./png";
import { DEV_HOST, cloudManifest, packageVersion, rewriteManifest, stampVersion, unifiedManifest } from "./manifest";

const ROOT = resolve(import.meta.dirname, "..");

/**
 * The production build, for `host`, with the deployment's settings (required: a build without them
 * would ship the fictional team and mailboxes). Tests and the bench pass docs/settings.example.json.
 */
export async function buildProduction(host: string, outDir = join(ROOT, "dist"), settingsPath = process.env["TRIAGE_SETTINGS"]): Promise<void> {
  if (!settingsPath) {
    throw new Error("a production build needs the deployment's settings: npm run build -- --host <https origin> --settings settings.json (start from docs/settings.example.json)");
  }
  let settings: DeploymentSettings;
  try {
    settings = parseSettings(JSON.parse(readFileSync(settingsPath, "utf8")));
  } catch (e) {
    throw new Error(`settings file ${settingsPath}: ${e instanceof Error ? e.message : String(e)}`);
  }
  process.env["TRIAGE_SETTINGS"] = settingsPath; // vite.config.ts embeds them
  // the pane's office.js, CSP, Graph and sign-in hosts: the settings' cloud's (vite.config.ts reads them)
  process.env["TRIAGE_CLOUD_HOSTS"] = JSON.stringify(CLOUDS[settings.cloud]);
  // one source, manifest.xml: pointed at the host, the version from package.json, the cloud's sign-in host
  const manifest = cloudManifest(stampVersion(rewriteManifest(readFileSync(join(ROOT, "manifest.xml"), "utf8"), host), packageVersion()), settings.cloud);
  await build({ configFile: join(ROOT, "vite.config.ts"), mode: "production", logLevel: "warn", build: { outDir } });
  // classic Outlook on Windows runs the on-send handler from one plain script, not a page with modules
  await build({
    configFile: join(ROOT, "vite.config.ts"),
    mode: "production",
    logLevel: "warn",
    build: {
      outDir,
      emptyOutDir: false,
      lib: { entry: join(ROOT, "src", "ui", "commands-classic.ts"), formats: ["iife"], name: "MemberTriageCommands", fileName: () => "commands.js" },
      minify: true,
      rollupOptions: { input: join(ROOT, "src", "ui", "commands-classic.ts") },
    },
  });
  mkdirSync(join(outDir, "assets"), { recursive: true });
  // the icons (the model travels with the pane's code, under its content hash)
  for (const f of readdirSync(join(ROOT, "assets")).filter((x) => x.endsWith(".png"))) copyFileSync(join(ROOT, "assets", f), join(outDir, "assets", f));
  writeFileSync(join(outDir, "manifest.xml"), manifest);
  // the unified manifest (JSON) for tenants that deploy through Integrated apps, from the same source
  const unified = join(outDir, "unified");
  mkdirSync(join(unified, "assets"), { recursive: true });
  writeFileSync(join(unified, "manifest.json"), `${JSON.stringify(await unifiedManifest(manifest), null, 2)}\n`);
  // the app package (zip these with manifest.json) carries its two icons: 192×192 colour, 32×32 outline
  const icon = decodePng(readFileSync(join(ROOT, "assets", "icon-128.png")));
  writeFileSync(join(unified, "assets", "color.png"), encodePng(resize(icon, 192, 192)));
  writeFileSync(join(unified, "assets", "outline.png"), encodePng(outline(resize(icon, 32, 32))));
  writeFileSync(
    join(outDir, "support.html"),
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Member Inbox Triage support</title><h1>Member Inbox Triage</h1><p>Contact your member-services lead or IT help desk for help with this add-in.</p></html>\n`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { host: { type: "string" }, settings: { type: "string" }, out: { type: "string" } } });
  const host = values.host ?? process.env["ADDIN_HOST"];
  if (values.settings) process.env["TRIAGE_SETTINGS"] = resolve(values.settings);
  if (!host) {
    console.error(
      `usage: npm run build -- --host https://addin.example.org --settings settings.json\n` +
        `  --host      the HTTPS origin (and path) that will serve dist/; ${DEV_HOST} for local sideloading\n` +
        `  --settings  the deployment's mailboxes, calendar and organisation (docs/settings.example.json)`,
    );
    process.exit(2);
  }
  try {
    const out = resolve(values.out ?? join(ROOT, "dist"));
    await buildProduction(host, out);
    console.log(`Built ${out} for ${host}. Upload it to that host, then sideload or deploy manifest.xml (or unified/ for Integrated apps); npm run validate checks both offline.`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
