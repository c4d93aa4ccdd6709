/**
 * Bidirectional override and isolate characters (U+202A–U+202E, U+2066–U+2069) can make text read
 * differently from what it holds ("invoice‮fdp.exe", a reversed link or number). Everything the pane
 * shows or fills into a reply goes through this: each such character is removed.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

export function neutraliseBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}

export function hasBidiControls(text: string): boolean {
  BIDI_CONTROLS.lastIndex = 0;
  const found = BIDI_CONTROLS.test(text);
  BIDI_CONTROLS.lastIndex = 0;
  return found;
}
