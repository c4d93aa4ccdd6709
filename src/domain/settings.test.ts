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

describe("a deployment's settings file, wrong in each way an administrator could get it wrong", () => {
  const guid = "11111111-2222-3333-4444-555555555555";
  const sp = (over: Record<string, unknown>) => ({ sharePoint: { site: "contoso.sharepoint.com,1,2", clientId: guid, ...over } });
  const policy = (duration: unknown) => ({ policies: [{ id: "p1", clocks: [{ name: "firstResponse", duration }] }] });

  it.each([
    ["an array", [], "settings must be a JSON object"],
    ["a blank site", sp({ site: "   " }), "sharePoint.site: the Graph site id is required"],
    ["a site that is not text", sp({ site: 7 }), "sharePoint.site: the Graph site id is required"],
    ["no client id", sp({ clientId: undefined }), "sharePoint.clientId: the app registration's client id (a GUID) is required"],
    ["a tenant that is not a GUID", sp({ tenantId: "contoso.onmicrosoft.com" }), 'sharePoint.tenantId: a tenant GUID or "organizations"'],
    ["a tenant that is not text", sp({ tenantId: 12 }), 'sharePoint.tenantId: a tenant GUID or "organizations"'],
    ["no scopes", sp({ scopes: [] }), "sharePoint.scopes: a list of delegated Graph scopes"],
    ["scopes as one string", sp({ scopes: "Sites.Selected" }), "sharePoint.scopes: a list of delegated Graph scopes"],
    ["a scope that is not text", sp({ scopes: ["Sites.Selected", 3] }), "sharePoint.scopes: a list of delegated Graph scopes"],
    ["a lead rule that is a list", { team: { lead: ["a@b.org"] } }, 'team.lead: an object with "groups" (Entra group ids) and/or "addresses"'],
    ["a manager address that is not one", { team: { manager: { addresses: ["boss"] } } }, "team.manager.addresses: a list of sign-in addresses"],
    ["manager addresses as one string", { team: { manager: { addresses: "boss@plan.org" } } }, "team.manager.addresses: a list of sign-in addresses"],
    ["advocates as an object", { team: { advocates: { address: "a@b.org" } } }, "team.advocates: a list of { address, name }"],
    ["an advocate without a real address", { team: { advocates: [{ address: "a@b.org" }, { address: "ben" }] } }, "team.advocates[1]: needs an address"],
    ["an advocate that is text", { team: { advocates: ["a@b.org"] } }, "team.advocates[0]: needs an address"],
    ["a link host with a path", { templateLinkHosts: ["www.example-plan.org/forms"] }, 'templateLinkHosts: a list of host names such as "www.example-plan.org"'],
    ["link hosts as one string", { templateLinkHosts: "www.example-plan.org" }, 'templateLinkHosts: a list of host names such as "www.example-plan.org"'],
    ["a link host that is not text", { templateLinkHosts: [42] }, 'templateLinkHosts: a list of host names such as "www.example-plan.org"'],
    ["a policy without clocks", { policies: [{ id: "p1" }] }, "policies: each policy needs an id and a list of clocks"],
    ["a policy without an id", { policies: [{ clocks: [] }] }, "policies: each policy needs an id and a list of clocks"],
    ["a policy that is null", { policies: [null] }, "policies: each policy needs an id and a list of clocks"],
    ["a clock of 0 days", policy({ unit: "businessDays", amount: 0 }), "policies: p1: each clock needs a duration of 1 to 999 businessDays or businessHours"],
    ["a clock of 1,000 hours", policy({ unit: "businessHours", amount: 1000 }), "policies: p1: each clock needs a duration of 1 to 999 businessDays or businessHours"],
    ["a clock of \"3\" days", policy({ unit: "businessDays", amount: "3" }), "policies: p1: each clock needs a duration of 1 to 999 businessDays or businessHours"],
    ["a clock without a duration", policy(undefined), "policies: p1: each clock needs a duration of 1 to 999 businessDays or businessHours"],
    ["a daily report to no address", { dailyReportTo: "leads@plan" }, "dailyReportTo: the distribution list's e-mail address"],
    ["translated hours as a list", { organisation: { hoursByLanguage: ["9 to 5"] } }, 'organisation.hoursByLanguage: the hours as text per language code, e.g. { "es": "…" }'],
    ["a clinical address that is not one", { organisation: { clinicalAddress: "nurses" } }, "organisation.clinicalAddress: an e-mail address, or leave it out"],
  ])("refuses %s with a message naming the field", (_what, raw, message) => {
    expect(() => parseSettings(raw)).toThrow(new SettingsError(message));
    try {
      parseSettings(raw);
    } catch (e) {
      expect((e as Error).name).toBe("SettingsError");
    }
  });

  it("accepts the edges of what is allowed", () => {
    expect(parseSettings(sp({ tenantId: "AAAAAAAA-0000-0000-0000-000000000001", scopes: ["Sites.Selected", "User.Read"], site: "  contoso.sharepoint.com,1,2  " })).sharePoint).toEqual({
      site: "contoso.sharepoint.com,1,2", clientId: guid, tenantId: "AAAAAAAA-0000-0000-0000-000000000001", scopes: ["Sites.Selected", "User.Read"],
    });
    expect(parseSettings(policy({ unit: "businessHours", amount: 999 })).policies[0]!.clocks[0]!.duration).toEqual({ unit: "businessHours", amount: 999 });
    expect(parseSettings(policy({ unit: "businessDays", amount: 1 })).policies).toHaveLength(1);
    expect(parseSettings({ templateLinkHosts: [" WWW.Example-Plan.org "] }).templateLinkHosts).toEqual(["www.example-plan.org"]);
    expect(parseSettings({}).templateLinkHosts).toEqual([]); // the fictional host never carries over
    expect(parseSettings({ dailyReportTo: "leads@example-plan.org" }).dailyReportTo).toBe("leads@example-plan.org");
    expect(parseSettings({ internalDomains: ["example-plan.org"] }).internalDomains).toEqual(["example-plan.org"]);
    expect(parseSettings({ internalDomains: "example-plan.org" }).internalDomains).toEqual(DEFAULT_SETTINGS.internalDomains);
    expect(parseSettings({ team: { advocates: [{ address: "Cy@Example-Plan.org", name: "  " }] } }).team.advocates).toEqual([{ address: "cy@example-plan.org", name: "Cy@Example-Plan.org" }]);
    expect(parseSettings({ team: { advocates: [{ address: "cy@example-plan.org", name: "  Cy Sample " }] } }).team.advocates[0]!.name).toBe("Cy Sample");
    expect(parseSettings({ team: {} }).team.lead).toEqual({ groups: [], addresses: [] });
  });

  it("gives no translated hours that are blank", () => {
    const s = parseSettings({ organisation: { hoursByLanguage: { es: "   ", vi: "Thứ Hai đến Thứ Sáu" } } });
    expect(hoursIn(s.organisation, "es")).toBeUndefined();
    expect(hoursIn(s.organisation, "vi")).toBe("Thứ Hai đến Thứ Sáu");
    expect(hoursIn(s.organisation, "so")).toBeUndefined();
  });
});

