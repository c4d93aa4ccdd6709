/**
 * One build, two ways to load office.js:
 * - production (`npm run build`): office.js from Microsoft's CDN, as Microsoft requires;
 * - harness (`npm start`, the tests, the bench): the npm copy served from this machine, plus the
 *   Outlook stand-in page. The pane's code is the same in both.
 */
import react from "@vitejs/plugin-react";
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";

const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const CSP_PRODUCTION = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' https://graph.microsoft.com https://login.microsoftonline.com",
  "frame-src 'self' https://login.microsoftonline.com",
  "object-src 'none'",
  "base-uri 'self'",
].join("; ");

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

function paneHtml(harness: boolean): Plugin {
  return {
    name: "pane-html",
    transformIndexHtml: {
      order: "pre",
      handler(html) {
        // office.js blanks a page framed outside Office unless OsfOptOut is set: the stand-in page
        // frames the pane, so the harness build (only) sets it from a same-origin file.
        const officeJs = harness
          ? `/office-js/osf-opt-out.js"></script>\n    <script vite-ignore src="/office-js/office.js`
          : OFFICE_CDN;
        return html
          .replace("%OFFICE_JS_URL%", officeJs)
          .replace("%PANE_CSP%", harness ? CSP_HARNESS : CSP_PRODUCTION);
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  const harness = mode === "harness";
  const src = resolve(import.meta.dirname, "src");
  return {
    root: src,
    base: harness ? "/" : "./",
    publicDir: false,
    plugins: [react(), paneHtml(harness)],
    build: {
      outDir: resolve(import.meta.dirname, harness ? "dist-harness" : "dist"),
      emptyOutDir: true,
      target: "es2022",
      sourcemap: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: harness
          ? { taskpane: resolve(src, "taskpane.html"), harness: resolve(src, "harness/index.html") }
          : { taskpane: resolve(src, "taskpane.html") },
      },
    },
  };
});
