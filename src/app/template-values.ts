/**
 * The values a template's placeholders are filled from, made in one place: the organisation's
 * details from the settings, the member's name and the missing information from the open email
 * (when there is one), then what the advocate typed over them.
 */
import { hoursIn, type Organisation } from "../domain/settings";

export interface TemplateContext {
  /** The sender's display name, as the pane shows it. */
  readonly memberName?: string;
  /** What the classifier found missing, one per line in the template. */
  readonly missingFields?: readonly string[];
  /** The reply's language: its opening hours come in it (none in the settings: the advocate types them). */
  readonly language?: string;
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
    ...(hoursIn(organisation, context.language ?? "en") !== undefined ? { hours: hoursIn(organisation, context.language ?? "en")! } : {}),
    ...(context.missingFields !== undefined ? { missingFields: context.missingFields.join("\n") } : {}),
    ...typed,
  };
}
