/**
 * Reads the "Response Templates" list through Graph (every page), keeps the last good copy in
 * browser storage, and falls back to it — then to the product's defaults — when the list cannot be
 * read, so advocates always have the approved wording.
 */
import { pathSegment } from "./odata";
import type { AuthenticationProvider } from "@microsoft/microsoft-graph-client";
import type { Template } from "../../domain/templates/templates";
import { TEMPLATE_LIST_NAME } from "../sharepoint/schema";
import { templateFromFields } from "../sharepoint/templates-list";
import type { KeyValueStore } from "../storage/types";
import { makeGraphClient } from "./list-client";

const CACHE_KEY = "templates";

export async function loadTemplates(
  options: { readonly baseUrl: string; readonly site: string; readonly authProvider: AuthenticationProvider },
  cache: KeyValueStore,
  defaults: readonly Template[],
): Promise<{ readonly templates: readonly Template[]; readonly source: "list" | "cache" | "defaults" }> {
  const client = makeGraphClient(options.baseUrl, options.authProvider);
  try {
    const templates: Template[] = [];
    let page = (await client
      .api(`/sites/${pathSegment(options.site)}/lists/${pathSegment(TEMPLATE_LIST_NAME)}/items`)
      .expand("fields")
      .top(500)
      .get()) as { value?: { fields?: Record<string, unknown> }[]; "@odata.nextLink"?: string };
    for (let guard = 0; guard < 50; guard++) {
      for (const item of page.value ?? []) {
        const t = templateFromFields(item.fields ?? {});
        if (t) templates.push(t);
      }
      const next = page["@odata.nextLink"];
      if (!next) break;
      page = (await client.api(next).get()) as typeof page;
    }
    if (templates.length === 0) return { templates: defaults, source: "defaults" };
    await cache.set(CACHE_KEY, { at: Date.now(), templates });
    return { templates, source: "list" };
  } catch {
    const cached = await cache.get<{ at: number; templates: Template[] }>(CACHE_KEY);
    if (cached && Array.isArray(cached.templates) && cached.templates.length) return { templates: cached.templates, source: "cache" };
    return { templates: defaults, source: "defaults" };
  }
}
