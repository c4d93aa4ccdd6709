import { describe, expect, it } from "vitest";
import { auditSample, auditSampleSize, auditScore, quarterMonths } from "./audit";

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
