/**
 * The values a template's placeholders are filled from, made in one place: the organisation's
 * details from the settings, the member's name and the missing information from the open email
 * (when there is one), then what the advocate typed over them.
 */
import type { Organisation } from "../domain/settings";

export interface TemplateContext {
  /** The sender's display name, as the pane shows it. */
  readonly memberName?: string;
  /** What the classifier found missing, one per line in the template. */
  readonly missingFields?: readonly string[];
}

export function templateValues(
  organisation: Organisation,
  context: TemplateContext = {},
  typed: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return {
    ...(context.memberName !== undefined ? { memberName: context.memberName } : {}),
    organisationName: organisation.name,
    memberServicesPhone: organisation.memberServicesPhone,
    ttyPhone: organisation.ttyPhone,
    hours: organisation.hours,
    ...(context.missingFields !== undefined ? { missingFields: context.missingFields.join("\n") } : {}),
    ...typed,
  };
}