describe("a settings file with values of the wrong shape", () => {
  const guid = "11111111-2222-3333-4444-555555555555";
  const sp = (over: Record<string, unknown>) => ({ sharePoint: { site: "contoso.sharepoint.com,1,2", clientId: guid, ...over } });

  it.each([
    // a list holding one GUID reads like the GUID when turned into text: it is still refused
    ["a client id given as a list", sp({ clientId: [guid] }), "sharePoint.clientId: the app registration's client id (a GUID) is required"],
    ["a tenant given as a list", sp({ tenantId: [guid] }), 'sharePoint.tenantId: a tenant GUID or "organizations"'],
    ["a lead group given as a list inside the list", { team: { lead: { groups: [["aaaaaaaa-0000-0000-0000-000000000001"]] } } }, "team.lead.groups: a list of Entra group object ids (GUIDs)"],
    ["a manager address given as a list inside the list", { team: { manager: { addresses: [["boss@example-plan.org"]] } } }, "team.manager.addresses: a list of sign-in addresses"],
    ["an advocate that is null", { team: { advocates: [null] } }, "team.advocates[0]: needs an address"],
    ["an advocate's address given as a list", { team: { advocates: [{ address: ["ana@example-plan.org"], name: "Ana" }] } }, "team.advocates[0]: needs an address"],
    ["one good link host and one with a path", { templateLinkHosts: ["www.example-plan.org", "example-plan.org/forms"] }, 'templateLinkHosts: a list of host names such as "www.example-plan.org"'],
    ["a clock that is null", { policies: [{ id: "p1", clocks: [null] }] }, "policies: p1: each clock needs a duration of 1 to 999 businessDays or businessHours"],
  ])("refuses %s with the field's message", (_what, raw, message) => {
    expect(() => parseSettings(raw)).toThrow(new SettingsError(message));
  });

  it("refuses a calendar section of the wrong shape as a settings error that names the calendar", () => {
    // before the fix these were a bare TypeError ("Cannot read properties of null…") naming no setting
    for (const calendar of [{ hours: null }, { hours: { mon: [null] } }, { extraHolidays: 5 }]) {
      let caught: unknown;
      try {
        parseSettings({ calendar });
      } catch (e) {
        caught = e;
      }
      expect(caught, JSON.stringify(calendar)).toBeInstanceOf(SettingsError);
      expect((caught as Error).message, JSON.stringify(calendar)).toMatch(/^calendar: /);
    }
  });

  it("reads no file the same as an empty one: the fictional defaults", () => {
    expect(parseSettings(undefined)).toBe(DEFAULT_SETTINGS);
  });

  it("reads a section set to null as left out", () => {
    const s = parseSettings({ sharePoint: null, team: null, dailyReportTo: null });
    expect(s.sharePoint).toBeUndefined(); // the pane does not log
    expect(s.team).toEqual({ lead: { groups: [], addresses: [] }, manager: { groups: [], addresses: [] }, advocates: [] });
    expect(s.dailyReportTo).toBeUndefined();
  });

  it("gives no translated hours for an organisation written without any", () => {
    const org = { ...DEFAULT_SETTINGS.organisation };
    delete (org as { hoursByLanguage?: unknown }).hoursByLanguage;
    expect(hoursIn(org, "es")).toBeUndefined();
    expect(hoursIn(org, "en")).toBe("Monday to Friday, 8 a.m. to 5 p.m. Central time");
  });
});
