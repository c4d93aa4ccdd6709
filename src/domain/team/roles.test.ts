import { describe, expect, it } from "vitest";
import { rolesOf, type TeamSettings } from "./roles";

const team: TeamSettings = {
  lead: { groups: ["AAAAAAAA-0000-0000-0000-000000000001"], addresses: ["Lead@Plan.example"] },
  manager: { groups: [], addresses: ["boss@plan.example"] },
  advocates: [],
};

describe("roles", () => {
  it("makes everyone an advocate, and leads and managers from addresses without regard to case", () => {
    expect([...rolesOf({ upn: "ana@plan.example" }, team)]).toEqual(["advocate"]);
    expect([...rolesOf({ upn: "lead@plan.example" }, team)]).toEqual(["advocate", "lead"]);
    expect([...rolesOf({ upn: "BOSS@plan.example" }, team)]).toEqual(["advocate", "manager"]);
  });

  it("reads a role from the token's group ids", () => {
    expect(rolesOf({ upn: "x@plan.example", groups: ["aaaaaaaa-0000-0000-0000-000000000001"] }, team).has("lead")).toBe(true);
    expect(rolesOf({ upn: "x@plan.example", groups: ["bbbbbbbb-0000-0000-0000-000000000001"] }, team).has("lead")).toBe(false);
  });

  it("makes a lead of any of the lead addresses, not only the first", () => {
    const twoLeads: TeamSettings = { ...team, lead: { groups: [], addresses: ["lead@plan.example", "Deputy@Plan.example"] } };
    expect([...rolesOf({ upn: "deputy@plan.example" }, twoLeads)]).toEqual(["advocate", "lead"]);
    expect([...rolesOf({ upn: "lead@plan.example" }, twoLeads)]).toEqual(["advocate", "lead"]);
  });
});
