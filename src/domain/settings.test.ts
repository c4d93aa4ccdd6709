import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, SettingsError, hoursIn, parseSettings } from "./settings";

describe("deployment settings", () => {
  it("uses the fictional defaults when there is no file", () => {
    expect(parseSettings(null)).toBe(DEFAULT_SETTINGS);
  });

  it("reads the log's site and sign-in, with least-privilege scopes by default", () => {
    const s = parseSettings({ sharePoint: { site: "contoso.sharepoint.com,1,2", clientId: "11111111-2222-3333-4444-555555555555" } });
    expect(s.sharePoint).toEqual({ site: "contoso.sharepoint.com,1,2", clientId: "11111111-2222-3333-4444-555555555555", tenantId: "organizations", scopes: ["Sites.Selected"] });
  });

  it("reads the tenant's cloud, commercial by default, and names the choices when it is wrong", () => {
    expect(parseSettings({}).cloud).toBe("commercial");
    expect(parseSettings({ cloud: "gccHigh" }).cloud).toBe("gccHigh");
    expect(() => parseSettings({ cloud: "GCC-High" })).toThrow(new SettingsError('cloud: "GCC-High" is not one of commercial, gcc, gccHigh, dod'));
  });

  it("reads the documented example", () => {
    const s = parseSettings(JSON.parse(readFileSync(resolve(import.meta.dirname, "../../docs/settings.example.json"), "utf8")));
    expect(s.mailboxAddresses["agentsupport@example-plan.org"]).toBe("agent-support");
    expect(s.calendar.extraHolidays).toHaveLength(1);
    expect(s.organisation.name).toBe("Example Health Plan");
  });

  it("reads who leads and manages and which advocates a lead assigns to, and never keeps the fictional team", () => {
    const s = parseSettings({
      team: {
        lead: { groups: ["aaaaaaaa-0000-0000-0000-000000000001"] },
        manager: { addresses: ["Boss@Example-Plan.org"] },
        advocates: [{ address: "Ana@example-plan.org", name: "Ana" }, { address: "ben@example-plan.org" }],
      },
    });
    expect(s.team.lead).toEqual({ groups: ["aaaaaaaa-0000-0000-0000-000000000001"], addresses: [] });
    expect(s.team.manager.addresses).toEqual(["boss@example-plan.org"]);
    expect(s.team.advocates).toEqual([{ address: "ana@example-plan.org", name: "Ana" }, { address: "ben@example-plan.org", name: "ben@example-plan.org" }]);
    expect(parseSettings({ organisation: { name: "X" } }).team.advocates).toEqual([]);
    expect(() => parseSettings({ team: { lead: { groups: ["leads"] } } })).toThrow(/team.lead.groups/);
    expect(() => parseSettings({ team: { advocates: [{ name: "no address" }] } })).toThrow(/team.advocates\[0\]/);
    expect(() => parseSettings({ dailyReportTo: "leads" })).toThrow(/dailyReportTo/);
  });

  it("refuses wrong settings with a message that names the field", () => {
    expect(() => parseSettings("nope")).toThrow(SettingsError);
    expect(() => parseSettings({ calendar: { timeZone: "Nowhere/Else" } })).toThrow(/calendar: Unknown time zone/);
    expect(() => parseSettings({ calendar: { hours: { mon: [{ open: "17:00", close: "08:00" }] } } })).toThrow(/calendar: .*not after it opens/);
    expect(() => parseSettings({ mailboxAddresses: { "a@b.org": "inbox" } })).toThrow(/"a@b.org" maps to "inbox"/);
    expect(() => parseSettings({ policies: [{ id: "x", clocks: [{ name: "firstResponse", duration: { unit: "weeks", amount: 1 } }] }] })).toThrow(/policies: x/);
    expect(() => parseSettings({ organisation: { name: 42 } })).toThrow(/organisation.name must be text/);
    expect(() => parseSettings({ sharePoint: { site: "x", clientId: "not-a-guid" } })).toThrow(/sharePoint.clientId/);
    expect(() => parseSettings({ sharePoint: { clientId: "00000000-0000-0000-0000-000000000000" } })).toThrow(/sharePoint.site/);
  });

  it("gives the hours in a reply's language, and never carries the fictional hand-off addresses or translations into a deployment", () => {
    expect(hoursIn(DEFAULT_SETTINGS.organisation, "es")).toMatch(/^de lunes a viernes/);
    expect(hoursIn(DEFAULT_SETTINGS.organisation, "en")).toBe(DEFAULT_SETTINGS.organisation.hours);
    const own = parseSettings({ organisation: { name: "Example Health Plan", hours: "Monday to Friday, 9 to 5" } });
    expect(hoursIn(own.organisation, "es")).toBeUndefined(); // the advocate is asked instead of an English tail
    expect([own.organisation.appealsCoordinatorAddress, own.organisation.clinicalAddress]).toEqual(["", ""]);
    expect(() => parseSettings({ organisation: { appealsCoordinatorAddress: "the coordinator" } })).toThrow(/appealsCoordinatorAddress: an e-mail address/);
    expect(() => parseSettings({ organisation: { hoursByLanguage: { es: 9 } } })).toThrow(/hoursByLanguage/);
    const es = parseSettings({ organisation: { hoursByLanguage: { es: "de lunes a viernes" } } });
    expect(hoursIn(es.organisation, "es")).toBe("de lunes a viernes");
  });
});
