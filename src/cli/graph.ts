/**
 * The commands' connection to a tenant: a Graph client for --base-url (Microsoft Graph unless it
 * points at the local harness) with the token from GRAPH_TOKEN, and the SharePoint REST client for
 * --sharepoint-url with SHAREPOINT_TOKEN. The local harness needs no token.
 */
import { Client } from "@microsoft/microsoft-graph-client";
import { readFileSync } from "node:fs";
import { CLOUDS, type Cloud } from "../domain/clouds";
import { parseSettings } from "../domain/settings";
import { InquiryListClient } from "../adapters/graph/list-client";
import { SharePointRest } from "../adapters/sharepoint/views";

/** Graph's service root for the settings' cloud (TRIAGE_SETTINGS), the worldwide one without settings. */
export function defaultGraphUrl(): string {
  const path = process.env["TRIAGE_SETTINGS"];
  let cloud: Cloud = "commercial";
  if (path) {
    try {
      cloud = parseSettings(JSON.parse(readFileSync(path, "utf8"))).cloud;
    } catch {
      // the command's own settings check reports a bad file
    }
  }
  return `${CLOUDS[cloud].graph}/`;
}

const isLocal = (url: string) => /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(url);

/** Graph's address with a trailing slash and the token for it, or why there is none. */
export function graphAccess(baseUrl = defaultGraphUrl()): { url: string; token: string } | string {
  if (!/^https?:\/\//.test(baseUrl)) return `--base-url must be an http(s) address, not ${JSON.stringify(baseUrl.slice(0, 40))}`;
  const url = baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
  const token = process.env["GRAPH_TOKEN"] || (isLocal(url) ? "local" : undefined);
  return token ? { url, token } : "set GRAPH_TOKEN to a delegated Microsoft Graph token (Sites.ReadWrite.All or Sites.Selected on the site; Mail.Send to send a report, Mail.Send.Shared with --from-mailbox)";
}

export function graphClient(baseUrl?: string): Client | string {
  const access = graphAccess(baseUrl);
  if (typeof access === "string") return access;
  const { url, token } = access;
  return Client.initWithMiddleware({ baseUrl: url, defaultVersion: "v1.0", customHosts: new Set([new URL(url).hostname]), authProvider: { getAccessToken: async () => token } });
}

/** A client for one list of the site (the inquiries unless `list` names another), or why there is none. */
export function listClient(site: string, baseUrl?: string, list?: string): InquiryListClient | string {
  const access = graphAccess(baseUrl);
  if (typeof access === "string") return access;
  const { url, token } = access;
  return new InquiryListClient({ baseUrl: url, site, ...(list ? { list } : {}), authProvider: { getAccessToken: async () => token } });
}

export function sharePointRest(siteUrl: string): SharePointRest | string {
  if (!/^https?:\/\/[^/]+\/.+/.test(siteUrl)) return `--sharepoint-url must be the site's address, e.g. https://contoso.sharepoint.com/sites/member-services`;
  const token = process.env["SHAREPOINT_TOKEN"] || (isLocal(siteUrl) ? "local" : undefined);
  if (!token) return "set SHAREPOINT_TOKEN to a token for the SharePoint resource (https://<tenant>.sharepoint.com, AllSites.Manage or Sites.FullControl.All)";
  return new SharePointRest(siteUrl, async () => token);
}
