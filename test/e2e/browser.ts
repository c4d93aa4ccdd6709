/** Debian's Chromium, headless, driven by playwright-core; no browser download, no network but localhost. */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";

// CHROMIUM_PATH, when set, is the only one tried (CHROMIUM_PATH=/nowhere shows a run without Chromium)
const CANDIDATES = process.env["CHROMIUM_PATH"] ? [process.env["CHROMIUM_PATH"]] : ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

export async function launch(): Promise<Browser> {
  const executablePath = CANDIDATES.find((p) => existsSync(p));
  if (!executablePath) throw new Error("Chromium not found: install Debian's chromium package (apt-get install -y chromium) or set CHROMIUM_PATH");
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-default-apps",
      "--disable-features=Translate,OptimizationHints,MediaRouter",
    ],
  });
}

export interface Watched {
  readonly requests: string[];
  readonly console: string[];
  readonly dialogs: string[];
}

/** Records every request URL, console line and dialog of a page and its frames. */
export function watch(page: Page): Watched {
  const w: Watched = { requests: [], console: [], dialogs: [] };
  page.on("request", (r) => w.requests.push(r.url()));
  page.on("console", (m) => w.console.push(m.text()));
  page.on("dialog", (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  return w;
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** The axe-core scan (WCAG 2.2 AA and best practice) of the task pane's frame: its violations as "rule (nodes)". */
export async function paneViolations(page: Page): Promise<string[]> {
  const frame = page.frames().find((f) => f.url().includes("taskpane.html"));
  if (!frame) throw new Error("no task pane frame");
  if (!(await frame.evaluate(() => "axe" in window))) await frame.evaluate(AXE_SOURCE); // through the debugger protocol: the pane's CSP stays on
  const result = (await frame.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } }).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    }),
  )) as { violations: { id: string; nodes: unknown[] }[]; passes: unknown[] };
  if (result.passes.length <= 10) throw new Error("the accessibility scan did not run");
  return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
}
