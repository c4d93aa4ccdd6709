import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../domain/calendar/calendar";
import { logFields } from "../adapters/sharepoint/row";
import { DEFAULT_POLICIES } from "../domain/sla/policies";
import { inquiry } from "../../test/fixtures/inquiries";
import { MAX_LINE_CHARS, readListExport } from "./list-export";

describe("reading a list export", () => {
  it("streams it line by line: every item read, a damaged or oversized line reported by number only", async () => {
    const dir = mkdtempSync(join(tmpdir(), "export-"));
    const file = join(dir, "items.jsonl");
    const calendar = new BusinessCalendar();
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) lines.push(JSON.stringify({ id: String(i), fields: logFields(inquiry({ internetMessageId: `<CAJ+${i}=@mail.gmail.com>` }), calendar, DEFAULT_POLICIES, 0) }));
    lines.splice(5, 0, "{not json, Jane Secretname");
    lines.splice(7, 0, `"${"x".repeat(MAX_LINE_CHARS + 1)}"`);
    writeFileSync(file, lines.join("\r\n") + "\n");
    const r = await readListExport(file);
    expect(r.records.length).toBe(20_000);
    expect(r.records[19_999]!.internetMessageId).toBe("<CAJ+19999=@mail.gmail.com>");
    expect(r.problems).toEqual(["line 6: not valid JSON", `line 8: longer than ${MAX_LINE_CHARS} characters`]);
  });
});
