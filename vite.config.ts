/**
 * One build, two ways to load office.js:
 * - production (`npm run build`): office.js from Microsoft's CDN, as Microsoft requires;
 * - harness (`npm start`, the tests, the bench): the npm copy served from this machine, plus the
 *   Outlook stand-in page. The pane's code is the same in both.
 */
import react from "@vitejs/plugin-react";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";

/**
 * The production CSP for the settings' cloud (decision 44): scripts from the pane itself and that
 * cloud's office.js CDN; connections to the pane, that cloud's Graph and its sign-in host.
 */
export function productionCsp(hosts: CloudHosts): string {
  const origin = (url: string) => new URL(url).origin;
  return [
    "default-src 'self'",
    `script-src 'self' ${origin(hosts.officeJs)}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${hosts.graph} ${hosts.login}`,
    `frame-src 'self' ${hosts.login}`,
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");
}

const CSP_HARNESS = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join("; ");

/** The settings' cloud's hosts (src/domain/clouds.ts), handed over by scripts/build.ts. */
interface CloudHosts {
  readonly officeJs: string;
  readonly graph: string;
  readonly login: string;
}

function cloudHosts(): CloudHosts {
  const raw = process.env["TRIAGE_CLOUD_HOSTS"];
  if (!raw) throw new Error("build the production pane with npm run build (it picks the cloud's hosts from the settings)");
  return JSON.parse(raw) as CloudHosts;
}

/**
 * The pane starts its downloads at once (decision 23): its module scripts, their preloads and the
 * classifier's model are requested from the top of the head, before office.js — whose scripts
 * block the parser, and the browser's look-ahead with it — so the pane's code and the model arrive
 * while office.js loads. Order of running is unchanged: module scripts run after the document is
 * parsed, so after office.js.
 */
function paneStartsDownloads(): Plugin {
  let base = "/";
  return {
    name: "pane-starts-downloads",
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        if (!html.includes("<!-- downloads -->")) return html;
        const model = Object.values(ctx.bundle ?? {}).find((f) => /(^|\/)triage-model-[^/]+\.bin$/.test(f.fileName));
        const tags: string[] = [];
        if (model) tags.push(`<link rel="preload" href="${base}${model.fileName}" as="fetch" type="application/octet-stream" crossorigin="anonymous">`);
        const moved = html.replace(/\s*<script type="module"[^>]*><\/script>|\s*<link rel="modulepreload"[^>]*>/g, (tag) => {
          tags.push(tag.trim());
          return "";
        });
        return moved.replace("<!-- downloads -->", tags.join("\n    "));
      },
    },
  };
}

function paneHtml(harness: boolean, hosts: CloudHosts | null): Plugin {
  return {
    name: "pane-html",
    transformIndexHtml: {
      order: "pre",
      handler(html) {
        // office.js blanks a page framed outside Office unless OsfOptOut is set: the stand-in page
        // frames the pane, so the harness build (only) sets it from a same-origin file.
        const officeJs = harness
          ? `/office-js/osf-opt-out.js"></script>\n    <script vite-ignore src="/office-js/office.js`
          : hosts!.officeJs;
        return html
          .replace("%OFFICE_JS_URL%", officeJs)
          .replace("%PANE_CSP%", harness ? CSP_HARNESS : productionCsp(hosts!));
      },
    },
  };
}

/**
 * The deployment's settings (mailboxes, calendar, organisation), from the JSON file named by
 * TRIAGE_SETTINGS. `npm run build` checks them with the domain's parser first; the pane checks
 * them again when it starts.
 */
function deploymentSettings(): unknown {
  const path = process.env["TRIAGE_SETTINGS"];
  if (!path) throw new Error("a production build needs the deployment's settings: npm run build -- --host <https origin> --settings settings.json (start from docs/settings.example.json)");
  try {
    return JSON.parse(readFileSync(path, "utf8")) as unknown;
  } catch (e) {
    throw new Error(`settings file ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export default defineConfig(({ mode }) => {
  const harness = mode === "harness";
  const src = resolve(import.meta.dirname, "src");
  const settings = harness ? null : deploymentSettings();
  const hosts = harness ? null : cloudHosts();
  return {
    root: src,
    base: harness ? "/" : "./",
    publicDir: false,
    plugins: [react(), paneHtml(harness, hosts), paneStartsDownloads()],
    define: { __TRIAGE_SETTINGS__: JSON.stringify(settings), __CLOUD_HOSTS__: JSON.stringify(hosts), __HARNESS__: JSON.stringify(harness) },
    build: {
      outDir: resolve(import.meta.dirname, harness ? "dist-harness" : "dist"),
      emptyOutDir: true,
      target: "es2022",
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 1000,
      rollupOptions: {
        input: harness
          ? { taskpane: resolve(src, "taskpane.html"), harness: resolve(src, "harness/index.html") }
          : {
              taskpane: resolve(src, "taskpane.html"),
              "auth-dialog": resolve(src, "auth-dialog.html"),
              commands: resolve(src, "commands.html"),
              redirect: resolve(src, "redirect.html"),
            },
      },
    },
  };
});
