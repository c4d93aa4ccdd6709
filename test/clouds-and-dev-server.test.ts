/**
 * A build for each Microsoft 365 cloud points office.js, Graph, sign-in and the CSP at that cloud's
 * documented hosts (decision 44), and `npm run dev-server` answers over HTTPS on localhost with an
 * office-addin-dev-certs certificate (decision 42).
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { get } from "node:https";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generateCertificates } from "office-addin-dev-certs";
import { afterEach, describe, expect, it } from "vitest";
import { buildProduction } from "../scripts/build";
import { startDevServer } from "../scripts/dev-server";
import { CLOUDS, type Cloud } from "../src/domain/clouds";

const ROOT = resolve(import.meta.dirname, "..");
const settingsBefore = process.env["TRIAGE_SETTINGS"];
afterEach(() => {
  if (settingsBefore === undefined) delete process.env["TRIAGE_SETTINGS"];
  else process.env["TRIAGE_SETTINGS"] = settingsBefore;
});

const cspOf = (html: string) => /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
const directive = (csp: string, name: string) => csp.split(";").map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? "";

describe("a build for each cloud", () => {
  const expected: Record<Cloud, { officeJs: string; graph: string; login: string }> = {
    commercial: { officeJs: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js", graph: "https://graph.microsoft.com", login: "https://login.microsoftonline.com" },
    gcc: { officeJs: "https://appsforoffice.gcc.cdn.office.net/appsforoffice/lib/1/hosted/office.js", graph: "https://graph.microsoft.com", login: "https://login.microsoftonline.com" },
    gccHigh: { officeJs: "https://appsforoffice.gcch.cdn.office.net/appsforoffice/lib/1/hosted/office.js", graph: "https://graph.microsoft.us", login: "https://login.microsoftonline.us" },
    dod: { officeJs: "https://appsforoffice.dod.cdn.office.net/appsforoffice/lib/1/hosted/office.js", graph: "https://dod-graph.microsoft.us", login: "https://login.microsoftonline.us" },
  };

  it("uses Microsoft's documented hosts for each cloud", () => {
    expect(CLOUDS).toEqual(expected);
  });

  for (const cloud of Object.keys(expected) as Cloud[]) {
    it(`${cloud}: office.js, the CSP, the manifest's sign-in domain and the pane's Graph and sign-in hosts`, async () => {
      const dir = mkdtempSync(join(tmpdir(), `triage-${cloud}-`));
      const settings = join(dir, "settings.json");
      writeFileSync(settings, JSON.stringify({ cloud, sharePoint: { site: "contoso.sharepoint.us,1,2", clientId: "11111111-2222-3333-4444-555555555555", tenantId: "66666666-7777-8888-9999-000000000000" } }));
      process.env["TRIAGE_SETTINGS"] = settings;
      const out = join(dir, "dist");
      await buildProduction("https://addin.example.org", out);
      const hosts = expected[cloud];
      const others = Object.values(expected).flatMap((h) => [h.graph, h.login, new URL(h.officeJs).origin]).filter((h) => h !== hosts.graph && h !== hosts.login && h !== new URL(hosts.officeJs).origin);
      for (const page of ["taskpane.html", "commands.html"]) {
        const html = readFileSync(join(out, page), "utf8");
        expect(html).toContain(`src="${hosts.officeJs}"`);
        const csp = cspOf(html);
        expect(directive(csp, "script-src")).toBe(`script-src 'self' ${new URL(hosts.officeJs).origin}`);
        expect(directive(csp, "connect-src")).toBe(`connect-src 'self' ${hosts.graph} ${hosts.login}`);
        expect(directive(csp, "frame-src")).toBe(`frame-src 'self' ${hosts.login}`);
      }
      const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
      expect(manifest).toContain(`<AppDomain>${hosts.login}</AppDomain>`);
      // the pane's scripts carry this cloud's Graph and sign-in hosts, and no other cloud's
      const js = readdirSync(join(out, "assets")).filter((f) => f.endsWith(".js")).map((f) => readFileSync(join(out, "assets", f), "utf8")).join("\n");
      expect(js).toContain(hosts.graph);
      expect(js).toContain(hosts.login);
      for (const other of others) expect(js).not.toContain(`"${other}`);
    }, 120_000);
  }
});

describe("npm run dev-server", () => {
  const fetchTls = (port: number, path: string, ca: Buffer) =>
    new Promise<{ status: number; body: string; type: string }>((resolve, reject) => {
      get({ host: "localhost", port, path, ca, servername: "localhost" }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString("utf8")));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, type: String(res.headers["content-type"]) }));
      }).on("error", reject);
    });

  it("answers over HTTPS on localhost with the office-addin-dev-certs certificate: the built pane and the dev manifest", async () => {
    const dir = mkdtempSync(join(tmpdir(), "triage-dev-"));
    const port = await new Promise<number>((resolve) => {
      const probe = createNetServer().listen(0, "127.0.0.1", () => {
        const a = probe.address();
        probe.close(() => resolve(typeof a === "object" && a ? a.port : 0));
      });
    });
    // the command itself, with its certificate in a folder of its own (not added to the system's trust store)
    const child = spawn(process.execPath, [join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/dev-server.ts", "--port", String(port), "--cert-dir", dir], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, TRIAGE_SETTINGS: "" },
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (output += c.toString("utf8")));
    try {
      await expect.poll(() => output, { timeout: 90_000, interval: 250 }).toContain("development server over HTTPS");
      const ca = readFileSync(join(dir, "ca.crt"));
      const pane = await fetchTls(port, "/taskpane.html", ca);
      expect(pane).toMatchObject({ status: 200, type: "text/html; charset=utf-8" });
      expect(pane.body).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
      const manifest = await fetchTls(port, "/manifest.xml", ca);
      expect(manifest.status).toBe(200);
      expect(manifest.body).toContain(`https://localhost:${port}/taskpane.html`);
      expect((await fetchTls(port, "/../package.json", ca)).status).toBe(404);
    } finally {
      child.kill("SIGTERM");
    }
  }, 120_000);

  it("serves only its own folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "triage-dev-"));
    const [ca, cert, key] = ["ca.crt", "localhost.crt", "localhost.key"].map((f) => join(dir, f)) as [string, string, string];
    await generateCertificates(ca, cert, key, 2);
    const root = join(dir, "site");
    mkdirSync(root);
    writeFileSync(join(root, "taskpane.html"), "<!doctype html><title>Member inbox triage</title>");
    const server = await startDevServer({ root, port: 0, certificates: { key: readFileSync(key), cert: readFileSync(cert) } });
    try {
      expect(server.url).toMatch(/^https:\/\/localhost:\d+\/$/);
      expect((await fetchTls(server.port, "/", readFileSync(ca))).body).toContain("Member inbox triage");
      expect((await fetchTls(server.port, "/%2e%2e/%2e%2e/etc/passwd", readFileSync(ca))).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
