import { describe, expect, it } from "vitest";
import { seededRandom } from "./random";

describe("the seeded generator (mulberry32)", () => {
  it("gives mulberry32's published sequence, so a recorded audit seed draws the same sample in every release", () => {
    const r = seededRandom(1);
    expect([r(), r(), r()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  });

  it("gives numbers in [0, 1), different for different seeds, the same for the same seed", () => {
    const a = seededRandom(20261101);
    const b = seededRandom(20261101);
    const c = seededRandom(20261102);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
  });
});
