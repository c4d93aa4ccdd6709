/**
 * The local harness server: the built pane and the Outlook stand-in page, plus office.js from the
 * npm copy. It listens on 127.0.0.1 only and serves files from two folders, nothing else.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";

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
  close(): Promise<void>;
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

export function startHarnessServer(options: { port?: number; root?: string } = {}): Promise<HarnessServer> {
  const project = resolve(import.meta.dirname, "..");
  const siteRoot = resolve(options.root ?? join(project, "dist-harness"));
  const officeRoot = resolve(project, "node_modules", "@microsoft", "office-js", "dist");
  if (!existsSync(join(siteRoot, "taskpane.html"))) {
    throw new Error(`no harness build in ${siteRoot}: run "npm start" (it builds first)`);
  }
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (url.pathname === "/" || url.pathname === "/harness") {
      res.writeHead(302, { location: `/harness/${url.search}` }).end();
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
        resolvePromise({
          url: `http://localhost:${actual}/`,
          port: actual,
          close: () => new Promise((r) => server.close(() => r())),
        });
      });
    };
    tryListen(options.port ?? 3000, options.port === 0 ? 0 : 20);
  });
}
