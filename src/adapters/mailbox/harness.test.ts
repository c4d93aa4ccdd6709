import { describe, expect, it } from "vitest";
import { parseItem } from "./harness";

describe("harness item parsing", () => {
  it("reads a well-formed item", () => {
    const item = parseItem({
      itemId: "i", internetMessageId: "<m>", conversationId: "c", subject: "s",
      from: { name: "N", address: "A@B.example" }, to: [{ name: "", address: "x@plan.example" }], cc: [],
      body: { type: "html", content: "<p>x</p>" }, receivedAt: "2026-03-02T10:00:00Z", mailboxAddress: "X@plan.example",
    });
    expect(item).toMatchObject({ from: { address: "a@b.example" }, body: { type: "html" }, mailboxAddress: "x@plan.example" });
  });

  it("turns hostile or broken data into empty fields instead of throwing", () => {
    expect(parseItem(null)).toBeNull();
    expect(parseItem("x")).toBeNull();
    const item = parseItem({ subject: { toString: "evil" }, from: 7, to: "nope", body: { type: "script", content: 5 } });
    expect(item).toMatchObject({ subject: "", from: { name: "", address: "" }, to: [], body: { type: "text", content: "" } });
  });
});
