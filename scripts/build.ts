/**
 * `npm run build -- --host https://addin.example.org`: the production pane in dist/ (office.js from
 * Microsoft's CDN), the icons, and dist/manifest.xml pointing at that host.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { build } from "vite";
import { parseSettings } from "../src/domain/settings";
import { DEV_HOST, rewriteManifest } from "./manifest";

const ROOT = resolve(import.meta.dirname, "..");

/**
 * The production build, for `host`, with the deployment's settings (required: a build without them
 * would ship the fictional team and mailboxes). Tests and the bench pass docs/settings.example.json.
 */
export async function buildProduction(host: string, outDir = join(ROOT, "dist"), settingsPath = process.env["TRIAGE_SETTINGS"]): Promise<void> {
  const manifest = rewriteManifest(readFileSync(join(ROOT, "manifest.xml"), "utf8"), host);
  if (!settingsPath) {
    throw new Error("a production build needs the deployment's settings: npm run build -- --host <https origin> --settings settings.json (start from docs/settings.example.json)");
  }
  try {
    parseSettings(JSON.parse(readFileSync(settingsPath, "utf8")));
  } catch (e) {
    throw new Error(`settings file ${settingsPath}: ${e instanceof Error ? e.message : String(e)}`);
  }
  process.env["TRIAGE_SETTINGS"] = settingsPath; // vite.config.ts embeds them
  await build({ configFile: join(ROOT, "vite.config.ts"), mode: "production", logLevel: "warn", build: { outDir } });
  // classic Outlook on Windows runs the on-send handler from one plain script, not a page with modules
  await build({
    configFile: join(ROOT, "vite.config.ts"),
    mode: "production",
    logLevel: "warn",
    build: {
      outDir,
      emptyOutDir: false,
      lib: { entry: join(ROOT, "src", "ui", "commands.ts"), formats: ["iife"], name: "MemberTriageCommands", fileName: () => "commands.js" },
      minify: true,
      rollupOptions: { input: join(ROOT, "src", "ui", "commands.ts") },
    },
  });
  mkdirSync(join(outDir, "assets"), { recursive: true });
  for (const f of readdirSync(join(ROOT, "assets"))) copyFileSync(join(ROOT, "assets", f), join(outDir, "assets", f));
  writeFileSync(join(outDir, "manifest.xml"), manifest);
  writeFileSync(
    join(outDir, "support.html"),
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Member Inbox Triage support</title><h1>Member Inbox Triage</h1><p>Contact your member-services lead or IT help desk for help with this add-in.</p></html>\n`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { host: { type: "string" }, settings: { type: "string" } } });
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
    await buildProduction(host);
    console.log(`Built dist/ for ${host}. Upload dist/ to that host, then sideload or deploy dist/manifest.xml.`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
