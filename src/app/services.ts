/** What the pane is composed of: one adapter per outside system, and the domain services. */
import type { SignIn } from "../adapters/auth/types";
import type { InquiryLogService } from "../adapters/graph/log-service";
import type { MailboxAdapter } from "../adapters/mailbox/types";
import type { KeyValueStore } from "../adapters/storage/types";
import type { BusinessCalendar } from "../domain/calendar/calendar";
import type { Classifier } from "../domain/classify/classifier";
import type { DeploymentSettings } from "../domain/settings";
import type { Template } from "../domain/templates/templates";

export interface PaneServices {
  readonly mailbox: MailboxAdapter;
  readonly store: KeyValueStore;
  readonly settings: DeploymentSettings;
  readonly classifier: Classifier;
  readonly calendar: BusinessCalendar;
  /** Approved response templates (the defaults until the templates list is read). */
  readonly templates: readonly Template[];
  /** The SharePoint log, loaded after the first paint; null when the deployment has none configured. */
  readonly log: Promise<{ readonly service: InquiryLogService; readonly signIn: SignIn; readonly templates: Promise<readonly Template[]> } | null>;
}
