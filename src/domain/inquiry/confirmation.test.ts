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
