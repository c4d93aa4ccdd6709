import { describe, expect, it } from "vitest";
import { base64ToBytes, bytesToBase64 } from "./base64";

describe("base64 in the domain", () => {
  it("writes what the platform's base64 writes, and reads it back, for every length", () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 31) & 255);
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString("base64"));
      expect([...base64ToBytes(text)]).toEqual([...bytes]);
    }
  });

  it("refuses text that is not base64 with a plain message", () => {
    expect(() => base64ToBytes("<script>")).toThrow(/not base64/);
    expect(() => base64ToBytes("QUJ")).toThrow(/not base64/);
    expect(() => base64ToBytes("Q=JD")).toThrow(/not base64/);
  });

  it("names what is wrong: the length, or a character outside the alphabet (non-ASCII included)", () => {
    expect(() => base64ToBytes("QUJ")).toThrow("not base64: its length is not a multiple of 4");
    expect(() => base64ToBytes("QUJ\u00e9")).toThrow("not base64: a character outside its alphabet");
    expect(() => base64ToBytes("QUJ\u0080")).toThrow("not base64: a character outside its alphabet");
    expect(() => base64ToBytes("QU=D")).toThrow("not base64: a character outside its alphabet");
    expect([...base64ToBytes("QUI=")]).toEqual([0x41, 0x42]);
  });
});
