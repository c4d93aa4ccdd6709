/**
 * `npm run dev-server`: the Office developer loop as Microsoft's templates give it (decision 42).
 * Builds the production pane for https://localhost:3000 (office.js from Microsoft's CDN, the
 * manifest at dist-dev/manifest.xml) and serves it over HTTPS with the development certificate of
 * office-addin-dev-certs, so the dev manifest can be sideloaded into real Outlook
 * (`npm run sideload`). Certificates: `npm run dev-certs` (office-addin-dev-certs install) makes and trusts them
 * once (it asks for administrator rights to add its CA to the system store).
 */
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:https";
import { extname, join, normalize, resolve, sep } from "node:path";
import { parseArgs } from "node:util";

const ROOT = resolve(import.meta.dirname, "..");

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
};

export interface DevCertificates {
  readonly key: string | Buffer;
  readonly cert: string | Buffer;
  readonly ca?: string | Buffer;
}

export interface DevServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * office-addin-dev-certs' certificates: made (and trusted) by it when missing, as the templates do.
 * With `certDir`, the certificate in that folder (made there by office-addin-dev-certs when
 * missing, and not added to the system's trust store: for CI and machines without admin rights).
 */
export async function officeDevCertificates(certDir?: string): Promise<DevCertificates> {
  const certs = (await import("office-addin-dev-certs")) as typeof import("office-addin-dev-certs");
  if (certDir) {
    const [ca, cert, key] = ["ca.crt", "localhost.crt", "localhost.key"].map((f) => join(certDir, f)) as [string, string, string];
    if (!existsSync(cert) || !existsSync(key)) await certs.generateCertificates(ca, cert, key);
    return { key: readFileSync(key), cert: readFileSync(cert), ca: readFileSync(ca) };
  }
  const options = await certs.getHttpsServerOptions();
  return { key: options.key, cert: options.cert, ...(options.ca ? { ca: options.ca } : {}) };
}

/** Serves `root` over HTTPS on 127.0.0.1 (only). Port 0 picks a free one. */
export function startDevServer(options: { root: string; port: number; certificates: DevCertificates }): Promise<DevServer> {
  const root = resolve(options.root);
  const server: Server = createServer({ key: options.certificates.key, cert: options.certificates.cert }, (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "https://localhost").pathname);
    const file = normalize(join(root, path === "/" ? "taskpane.html" : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolveServer, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : options.port;
      resolveServer({
        url: `https://localhost:${port}/`,
        port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { port: { type: "string" }, settings: { type: "string" }, "cert-dir": { type: "string" } } });
  if (values.settings) process.env["TRIAGE_SETTINGS"] = resolve(values.settings);
  const port = Number(values.port ?? 3000);
  const outDir = join(ROOT, "dist-dev");
  const { buildProduction } = await import("./build");
  const { DEV_HOST } = await import("./manifest");
  const certificates = await officeDevCertificates(values["cert-dir"] ? resolve(values["cert-dir"]) : undefined);
  // the developer loop runs on the fictional example settings unless a deployment's are given
  const settings = process.env["TRIAGE_SETTINGS"] || join(ROOT, "docs", "settings.example.json");
  await buildProduction(port === 3000 ? DEV_HOST : `https://localhost:${port}`, outDir, settings);
  const server = await startDevServer({ root: outDir, port, certificates });
  console.log(
    `\nMember inbox triage — development server over HTTPS\n\n  ${server.url}taskpane.html\n  manifest: ${join(outDir, "manifest.xml")} (${readFileSync(join(outDir, "manifest.xml"), "utf8").match(/<Version>([^<]+)/)?.[1] ?? "?"})\n\n` +
      `Sideload it with npm run sideload (Outlook on Windows or Mac), or in Outlook on the web: Get Add-ins → My add-ins → Add a custom add-in → Add from file.\nPress Ctrl+C to stop.`,
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
