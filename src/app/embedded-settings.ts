/** The deployment's settings embedded by the build (TRIAGE_SETTINGS), or the fictional defaults; throws when they are not valid. */
import { parseSettings, type DeploymentSettings } from "../domain/settings";

declare const __TRIAGE_SETTINGS__: unknown;

export function embeddedSettings(): DeploymentSettings {
  return parseSettings(typeof __TRIAGE_SETTINGS__ === "undefined" ? null : __TRIAGE_SETTINGS__);
}
