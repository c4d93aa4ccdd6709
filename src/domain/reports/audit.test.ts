import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../calendar/calendar";
import type { InquiryRecord } from "../inquiry/record";
import type { SlaEvent } from "../sla/clocks";
import { inquiry } from "../../../test/fixtures/inquiries";
import { AUDIT_COLUMNS, auditRow, auditSample, auditSampleSize, auditScore, inMonth, quarterMonths, type AuditRow } from "./audit";

const calendar = new BusinessCalendar(); // Central time, Monday to Friday 08:00–17:00, OPM holidays
const at = (s: string) => Date.parse(s);

function record(receivedAt: string, events: { type: SlaEvent["type"]; at: string }[] = [], confirmationNumber: string | null = "CN-1"): InquiryRecord {
  return inquiry({ receivedAt: at(receivedAt), confirmationNumber, events: events.map((e) => ({ type: e.type, at: at(e.at) })) });
}

/** The sample of 120 items CN-0000…CN-0119 for seed 20261101, as first drawn (12 items: 10 % of 120). */
const RECORDED_SAMPLE = ["CN-0080", "CN-0107", "CN-0090", "CN-0052", "CN-0060", "CN-0023", "CN-0092", "CN-0116", "CN-0049", "CN-0000", "CN-0110", "CN-0001"];

const month = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `<m${i}@x>` }));

describe("the NCQA audit sample", () => {
  it("holds the greater of 10 items or 10%, at most 50", () => {
    expect([37, 230, 900].map(auditSampleSize)).toEqual([10, 23, 50]);
    expect(auditSampleSize(7)).toBe(7);
    expect(auditSampleSize(0)).toBe(0);
    expect(auditSample(month(230), 1, (m) => m.id)).toHaveLength(23);
  });

  it("is the same for the same seed, whatever the order of the month's items, and differs for another seed", () => {
    const items = month(230);
    const a = auditSample(items, 20261101, (m) => m.id).map((m) => m.id);
    const b = auditSample([...items].reverse(), 20261101, (m) => m.id).map((m) => m.id);
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(23);
    expect(auditSample(items, 7, (m) => m.id).map((m) => m.id)).not.toEqual(a);
  });
});

describe("the quarterly audit score", () => {
  it("counts each measure's Yes answers over its answered ones, and the overall score over all answers", () => {
    const item = (ack: string, res: string, correct: string, professional: string, accurate: string) => ({
      "Acknowledgement TAT Met Y/N": ack, "Resolution TAT Met Y/N": res, "Answered Correctly (Yes/No)": correct, "Reply Professional (Yes/No)": professional, "Accurate Information (Yes/No)": accurate,
    });
    const s = auditScore([
      item("Y", "Y", "Yes", "Yes", "Yes"),
      item("Y", "N", "No", "yes", "Yes"),
      item("N", "", "Yes", "Yes", "No"),
      item("Y", "Y", "", "", ""), // not audited yet
      item("Y", "Y", "maybe", "Yes", "Yes"), // "maybe" is no answer
    ]);
    expect(s.sampled).toBe(5);
    expect(s.audited).toBe(3);
    expect(s.measures.map((m) => [m.label, m.yes, m.answered])).toEqual([
      ["Acknowledged on time", 4, 5],
      ["Resolved on time", 3, 4],
      ["Answered correctly", 2, 3],
      ["Reply professional", 4, 4],
      ["Accurate information", 3, 4],
    ]);
    expect(s.score).toBeCloseTo(16 / 20);
    expect(auditScore([]).score).toBeNull();
    expect(quarterMonths("2026-Q4")).toEqual(["2026-10", "2026-11", "2026-12"]);
    expect(() => quarterMonths("2026-Q5")).toThrow(/2026-Q4/);
  });
});

describe("the audit sample's size: the greater of 10 or 10 %, at most 50", () => {
  it.each([
    [0, 0], [-3, 0], [1, 1], [7, 7], [10, 10], [99, 10], [100, 10], [101, 11], [250, 25], [499, 50], [500, 50], [5000, 50],
  ])("%i submissions → %i sampled", (population, size) => {
    expect(auditSampleSize(population)).toBe(size);
  });
});

