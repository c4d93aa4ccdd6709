import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, SettingsError, parseSettings } from "./settings";

describe("deployment settings", () => {
  it("uses the fictional defaults when there is no file", () => {
    expect(parseSettings(null)).toBe(DEFAULT_SETTINGS);
  });

  it("reads the documented example", () => {
    const s = parseSettings(JSON.parse(readFileSync(resolve(import.meta.dirname, "../../docs/settings.example.json"), "utf8")));
    expect(s.mailboxAddresses["agentsupport@example-plan.org"]).toBe("agent-support");
    expect(s.calendar.extraHolidays).toHaveLength(1);
    expect(s.organisation.name).toBe("Example Health Plan");
  });

  it("refuses wrong settings with a message that names the field", () => {
    expect(() => parseSettings("nope")).toThrow(SettingsError);
    expect(() => parseSettings({ calendar: { timeZone: "Nowhere/Else" } })).toThrow(/calendar: Unknown time zone/);
    expect(() => parseSettings({ calendar: { hours: { mon: [{ open: "17:00", close: "08:00" }] } } })).toThrow(/calendar: .*not after it opens/);
    expect(() => parseSettings({ mailboxAddresses: { "a@b.org": "inbox" } })).toThrow(/"a@b.org" maps to "inbox"/);
    expect(() => parseSettings({ policies: [{ id: "x", clocks: [{ name: "firstResponse", duration: { unit: "weeks", amount: 1 } }] }] })).toThrow(/policies: x/);
    expect(() => parseSettings({ organisation: { name: 42 } })).toThrow(/organisation.name must be text/);
  });
});
