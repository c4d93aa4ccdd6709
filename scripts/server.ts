/**
 * The local harness server: the built pane and the Outlook stand-in page, plus office.js from the
 * npm copy. It listens on 127.0.0.1 only and serves files from two folders, nothing else. It answers
 * only requests addressed to itself (Host) and, when a browser says where a request comes from
 * (Origin, or Sec-Fetch-Site), only its own pages: a page on another localhost port or a DNS-rebound
 * name cannot read or change the emulated list.
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { AUDIT_LIST_COLUMNS, AUDIT_LIST_NAME, INQUIRY_COLUMNS, LIST_NAME, TEMPLATE_COLUMNS, TEMPLATE_LIST_NAME, columnDefinition, type ColumnSpec } from "../src/adapters/sharepoint/schema";
import { templateToFields } from "../src/adapters/sharepoint/templates-list";
import { CORRECTION_COLUMNS, CORRECTIONS_LIST_NAME } from "../src/adapters/sharepoint/corrections-list";
import { MODEL_COLUMNS, MODELS_LIST_NAME } from "../src/adapters/sharepoint/tenant-models";
import { DEFAULT_TEMPLATES } from "../src/domain/templates/defaults";
import { SharePointEmulator, type Faults, type Snapshot } from "../src/harness/emulator/store";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export interface HarnessServer {
  readonly url: string;
  readonly port: number;
  /** The SharePoint list emulator behind /graph/v1.0/. */
  readonly emulator: SharePointEmulator;
  close(): Promise<void>;
}

const MAX_BODY = 4 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error("too large"));
      else chunks.push(c);
    });
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      if (!text) return resolveBody(undefined);
      try {
        resolveBody(JSON.parse(text));
      } catch {
        reject(new Error("bad json"));
      }
    });
    req.on("error", reject);
  });
}

function loadSnapshot(file: string | undefined): Snapshot | undefined {
  if (!file || !existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  } catch {
    return undefined; // a damaged file starts an empty list rather than stopping the harness
  }
}

async function emulate(emulator: SharePointEmulator, req: IncomingMessage, res: ServerResponse, url: URL, origin: string): Promise<void> {
  let body: unknown;
  try {
    body = await readBody(req);
  } catch (e) {
    res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "invalidRequest", message: String((e as Error).message) } }));
    return;
  }
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]));
  const path = url.pathname.slice("/graph/v1.0".length) + url.search;
  const answer = emulator.handle({ method: req.method ?? "GET", url: path, headers, body }, `${origin}/graph/v1.0`);
  if (answer.drop) {
    req.socket.destroy();
    return;
  }
  res.writeHead(answer.status, { ...answer.headers, "cache-control": "no-store" });
  res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
}

/**
 * Whether a request may be answered: its Host is this server (localhost or 127.0.0.1 on its port),
 * and a browser's Origin, when sent, is this server's own origin. Requests without Origin (tools,
 * the tests' Node fetch, a page's own GETs) pass on Host alone; a cross-site fetch the browser
 * marks with Sec-Fetch-Site is refused too.
 */
export function sameOrigin(headers: IncomingMessage["headers"], port: number): boolean {
  const own = new Set([`localhost:${port}`, `127.0.0.1:${port}`]);
  const host = String(headers.host ?? "").toLowerCase();
  if (!own.has(host)) return false;
  const origin = headers.origin;
  if (origin !== undefined) {
    if (origin === "null") return false;
    let o: URL;
    try {
      o = new URL(String(origin));
    } catch {
      return false;
    }
    if (o.protocol !== "http:" || !own.has(o.host.toLowerCase())) return false;
  }
  const site = headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") return false;
  return true;
}

function safeJoin(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const full = normalize(join(root, decoded));
  return full === root || full.startsWith(root + sep) ? full : null;
}

