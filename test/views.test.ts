/**
 * The managers' views in SharePoint, end to end against the local emulator: `provision` creates them
 * through SharePoint's REST API (and changes nothing on a second run); at 10:00 each view, read as
 * SharePoint would run its stored query, lists exactly the items of its section of
 * `report -- daily`, which reads the same list through Graph; and `--send` mails the report through
 * Graph to the distribution list.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarnessServer, type HarnessServer } from "../scripts/server";
import { LIST_NAME } from "../src/adapters/sharepoint/schema";
import { BusinessCalendar } from "../src/domain/calendar/calendar";
import { logFields } from "../src/adapters/sharepoint/row";
import { REPORT_VIEWS } from "../src/adapters/sharepoint/list-views";
import { DEFAULT_POLICIES } from "../src/domain/sla/policies";
import { SharePointEmulator } from "../src/harness/emulator/store";
import { asOf, generateInquiries } from "./fixtures/inquiries";
import { runScript } from "./fixtures/run";

const calendar = new BusinessCalendar();
const AT = Date.parse("2026-11-30T10:00:00-06:00"); // the Monday after Thanksgiving: the report covers Wednesday 10:00 on
let server: HarnessServer;
let emulator: SharePointEmulator;

const run = runScript;

beforeAll(async () => {
  emulator = new SharePointEmulator();
  server = await startHarnessServer({ port: 0, emulator });
  const records = generateInquiries(1500, 11, Date.parse("2026-11-09T00:00:00-06:00"), 25).filter((r) => r.receivedAt < AT);
  emulator.seed(LIST_NAME, records.length, (i) => ({ ...logFields(asOf(records[i]!, AT), calendar, DEFAULT_POLICIES, AT), AppliedOps: "" }));
  emulator.setClock(() => AT, "America/Chicago");
});
afterAll(async () => {
  await server?.close();
});

const sp = () => `${server.url}sharepoint/sites/harness/_api/web/lists/GetByTitle('${encodeURIComponent(LIST_NAME)}')`;
async function rest(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${sp()}${path}`, { method, headers: { authorization: "Bearer local", accept: "application/json;odata=nometadata", "content-type": "application/json" }, ...(body ? { body: JSON.stringify(body) } : {}) });
  expect(res.status).toBeLessThan(300);
  return res.json();
}

describe("the managers' SharePoint views", () => {
  it("are created by provision through SharePoint's REST API, formatted, and left alone on a second run", async () => {
    const args = ["src/cli/provision.ts", "--site", "harness", "--base-url", `${server.url}graph/`, "--sharepoint-url", `${server.url}sharepoint/sites/harness`];
    const first = await run(...(args as [string, ...string[]]));
    expect(first.err).not.toMatch(/failed|refused|usage/);
    expect(first.status).toBe(0);
    for (const v of REPORT_VIEWS) expect(first.out).toContain(`created view "${v.title}"`);
    const second = await run(...(args as [string, ...string[]]));
    expect(second.out).toBe("The lists and views are up to date: nothing to change.\n");
  });

  it("show at 10:00 exactly the items of the daily report's sections, read from the same list", async () => {
    const report = await run("src/cli/report.ts", "daily", "--date", "2026-11-30", "--site", "harness", "--base-url", `${server.url}graph/`);
    expect(report.err).toContain("daily report 2026-11-30:");
    expect(report.status).toBe(0);
    const rows = report.out.split("\r\n").filter(Boolean).slice(1).map((l) => l.split(","));
    const views = ((await rest("GET", "/views")) as { value: { Title: string; ViewQuery: string; CustomFormatter: string }[] }).value;
    for (const view of REPORT_VIEWS) {
      const stored = views.find((v) => v.Title === view.title)!;
      expect(JSON.parse(stored.CustomFormatter).additionalRowClass).toContain("ms-bgColor-themeLighter");
      const items = ((await rest("POST", "/GetItems", { query: { ViewXml: `<View><Query>${stored.ViewQuery}</Query></View>` } })) as { value: { ConfirmationNumber: string }[] }).value;
      const inView = items.map((i) => i.ConfirmationNumber).sort();
      const inReport = rows.filter((r) => r[0] === view.section).map((r) => r[1]!).sort();
      expect({ view: view.title, items: inView }).toEqual({ view: view.title, items: inReport });
      expect(inView.length).toBeGreaterThan(0);
    }
  });

  it("mails the daily report through Graph to the distribution list, the CSV attached", async () => {
    const before = emulator.sentMail.length;
    const r = await run("src/cli/report.ts", "daily", "--date", "2026-11-30", "--site", "harness", "--base-url", `${server.url}graph/`, "--send", "--send-to", "member-services-leads@plan.example");
    expect(r.status).toBe(0);
    expect(r.err).toContain("sent to member-services-leads@plan.example");
    const sent = emulator.sentMail.slice(before) as { message: { subject: string; toRecipients: { emailAddress: { address: string } }[]; body: { content: string }; attachments: { name: string; contentBytes: string }[] } }[];
    expect(sent).toHaveLength(1);
    expect(sent[0]!.message.toRecipients[0]!.emailAddress.address).toBe("member-services-leads@plan.example");
    expect(sent[0]!.message.subject).toBe("Daily e-mail report, 2026-11-30");
    expect(sent[0]!.message.body.content).toContain("Completed since the last report");
    expect(Buffer.from(sent[0]!.message.attachments[0]!.contentBytes, "base64").toString("utf8")).toBe(r.out);
    expect(await run("src/cli/report.ts", "daily", "--date", "2026-11-30", "--site", "harness", "--base-url", `${server.url}graph/`, "--send")).toMatchObject({ status: 2, err: expect.stringContaining("--send needs a distribution list") });
  });
});