describe("the audit sample, drawn", () => {
  const ids = Array.from({ length: 237 }, (_, i) => `CN-${String(i).padStart(4, "0")}`);

  it("is not simply the first items: over many seeds every item can be drawn", () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 200; seed++) for (const x of auditSample(ids, seed, (y) => y)) seen.add(x);
    expect(seen.size).toBeGreaterThan(230);
  });
  it("takes every item of a small month", () => {
    expect(auditSample(["b", "a", "c"], 1, (x) => x).sort()).toEqual(["a", "b", "c"]);
    expect(auditSample([], 1, (x: string) => x)).toEqual([]);
  });});

describe("an audit worksheet row", () => {
  it("counts business days from receipt and marks each goal met or not (acknowledged in 1, resolved in 2)", () => {
    // Monday 5 October 09:00; acknowledged Tuesday (1 business day), resolved Thursday (3)
    const row = auditRow(record("2026-10-05T09:00:00-05:00", [{ type: "acknowledged", at: "2026-10-06T11:00:00-05:00" }, { type: "resolved", at: "2026-10-08T16:00:00-05:00" }]), calendar);
    expect(Object.keys(row)).toEqual([...AUDIT_COLUMNS]);
    expect(row).toMatchObject({
      "Member Id Number": "", "Confirmation Number": "CN-1", "Request Date": "2026-10-05",
      "Acknowledgement Date": "2026-10-06", "Acknowledgement # of Business Days": "1", "Acknowledgement TAT Met Y/N": "Y",
      "Resolution Date": "2026-10-08", "Resolution # of Business Days": "3", "Resolution TAT Met Y/N": "N",
      "Answered Correctly (Yes/No)": "", "Reply Professional (Yes/No)": "", "Accurate Information (Yes/No)": "", Notes: "",
    });
  });

  it("counts mail after 17:00 on a Friday from the next business day, over a holiday Monday", () => {
    // Friday 9 October 18:00; Monday 12 is Columbus Day: counted from Tuesday 13 at 08:00
    const row = auditRow(record("2026-10-09T18:00:00-05:00", [{ type: "responded", at: "2026-10-13T09:00:00-05:00" }, { type: "resolved", at: "2026-10-15T10:00:00-05:00" }]), calendar);
    expect(row["Request Date"]).toBe("2026-10-09");
    expect(row["Acknowledgement # of Business Days"]).toBe("0"); // a real answer acknowledges too
    expect(row["Resolution # of Business Days"]).toBe("2");
    expect(row["Resolution TAT Met Y/N"]).toBe("Y");
  });

  it("counts an answer sent before the business day starts (on the weekend) as 0 days", () => {
    const row = auditRow(record("2026-10-09T18:00:00-05:00", [{ type: "acknowledged", at: "2026-10-10T12:00:00-05:00" }]), calendar);
    expect(row["Acknowledgement Date"]).toBe("2026-10-10");
    expect(row["Acknowledgement # of Business Days"]).toBe("0");
    expect(row["Acknowledgement TAT Met Y/N"]).toBe("Y");
  });

  it("leaves what has not happened blank and says the inquiry was not resolved", () => {
    const row = auditRow(record("2026-10-05T09:00:00-05:00", [], null), calendar);
    expect(row).toMatchObject({
      "Confirmation Number": "", "Acknowledgement Date": "", "Acknowledgement # of Business Days": "", "Acknowledgement TAT Met Y/N": "",
      "Resolution Date": "", "Resolution # of Business Days": "", "Resolution TAT Met Y/N": "", Notes: "not resolved when the sample was drawn",
    });
  });

  it("holds the inquiry to other goals when the audit sets them", () => {
    const r = record("2026-10-05T09:00:00-05:00", [{ type: "acknowledged", at: "2026-10-07T09:00:00-05:00" }, { type: "resolved", at: "2026-10-08T16:00:00-05:00" }]);
    expect(auditRow(r, calendar)["Acknowledgement TAT Met Y/N"]).toBe("N"); // 2 days against 1
    const lenient = auditRow(r, calendar, { acknowledgementDays: 2, resolutionDays: 3 });
    expect([lenient["Acknowledgement TAT Met Y/N"], lenient["Resolution TAT Met Y/N"]]).toEqual(["Y", "Y"]);
  });
});

