/**
 * Base64 of bytes, in the domain without the browser's or Node's globals (the domain compiles
 * without DOM or Node types: docs/decisions, issue 12). Standard alphabet, "=" padding.
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET.charCodeAt(i)] = i;

export function bytesToBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2]! : 0;
    const n = (a << 16) | (b << 8) | c;
    out.push(ALPHABET[(n >> 18) & 63]!, ALPHABET[(n >> 12) & 63]!, i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : "=", i + 2 < bytes.length ? ALPHABET[n & 63]! : "=");
  }
  return out.join("");
}

/** The bytes of a base64 text; throws on a character outside the alphabet or a wrong length. */
export function base64ToBytes(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new Error("not base64: its length is not a multiple of 4");
  const pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const ch = text.charCodeAt(i + j);
      const v = ch === 0x3d && i + j >= text.length - pad ? 0 : ch < 128 ? INDEX[ch]! : -1;
      if (v < 0) throw new Error("not base64: a character outside its alphabet");
      n = (n << 6) | v;
    }
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
