import { describe, expect, it } from "vitest";
import { REPORT_VIEWS } from "./list-views";
import { SharePointEmulator } from "../../harness/emulator/store";
import { INQUIRY_COLUMNS, LIST_NAME, columnDefinition } from "./schema";
import { SharePointRest, SharePointRestError, provisionViews, type FetchLike } from "./views";

/** SharePoint's REST API answered by the emulator in-process. */
function restOn(emulator: SharePointEmulator, token = "t"): SharePointRest {
  const fetchLike: FetchLike = async (url, init) => {
    const path = url.slice(url.indexOf("/_api/") + "/_api".length);
    const r = emulator.handleRest({ method: init.method, url: path, headers: init.headers, body: init.body ? JSON.parse(init.body) : undefined });
    return { status: r.status, ok: r.status < 300, text: async () => (r.body === undefined ? "" : JSON.stringify(r.body)) };
  };
  return new SharePointRest("https://contoso.example/sites/ms", async () => token, fetchLike);
}

function emulatorWithList(): SharePointEmulator {
  const e = new SharePointEmulator();
  e.handle({ method: "POST", url: "/sites/s/lists", headers: {}, body: { displayName: LIST_NAME, columns: INQUIRY_COLUMNS.map(columnDefinition) } });
  return e;
}

describe("provisioning the views through SharePoint REST", () => {
  it("brings a view someone edited back to its query and fields, and leaves the rest alone", async () => {
    const e = emulatorWithList();
    const rest = restOn(e);
    expect(await provisionViews(rest, LIST_NAME, REPORT_VIEWS)).toHaveLength(REPORT_VIEWS.length);
    await rest.call("POST", `web/lists/GetByTitle('${LIST_NAME}')/views/GetByTitle('Breached')`, { ViewQuery: "<Where><Eq><FieldRef Name=\"Status\" /><Value Type=\"Text\">new</Value></Eq></Where>" }, { "x-http-method": "MERGE" });
    await rest.call("POST", `web/lists/GetByTitle('${LIST_NAME}')/views/GetByTitle('Completed')/ViewFields/RemoveAllViewFields`);
    expect(await provisionViews(rest, LIST_NAME, REPORT_VIEWS)).toEqual(['updated view "Breached" (ViewQuery)', 'updated view "Completed" (fields)']);
    expect(await provisionViews(rest, LIST_NAME, REPORT_VIEWS)).toEqual([]);
  });

  it("stops with SharePoint's refusal when a view names a column the list lacks, or the token is missing", async () => {
    const e = emulatorWithList();
    const bad = [{ ...REPORT_VIEWS[0]!, title: "Typo", fields: ["ReceivedAtt"] }];
    await expect(provisionViews(restOn(e), LIST_NAME, bad)).rejects.toMatchObject({ status: 400, message: expect.stringContaining("ReceivedAtt") });
    const wrongWhere = [{ ...REPORT_VIEWS[0]!, title: "Typo 2", where: { field: "Nope", op: "isNull" as const } }];
    await expect(provisionViews(restOn(e), LIST_NAME, wrongWhere)).rejects.toBeInstanceOf(SharePointRestError);
    await expect(provisionViews(restOn(e), "No Such List", REPORT_VIEWS)).rejects.toMatchObject({ status: 404 });
    await expect(provisionViews(restOn(e, ""), LIST_NAME, REPORT_VIEWS)).rejects.toMatchObject({ status: 401 });
  });
});
