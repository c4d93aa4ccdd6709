/**
 * Confirmation numbers a member can quote on the phone: eight characters ("K7QM-4TXB") from an
 * alphabet without the characters people confuse (no 0/O, 1/I/L), the last a check character that
 * catches every single-character error and every swap of neighbours. One per inquiry: the number
 * is a bijection of the list item's id, so two inquiries never share one and the same email always
 * shows the same number, on every device.
 *
 * The check works as Damm's algorithm does, over the quasigroup x∘y = (2x + y) mod 31, which is
 * totally anti-symmetric for the prime 31: (c∘x)∘y = (c∘y)∘x and x∘y = y∘x each force x = y.
 */

export const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"; // 31 characters
const BASE = ALPHABET.length;
const DATA_LENGTH = 7;
const SPACE = BASE ** DATA_LENGTH; // 27,512,614,111 numbers
/** A multiplier coprime with SPACE (31^7) and an offset: the id → number bijection. */
const MULTIPLIER = 16_807_413_779; // not divisible by 31
const OFFSET = 3_141_592_653;

const op = (x: number, y: number) => (2 * x + y) % BASE;

function checkOf(values: readonly number[]): number {
  let interim = 0;
  for (const v of values) interim = op(interim, v);
  return (BASE - ((2 * interim) % BASE)) % BASE; // the c for which interim ∘ c = 0
}

function mulMod(a: number, b: number, m: number): number {
  // exact (a * b) mod m for a, b < m < 2^35, without BigInt on the hot path
  const aHi = Math.floor(a / 65536);
  const aLo = a % 65536;
  return (((aHi * b) % m) * 65536 + aLo * b) % m;
}

/** The confirmation number of a list item id (a whole number from 0 to 27,512,614,110). */
export function confirmationNumber(itemId: number): string {
  if (!Number.isInteger(itemId) || itemId < 0 || itemId >= SPACE) throw new RangeError("item id out of range for a confirmation number");
  let n = (mulMod(itemId, MULTIPLIER, SPACE) + OFFSET) % SPACE;
  const values: number[] = [];
  for (let i = 0; i < DATA_LENGTH; i++) {
    values.unshift(n % BASE);
    n = Math.floor(n / BASE);
  }
  values.push(checkOf(values));
  const text = values.map((v) => ALPHABET[v]).join("");
  return `${text.slice(0, 4)}-${text.slice(4)}`;
}

export type ConfirmationCheck =
  | { readonly valid: true; readonly normalized: string }
  | { readonly valid: false; readonly reason: string };

/** Checks a number typed or pasted by an advocate: spaces, dashes and lower case are forgiven. */
export function checkConfirmationNumber(input: string): ConfirmationCheck {
  const compact = input.toUpperCase().replace(/[\s-]/g, "");
  if (compact.length !== DATA_LENGTH + 1) return { valid: false, reason: `A confirmation number has ${DATA_LENGTH + 1} characters, like K7QM-4TXB.` };
  const bad = [...compact].find((ch) => !ALPHABET.includes(ch));
  if (bad !== undefined) {
    return {
      valid: false,
      reason: /[01OIL]/.test(bad) ? `Confirmation numbers never use 0, O, 1, I or L: check the character "${bad}".` : `"${bad}" is not used in confirmation numbers.`,
    };
  }
  let interim = 0;
  for (const ch of compact) interim = op(interim, ALPHABET.indexOf(ch));
  if (interim !== 0) return { valid: false, reason: "This confirmation number is mistyped: a character is wrong or two are swapped." };
  return { valid: true, normalized: `${compact.slice(0, 4)}-${compact.slice(4)}` };
}
