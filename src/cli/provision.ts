/**
 * `npm run provision -- --site <site-id> [--sharepoint-url https://contoso.sharepoint.com/sites/x]`:
 * creates or upgrades the "Member Inquiries", "Response Templates", "Email Audit", "Triage Corrections" and "Triage Models" lists through Graph (token in
 * GRAPH_TOKEN: Sites.Manage.All, or Sites.Selected with a manage grant on the site), then the
 * managers' views and their row formatting through SharePoint's REST API (token in
 * SHAREPOINT_TOKEN, for the SharePoint resource), which Graph cannot do. --base-url points at another
 * Graph endpoint (the local harness: http://localhost:3000/graph/, whose SharePoint side is
 * http://localhost:3000/sharepoint/sites/harness). Safe to run again: a second run changes nothing.
 */
import { parseArgs } from "node:util";
import { provisionAuditList, provisionList, provisionTemplates } from "../adapters/sharepoint/provision";
import { LIST_NAME } from "../adapters/sharepoint/schema";
import { provisionCorrectionsList } from "../adapters/sharepoint/corrections-list";
import { provisionModelsList } from "../adapters/sharepoint/tenant-models";
import { SharePointRestError, provisionViews } from "../adapters/sharepoint/views";
import { REPORT_VIEWS } from "../adapters/sharepoint/list-views";
import { graphClient, sharePointRest } from "./graph";

const USAGE =
  "usage: GRAPH_TOKEN=<token> [SHAREPOINT_TOKEN=<token>] npm run provision -- --site <site> [--sharepoint-url <site address>] [--base-url https://graph.microsoft.com/] [--list \"Member Inquiries\"]\n" +
  "  GRAPH_TOKEN: a delegated Graph token with Sites.Manage.All (or Sites.Selected with a manage grant on the site)\n" +
  "  SHAREPOINT_TOKEN: a token for https://<tenant>.sharepoint.com, for the views (Graph cannot create them)\n";

let values: { site?: string | undefined; "base-url"?: string | undefined; list?: string | undefined; "sharepoint-url"?: string | undefined };
try {
  values = parseArgs({ options: { site: { type: "string" }, "base-url": { type: "string" }, list: { type: "string" }, "sharepoint-url": { type: "string" } } }).values;
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
const client = graphClient(values["base-url"]);
if (!values.site || typeof client === "string") {
  process.stderr.write(`${typeof client === "string" ? `${client}\n` : ""}${USAGE}`);
  process.exit(2);
}
const rest = values["sharepoint-url"] ? sharePointRest(values["sharepoint-url"]) : null;
if (typeof rest === "string") {
  process.stderr.write(`${rest}\n`);
  process.exit(2);
}
const listName = values.list ?? LIST_NAME;
try {
  const r = await provisionList(client, values.site, listName);
  const t = await provisionTemplates(client, values.site);
  const a = await provisionAuditList(client, values.site);
  const c = await provisionCorrectionsList(client, values.site);
  const m = await provisionModelsList(client, values.site);
  const v = rest ? await provisionViews(rest, listName, REPORT_VIEWS) : [];
  const changes = [...r.changes, ...t.changes, ...a.changes, ...c.changes, ...m.changes, ...v];
  process.stdout.write(changes.length ? `${changes.join("\n")}\n` : "The lists and views are up to date: nothing to change.\n");
  if (!rest) process.stdout.write("Views not checked: add --sharepoint-url <site address> and SHAREPOINT_TOKEN to create the managers' views (see docs/sharepoint-manual-steps.md to make them by hand).\n");
} catch (e) {
  const status = e instanceof SharePointRestError ? e.status : (e as { statusCode?: number }).statusCode;
  const where = e instanceof SharePointRestError ? "SharePoint" : "Graph";
  process.stderr.write(
    status === 401 || status === 403
      ? `${where} refused the request (${status}): ${where === "Graph" ? "the token needs Sites.Manage.All, or Sites.Selected with a manage grant on this site" : "SHAREPOINT_TOKEN must be for the SharePoint resource with rights to manage the list"}.\n`
      : `Provisioning failed (${where}${status ? ` ${status}` : ""}): ${(e as Error).message ?? String(e)}\n`,
  );
  process.exit(1);
}
