/**
 * The emulator refuses what Graph refuses, where the product relies on it (docs/emulator-fidelity.md
 * names the Microsoft page behind each rule): columns by id, the 255-character text limit, UTC `Z`
 * dates, case rules, unknown fields.
 */
import { describe, expect, it } from "vitest";
import { SharePointEmulator } from "./store";

function withList() {
  const e = new SharePointEmulator(5000);
  e.handle({
    method: "POST",
    url: "/sites/s/lists",
    headers: {},
    body: {
      displayName: "L",
      columns: [
        { name: "Key", indexed: true, enforceUniqueValues: true, text: { maxLength: 255 } },
        { name: "Status", indexed: false, text: { maxLength: 255 } },
        { name: "Notes", text: { allowMultipleLines: true, maxLength: 63999 } },
        { name: "ReceivedAt", indexed: true, dateTime: { format: "dateTime" } },
      ],
    },
  });
  return e;
}
const items = (path = "") => `/sites/s/lists/L/items${path}`;
type Column = { id: string; name: string; indexed: boolean };
const columnsOf = (e: SharePointEmulator) => (e.handle({ method: "GET", url: "/sites/s/lists/L/columns", headers: {} }).body as { value: Column[] }).value;

describe("the emulator, as strict as Graph", () => {
  it("returns each column with an id, addresses a column by that id, and refuses its name in the path", () => {
    const e = withList();
    const cols = columnsOf(e);
    expect(cols.map((c) => c.name)).toEqual(["Title", "Key", "Status", "Notes", "ReceivedAt"]);
    for (const c of cols) expect(c.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(cols.map((c) => c.id)).size).toBe(cols.length);
    const status = cols.find((c) => c.name === "Status")!;
    expect(e.handle({ method: "PATCH", url: "/sites/s/lists/L/columns/Status", headers: {}, body: { indexed: true } }).status).toBe(404);
    const ok = e.handle({ method: "PATCH", url: `/sites/s/lists/L/columns/${status.id}`, headers: {}, body: { indexed: true } });
    expect(ok.status).toBe(200);
    expect(columnsOf(e).find((c) => c.name === "Status")?.indexed).toBe(true);
    const added = e.handle({ method: "POST", url: "/sites/s/lists/L/columns", headers: {}, body: { name: "Extra", id: "mine", text: {} } }).body as Column;
    expect(added.id).not.toBe("mine");
  });

  it("refuses single-line text past 255 characters and keeps multi-line text longer", () => {
    const e = withList();
    expect(e.handle({ method: "POST", url: items(), headers: {}, body: { fields: { Key: "k", Status: "x".repeat(256) } } })).toMatchObject({ status: 400 });
    expect(e.handle({ method: "POST", url: items(), headers: {}, body: { fields: { Key: "k", Status: "x".repeat(255), Notes: "n".repeat(5000) } } }).status).toBe(201);
    const created = e.handle({ method: "GET", url: items("?$filter=fields/Key eq 'k'"), headers: {} }).body as { value: { id: string }[] };
    expect(e.handle({ method: "PATCH", url: items(`/${created.value[0]!.id}/fields`), headers: {}, body: { Title: "t".repeat(300) } }).status).toBe(400);
  });

  it("returns dateTime values in UTC with Z, whatever offset they were written with, and refuses a non-date", () => {
    const e = withList();
    const r = e.handle({ method: "POST", url: items(), headers: {}, body: { fields: { Key: "d", ReceivedAt: "2026-03-04T10:00:00-06:00" } } }).body as { fields: Record<string, unknown>; createdDateTime: string };
    expect(r.fields["ReceivedAt"]).toBe("2026-03-04T16:00:00Z");
    expect(r.createdDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(e.handle({ method: "POST", url: items(), headers: {}, body: { fields: { Key: "e", ReceivedAt: "next Tuesday" } } }).status).toBe(400);
    const found = e.handle({ method: "GET", url: items("?$filter=fields/ReceivedAt ge '2026-03-04T15:59:00Z'"), headers: {} }).body as { value: unknown[] };
    expect(found.value).toHaveLength(1);
  });

  it("compares text without regard to case, in filters and unique columns, but matches field names exactly", () => {
    const e = withList();
    e.handle({ method: "POST", url: items(), headers: {}, body: { fields: { Key: "<ABC@Example.com>" } } });
    expect((e.handle({ method: "GET", url: items("?$filter=fields/Key eq '<abc@example.com>'"), headers: {} }).body as { value: unknown[] }).value).toHaveLength(1);
    expect(e.handle({ method: "POST", url: items(), headers: {}, body: { fields: { Key: "<abc@example.com>" } } }).status).toBe(409);
    expect(e.handle({ method: "POST", url: items(), headers: {}, body: { fields: { key: "other" } } }).status).toBe(400);
  });

  it("refuses a field the list has no column for, on create and on update", () => {
    const e = withList();
    const bad = e.handle({ method: "POST", url: items(), headers: {}, body: { fields: { Key: "u", Nonsense: 1 } } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("Field 'Nonsense' is not recognized");
    const ok = e.handle({ method: "POST", url: items(), headers: {}, body: { fields: { Key: "u" } } }).body as { id: string };
    expect(e.handle({ method: "PATCH", url: items(`/${ok.id}/fields`), headers: {}, body: { Nonsense: 1 } }).status).toBe(400);
    expect(e.handle({ method: "PATCH", url: items(`/${ok.id}/fields`), headers: {}, body: { "@odata.etag": "x", Status: "open" } }).status).toBe(200);
  });

  it("gives ids to the columns of a list saved before they had them", () => {
    const e = withList();
    const snap = JSON.parse(JSON.stringify(e.snapshot())) as { lists: { columns: { id?: string }[] }[] };
    for (const c of snap.lists[0]!.columns) delete c.id;
    const copy = new SharePointEmulator(5000, snap as never);
    expect(columnsOf(copy).every((c) => typeof c.id === "string" && c.id.length === 36)).toBe(true);
  });
});