export function startHarnessServer(
  options: { port?: number; root?: string; dataFile?: string; emulator?: SharePointEmulator } = {},
): Promise<HarnessServer> {
  const project = resolve(import.meta.dirname, "..");
  const siteRoot = resolve(options.root ?? join(project, "dist-harness"));
  const officeRoot = resolve(project, "node_modules", "@microsoft", "office-js", "dist");
  const built = existsSync(join(siteRoot, "taskpane.html"));
  const emulator = options.emulator ?? new SharePointEmulator(5000, loadSnapshot(options.dataFile));
  // the harness's site holds its lists already, brought up to date as `npm run provision` would a
  // tenant's (a .harness-data/ kept from an older version gains the columns added since)
  const ensureList = (name: string, columns: readonly ColumnSpec[]): boolean => {
    const path = `/sites/harness/lists/${encodeURIComponent(name)}`;
    if (emulator.handle({ method: "GET", url: path, headers: {} }).status === 404) {
      emulator.handle({ method: "POST", url: "/sites/harness/lists", headers: {}, body: { displayName: name, columns: columns.map(columnDefinition) } });
      return true;
    }
    const existing = ((emulator.handle({ method: "GET", url: `${path}/columns`, headers: {} }).body ?? {}) as { value?: { name?: string }[] }).value ?? [];
    for (const c of columns) if (!existing.some((e) => e.name === c.name)) emulator.handle({ method: "POST", url: `${path}/columns`, headers: {}, body: columnDefinition(c) });
    return false;
  };
  ensureList(LIST_NAME, INQUIRY_COLUMNS);
  ensureList(AUDIT_LIST_NAME, AUDIT_LIST_COLUMNS);
  // the training side (decisions 70, 73): corrections the pane writes, models `npm run train -- --base-url` publishes
  ensureList(CORRECTIONS_LIST_NAME, CORRECTION_COLUMNS);
  ensureList(MODELS_LIST_NAME, MODEL_COLUMNS);
  if (ensureList(TEMPLATE_LIST_NAME, TEMPLATE_COLUMNS)) {
    emulator.seed(TEMPLATE_LIST_NAME, DEFAULT_TEMPLATES.length, (i) => templateToFields(DEFAULT_TEMPLATES[i]!));
  }
  if (options.dataFile) {
    const file = options.dataFile;
    let timer: ReturnType<typeof setTimeout> | undefined;
    emulator.onChange(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(`${file}.tmp`, JSON.stringify(emulator.snapshot()));
        renameSync(`${file}.tmp`, file);
      }, 200);
    });
  }
  const startedAt = Date.now();
  let origin = "http://127.0.0.1";
  let listening = 0;
  const server: Server = createServer((req, res) => {
    if (!sameOrigin(req.headers, listening)) {
      res.writeHead(403, { "content-type": "text/plain; charset=utf-8" }).end("This local server answers only its own pages.");
      return;
    }
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname.startsWith("/graph/v1.0/")) {
      void emulate(emulator, req, res, url, origin);
      return;
    }
    // SharePoint's own REST API for one site: <origin>/sharepoint/sites/<site>/_api/...
    const sp = /^\/sharepoint\/sites\/[^/]+\/_api\/(.*)$/.exec(url.pathname);
    if (sp) {
      void readBody(req).then(
        (body) => {
          const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]));
          const answer = emulator.handleRest({ method: req.method ?? "GET", url: `/${sp[1]}${url.search}`, headers, body });
          res.writeHead(answer.status, { ...answer.headers, "cache-control": "no-store" });
          res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
        },
        () => res.writeHead(400).end(),
      );
      return;
    }
    if (url.pathname === "/emulator/faults" && req.method === "POST") {
      void readBody(req).then(
        (b) => {
          emulator.setFaults((b ?? {}) as Partial<Faults>);
          res.writeHead(204).end();
        },
        () => res.writeHead(400).end(),
      );
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (!built) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`no harness build in ${siteRoot}: run "npm start" (it builds first)`);
      return;
    }
    if (url.pathname === "/" || url.pathname === "/harness") {
      res.writeHead(302, { location: `/harness/${url.search}` }).end();
      return;
    }
    if (url.pathname === "/harness/clock.json") {
      // when this server started: the samples' received times count back from it, so a reload
      // shows the same emails with the same clocks (a restart starts them afresh)
      res.writeHead(200, { "content-type": TYPES[".json"]!, "cache-control": "no-store" }).end(JSON.stringify({ startedAt, now: Date.now() }));
      return;
    }
    if (url.pathname === "/office-js/osf-opt-out.js") {
      // office.js blanks a framed page outside Office unless this is set; the stand-in frames the pane
      res.writeHead(200, { "content-type": TYPES[".js"]!, "cache-control": "no-store" }).end("window.OsfOptOut = true;\n");
      return;
    }
    let file: string | null;
    if (url.pathname.startsWith("/office-js/")) file = safeJoin(officeRoot, url.pathname.slice("/office-js/".length));
    else file = safeJoin(siteRoot, url.pathname.endsWith("/") ? `${url.pathname}index.html` : url.pathname);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    const tryListen = (port: number, attemptsLeft: number) => {
      server.once("error", (err: NodeJS.ErrnoException) => {
        if (err.code === "EADDRINUSE" && attemptsLeft > 0) tryListen(port + 1, attemptsLeft - 1);
        else reject(err);
      });
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        const actual = typeof address === "object" && address ? address.port : port;
        listening = actual;
        origin = `http://localhost:${actual}`;
        resolvePromise({
          url: `http://localhost:${actual}/`,
          port: actual,
          emulator,
          close: () => new Promise((r) => server.close(() => r())),
        });
      });
    };
    tryListen(options.port ?? 3000, options.port === 0 ? 0 : 20);
  });
}