describe("the audit's month and quarter", () => {
  it("takes the month in the plan's time zone: 9 pm Central on 31 October is October, though November in UTC", () => {
    const october = inMonth("2026-10", calendar);
    expect(october(at("2026-10-31T21:00:00-05:00"))).toBe(true);
    expect(october(at("2026-11-01T00:30:00-05:00"))).toBe(false);
    expect(october(at("2026-10-01T00:00:00-05:00"))).toBe(true);
    expect(october(at("2026-09-30T23:59:00-05:00"))).toBe(false);
  });

  it("refuses a month or quarter that is not one, quoting it briefly", () => {
    expect(() => inMonth("2026-13", calendar)).toThrow('month must look like 2026-10, not "2026-13"');
    expect(() => inMonth("October", calendar)).toThrow("month must look like 2026-10");
    expect(() => inMonth(`2026-10${"x".repeat(100)}`, calendar)).toThrow(`not "2026-10${"x".repeat(13)}"`);
    expect(() => quarterMonths("2026-Q5")).toThrow('quarter must look like 2026-Q4, not "2026-Q5"');
  });

  it("names a quarter's three months", () => {
    expect(quarterMonths("2026-Q1")).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(quarterMonths("2026-Q4")).toEqual(["2026-10", "2026-11", "2026-12"]);
  });
});

describe("the quarter's audit score, unanswered", () => {
  const row = (ack: string, res: string, correct: string, professional: string, accurate: string): Partial<AuditRow> => ({
    "Acknowledgement TAT Met Y/N": ack, "Resolution TAT Met Y/N": res, "Answered Correctly (Yes/No)": correct, "Reply Professional (Yes/No)": professional, "Accurate Information (Yes/No)": accurate,
  });

  it("counts answers other than Y, Yes, N or No as unanswered, and has no score when nothing is answered", () => {
    const s = auditScore([row("maybe", "Yess", "n/a", "", "?")]);
    expect([s.yes, s.answered, s.audited, s.score]).toEqual([0, 0, 0, null]);
    expect(auditScore([]).score).toBeNull();
  });});

describe("the audit's inputs, strictly read", () => {
  it("takes a month only as the whole text YYYY-MM, January to December", () => {
    expect(inMonth("2026-01", calendar)(at("2026-01-15T12:00:00-06:00"))).toBe(true);
    expect(() => inMonth("2026-00", calendar)).toThrow("month must look like 2026-10");
    expect(() => inMonth("FY2026-10", calendar)).toThrow("month must look like 2026-10");
  });

  it("takes a quarter only as the whole text YYYY-Qn, quoting a long one briefly", () => {
    expect(() => quarterMonths("FY2026-Q4")).toThrow("quarter must look like 2026-Q4");
    expect(() => quarterMonths("2026-Q41")).toThrow("quarter must look like 2026-Q4");
    expect(() => quarterMonths(`2026-Q4${"x".repeat(100)}`)).toThrow(`not "2026-Q4${"x".repeat(13)}"`);
  });

  it("reads an auditor's answer with spaces around it as answered", () => {
    const s = auditScore([{ "Acknowledgement TAT Met Y/N": " Y ", "Resolution TAT Met Y/N": "N ", "Answered Correctly (Yes/No)": " Yes", "Reply Professional (Yes/No)": "yes ", "Accurate Information (Yes/No)": " no " }]);
    expect([s.yes, s.answered, s.audited]).toEqual([3, 5, 1]);
  });

  it("draws the sample recorded for a seed, so an auditor can draw it again later", () => {
    // recorded once from this seed: a change to the sort or the shuffle changes the months' samples already drawn
    const ids = Array.from({ length: 120 }, (_, i) => `CN-${String(i).padStart(4, "0")}`);
    const shuffled = [...ids.slice(60), ...ids.slice(0, 60).reverse()];
    expect(auditSample(shuffled, 20261101, (x) => x)).toEqual(RECORDED_SAMPLE);
  });
});
