import { describe, expect, it } from "vitest";
import { mergeFields } from "./record";

describe("three-way merge after a 412", () => {
  const b = { status: "assigned", assignee: "ana", notes: "", priority: "routine" };

  it("keeps both sides' changes when they touch different fields", () => {
    const r = mergeFields(b, { ...b, notes: "called member" }, { ...b, priority: "high" });
    expect(r).toEqual({ merged: { status: "assigned", assignee: "ana", notes: "called member", priority: "high" }, conflicts: [] });
  });

  it("never overwrites the other writer silently: the same field changed both ways is a conflict, theirs kept", () => {
    const r = mergeFields(b, { ...b, assignee: "ben" }, { ...b, assignee: "cy" });
    expect(r.merged["assignee"]).toBe("cy");
    expect(r.conflicts).toEqual([{ field: "assignee", mine: "ben", theirs: "cy" }]);
  });

  it("treats the same change made by both as agreement", () => {
    expect(mergeFields(b, { ...b, status: "responded" }, { ...b, status: "responded" }).conflicts).toEqual([]);
  });
});
