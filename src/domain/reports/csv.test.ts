import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

const one = (value: string) => toCsv(["cell"], [{ cell: value }]).split("\r\n")[1];

describe("CSV that a spreadsheet opens without running anything", () => {
  it("writes a cell that starts as a formula would (=, +, -, @, tab, carriage return) as text", () => {
    expect(one("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(one("+1-800-555-0100")).toBe("'+1-800-555-0100");
    expect(one("-2+3")).toBe("'-2+3");
    expect(one("@SUM(A1:A9)")).toBe("'@SUM(A1:A9)");
    expect(one("\t=1+1")).toBe("'\t=1+1");
    expect(one("\r=1+1")).toBe("\"'\r=1+1\"");
  });

  it("leaves other cells as they are, quoting only commas, quotes and line breaks (RFC 4180)", () => {
    expect(one("Ana Lopez")).toBe("Ana Lopez");
    expect(one("a=b")).toBe("a=b");
    expect(one("2026-03-04")).toBe("2026-03-04");
    expect(one("Lopez, Ana")).toBe("\"Lopez, Ana\"");
    expect(one("say \"hi\"")).toBe("\"say \"\"hi\"\"\"");
    expect(one("two\nlines")).toBe("\"two\nlines\"");
    expect(one("")).toBe("");
  });

  it("ends every row, the header too, with CRLF and writes a missing field as an empty cell", () => {
    expect(toCsv(["a", "b"], [{ a: "1" }, { a: "2", b: "x" }])).toBe("a,b\r\n1,\r\n2,x\r\n");
    expect(toCsv(["a"], [])).toBe("a\r\n");
  });
});
