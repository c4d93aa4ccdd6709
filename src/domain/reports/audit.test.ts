import { describe, expect, it } from "vitest";
import { auditSample, auditSampleSize } from "./audit";

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
