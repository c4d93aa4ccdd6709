/**
 * The pane's only logger. It takes an event name and a short code, never a payload: email text,
 * names, addresses and member ids cannot reach the console through it. A test checks that no other
 * file in src/ calls console.*.
 */
type Code = string | number | undefined;

export function logEvent(event: string, code?: Code): void {
  if (!/^[a-z][a-z0-9.-]{0,40}$/i.test(event)) return;
  const safeCode = typeof code === "number" ? code : typeof code === "string" && /^[\w.-]{0,40}$/.test(code) ? code : undefined;
  console.info(`[triage] ${event}${safeCode === undefined ? "" : ` (${safeCode})`}`);
}
