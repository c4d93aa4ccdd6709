/**
 * What a reply drafted from a template stands for once it is sent. Inserting a template makes a
 * draft, which the log records as such (the template used); the acknowledgement, request for
 * information, answer or follow-up is recorded only when the reply is sent — by the on-send check,
 * or when the advocate confirms it in the pane — so a discarded draft leaves the clocks running.
 */
import type { Action } from "../inquiry/status";
import type { Purpose, Template } from "./templates";

const ACTION_FOR_PURPOSE: Readonly<Record<Purpose, Action | null>> = {
  acknowledgement: { kind: "acknowledge" },
  researching: { kind: "acknowledge" },
  routed: { kind: "route", to: "another department" },
  requestInfo: { kind: "awaitInformation" },
  outOfScope: { kind: "respond" },
  generalInfoUntilVerified: { kind: "respond" },
  specialistInfo: { kind: "respond" },
  followUp: { kind: "followUp" },
  resolution: { kind: "respond" },
};

/** The event a template's reply stands for, once sent. */
export function actionForPurpose(purpose: Purpose): Action | null {
  return ACTION_FOR_PURPOSE[purpose] ?? null;
}

/** The action of the last template drafted for this inquiry ("id@version" in templatesUsed), or null. */
export function draftedAction(templatesUsed: readonly string[] | undefined, templates: readonly Template[]): Action | null {
  const last = templatesUsed?.[templatesUsed.length - 1];
  if (!last) return null;
  const id = last.slice(0, last.lastIndexOf("@") < 0 ? last.length : last.lastIndexOf("@"));
  const t = templates.find((x) => x.id === id);
  return t ? actionForPurpose(t.purpose) : null;
}
