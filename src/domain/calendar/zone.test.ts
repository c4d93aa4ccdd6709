import { describe, expect, it } from "vitest";
import { TimeZone, formatInZone, parseInstant } from "./zone";

const chicago = TimeZone.of("America/Chicago");

describe("time zone arithmetic", () => {
  it("knows the offset on both sides of the March and November changes", () => {
    expect(chicago.offsetAt(Date.parse("2026-03-08T07:59:00Z"))).toBe(-360);
    expect(chicago.offsetAt(Date.parse("2026-03-08T08:00:00Z"))).toBe(-300);
    expect(chicago.offsetAt(Date.parse("2026-11-01T06:59:00Z"))).toBe(-300);
    expect(chicago.offsetAt(Date.parse("2026-11-01T07:00:00Z"))).toBe(-360);
  });

  it("writes an instant with the offset of its own date", () => {
    expect(formatInZone(Date.parse("2026-01-15T23:00:00Z"), chicago)).toBe("2026-01-15T17:00:00-06:00");
    expect(formatInZone(Date.parse("2026-07-15T22:00:00Z"), chicago)).toBe("2026-07-15T17:00:00-05:00");
  });

  it("reads a wall time that does not exist (spring forward) as the time after the gap", () => {
    const r = chicago.fromLocal(Date.UTC(2026, 2, 8, 2, 30));
    expect(formatInZone(r, chicago)).toBe("2026-03-08T03:30:00-05:00");
  });

  it("reads an ambiguous wall time (fall back) as its first occurrence", () => {
    const r = chicago.fromLocal(Date.UTC(2026, 10, 1, 1, 30));
    expect(formatInZone(r, chicago)).toBe("2026-11-01T01:30:00-05:00");
  });

  it("rejects an unknown zone with a message naming it", () => {
    expect(() => TimeZone.of("Mars/Olympus")).toThrow(/Unknown time zone "Mars\/Olympus"/);
  });
});

describe("parsing date-times from outside", () => {
  it("accepts offsets and Z", () => {
    expect(parseInstant("2026-03-02T10:15:00-06:00", chicago)).toEqual({ utcMs: Date.parse("2026-03-02T16:15:00Z"), assumedZone: false });
    expect(parseInstant("2026-03-02T16:15:00Z", chicago)).toEqual({ utcMs: Date.parse("2026-03-02T16:15:00Z"), assumedZone: false });
  });

  it("reads a time without an offset in the plan's zone and says so", () => {
    expect(parseInstant("2026-03-02T10:15:00", chicago)).toEqual({ utcMs: Date.parse("2026-03-02T16:15:00Z"), assumedZone: true });
  });

  it("answers nonsense with a message, not an exception", () => {
    for (const bad of ["", "yesterday", "2026-02-30T10:00:00Z", "2026-13-01T00:00:00Z", "2026-03-02T25:00:00Z", 42, null]) {
      const r = parseInstant(bad, chicago);
      expect(r).toHaveProperty("error");
    }
  });
});

describe("dates outside the supported years", () => {
  it("are refused with the range named, never read as 19xx or another year", () => {
    const zone = chicago;
    for (const t of ["0000-01-01T00:00:00Z", "0099-03-02T10:00:00-06:00", "1899-12-31T23:59:59Z", "3000-01-01T00:00:00Z"]) {
      expect(parseInstant(t, zone)).toEqual({ error: `"${t}" is outside the supported years 1900 to 2999` });
    }
    expect("error" in parseInstant("1900-01-01T00:00:00Z", zone)).toBe(false);
    expect("error" in parseInstant("2999-12-31T23:59:59Z", zone)).toBe(false);
  });
});
