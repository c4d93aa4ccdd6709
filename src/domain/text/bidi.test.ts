import { describe, expect, it } from "vitest";
import { hasBidiControls, neutraliseBidi } from "./bidi";

describe("bidirectional controls in text from outside", () => {
  it("removes every override and isolate, so a file name or link reads as it is", () => {
    expect(neutraliseBidi("invoice\u202efdp.exe")).toBe("invoicefdp.exe");
    expect(neutraliseBidi("\u202a\u202b\u202c\u202d\u202e a \u2066\u2067\u2068\u2069")).toBe(" a ");
    expect(neutraliseBidi("Số thẻ của tôi — عربى — 中文")).toBe("Số thẻ của tôi — عربى — 中文"); // right-to-left text itself stays
  });

  it("says whether a text holds any, the same on every call", () => {
    expect(hasBidiControls("ok")).toBe(false);
    expect(hasBidiControls("a\u2067b")).toBe(true);
    expect(hasBidiControls("a\u2067b")).toBe(true); // the pattern's position does not leak between calls
    expect(hasBidiControls("\u200f")).toBe(false); // a plain right-to-left mark is not an override
  });
});
