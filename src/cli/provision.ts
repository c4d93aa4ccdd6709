/**
 * `npm run provision -- --site <site-id or host,site-guid,web-guid>`: creates or upgrades the
 * "Member Inquiries" list in the customer's tenant. The token comes from GRAPH_TOKEN (an admin's
 * delegated token with Sites.Manage.All, or Sites.Selected with a manage grant on the one site);
 * --base-url points at another Graph endpoint (the local emulator: http://localhost:3000/graph/).
 * Safe to run again: a second run changes nothing.
 */
import { Client } from "@microsoft/microsoft-graph-client";
import { parseArgs } from "node:util";
import { provisionList, provisionTemplates } from "../adapters/sharepoint/provision";

const { values } = parseArgs({ options: { site: { type: "string" }, "base-url": { type: "string" }, list: { type: "string" } } });
const site = values.site;
const baseUrl = values["base-url"] ?? "https://graph.microsoft.com/";
const token = process.env["GRAPH_TOKEN"] ?? (baseUrl.startsWith("http://localhost") ? "local" : undefined);
if (!site || !token) {
  process.stderr.write(
    "usage: GRAPH_TOKEN=<token> npm run provision -- --site <site> [--base-url https://graph.microsoft.com/] [--list \"Member Inquiries\"]\n" +
      "  GRAPH_TOKEN: a delegated token with Sites.Manage.All (or Sites.Selected with a manage grant on the site)\n",
  );
  process.exit(2);
}
const host = new URL(baseUrl).hostname;
const client = Client.initWithMiddleware({ baseUrl, defaultVersion: "v1.0", customHosts: new Set([host]), authProvider: { getAccessToken: async () => token } });
try {
  const r = await provisionList(client, site, values.list);
  const t = await provisionTemplates(client, site);
  const changes = [...r.changes, ...t.changes];
  process.stdout.write(changes.length ? `${changes.join("\n")}\n` : "The lists are up to date: nothing to change.\n");
  process.stdout.write("Views and formatting are set in SharePoint itself: see docs/sharepoint-manual-steps.md\n");
} catch (e) {
  const status = (e as { statusCode?: number }).statusCode;
  process.stderr.write(
    status === 401 || status === 403
      ? `Graph refused the request (${status}): the token needs Sites.Manage.All, or Sites.Selected with a manage grant on this site.\n`
      : `Provisioning failed: ${(e as Error).message ?? String(e)}\n`,
  );
  process.exit(1);
}
