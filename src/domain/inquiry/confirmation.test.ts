import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALPHABET, checkConfirmationNumber, confirmationNumber } from "./confirmation";

const ids = fc.integer({ min: 0, max: 27_512_614_110 });

describe("confirmation numbers", () => {
  it("read well over the phone: eight characters, none of 0/O/1/I/L, and they check", () => {
    expect(ALPHABET).not.toMatch(/[01OIL]/);
    fc.assert(
      fc.property(ids, (id) => {
        const n = confirmationNumber(id);
        expect(n).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
        expect(checkConfirmationNumber(n)).toEqual({ valid: true, normalized: n });
        expect(checkConfirmationNumber(n.toLowerCase().replace("-", " "))).toEqual({ valid: true, normalized: n });
      }),
    );
  });

  it("catch every single-character error", () => {
    fc.assert(
      fc.property(ids, fc.nat(7), fc.nat(ALPHABET.length - 1), (id, pos, replacement) => {
        const chars = confirmationNumber(id).replace("-", "").split("");
        fc.pre(chars[pos] !== ALPHABET[replacement]);
        chars[pos] = ALPHABET[replacement]!;
        expect(checkConfirmationNumber(chars.join("")).valid).toBe(false);
      }),
      { numRuns: 20_000 },
    );
  });

  it("catch every swap of neighbours, the check character included", () => {
    fc.assert(
      fc.property(ids, fc.nat(6), (id, pos) => {
        const chars = confirmationNumber(id).replace("-", "").split("");
        fc.pre(chars[pos] !== chars[pos + 1]);
        [chars[pos], chars[pos + 1]] = [chars[pos + 1]!, chars[pos]!];
        expect(checkConfirmationNumber(chars.join("")).valid).toBe(false);
      }),
      { numRuns: 20_000 },
    );
  });

  it("hold no duplicate among a million numbers", () => {
    const seen = new Set<string>();
    const start = 1_000;
    for (let id = start; id < start + 1_000_000; id++) seen.add(confirmationNumber(id));
    expect(seen.size).toBe(1_000_000);
  });

  it("say plainly what is wrong with a typed number", () => {
    expect(checkConfirmationNumber("K7QM-4TX")).toMatchObject({ valid: false, reason: expect.stringMatching(/8 characters/) });
    expect(checkConfirmationNumber("K7QM-4TX0")).toMatchObject({ valid: false, reason: expect.stringMatching(/never use 0, O, 1, I or L/) });
    const n = confirmationNumber(42).replace("-", "");
    const swapped = n[1]! + n[0]! + n.slice(2);
    if (swapped !== n) expect(checkConfirmationNumber(swapped)).toMatchObject({ valid: false, reason: expect.stringMatching(/mistyped/) });
  });
});

describe("the number of an inquiry, in every release", () => {
  /** The same mapping in exact BigInt arithmetic, written independently of the product's float one. */
  const reference = (id: number): string => {
    const space = 31n ** 7n;
    let n = (BigInt(id) * 16_807_413_779n + 3_141_592_653n) % space;
    const v: number[] = [];
    for (let i = 0; i < 7; i++) {
      v.unshift(Number(n % 31n));
      n /= 31n;
    }
    let interim = 0;
    for (const x of v) interim = (2 * interim + x) % 31;
    v.push((31 - ((2 * interim) % 31)) % 31);
    const text = v.map((x) => ALPHABET[x]).join("");
    return `${text.slice(0, 4)}-${text.slice(4)}`;
  };

  it("stays what members were given: the numbers of the first, second and last ids", () => {
    expect([confirmationNumber(0), confirmationNumber(1), confirmationNumber(123_456_789), confirmationNumber(27_512_614_110)]).toEqual(["5JRS-F3HK", "RGU2-ZHJS", "9ADC-NYKC", "HMPG-VMG5"]);
  });

  it("agrees with exact arithmetic for ids of every size", () => {
    fc.assert(fc.property(ids, (id) => confirmationNumber(id) === reference(id)), { numRuns: 2000, seed: 15 });
    for (const id of [65_535, 65_536, 2 ** 31, 2 ** 32 + 7, 27_512_614_109]) expect(confirmationNumber(id)).toBe(reference(id));
  });

  it("refuses an id it cannot number, rather than giving two inquiries one number", () => {
    for (const bad of [-1, 1.5, Number.NaN, 27_512_614_111, Number.MAX_SAFE_INTEGER]) expect(() => confirmationNumber(bad)).toThrow(new RangeError("item id out of range for a confirmation number"));
  });

  it("says which confusable character it saw, or that a character is not used", () => {
    expect(checkConfirmationNumber("5JRS-F3H0")).toEqual({ valid: false, reason: 'Confirmation numbers never use 0, O, 1, I or L: check the character "0".' });
    expect(checkConfirmationNumber("5jrs f3hl")).toEqual({ valid: false, reason: 'Confirmation numbers never use 0, O, 1, I or L: check the character "L".' });
    expect(checkConfirmationNumber("5JRS-F3H#")).toEqual({ valid: false, reason: '"#" is not used in confirmation numbers.' });
    expect(checkConfirmationNumber(" 5jrs f3hk ")).toEqual({ valid: true, normalized: "5JRS-F3HK" });
  });
});
