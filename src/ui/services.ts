/** What the pane is composed of: one adapter per outside system, and the domain services. */
import type { MailboxAdapter } from "../adapters/mailbox/types";
import type { KeyValueStore } from "../adapters/storage/types";
import type { BusinessCalendar } from "../domain/calendar/calendar";
import type { Classifier } from "../domain/classify/classifier";
import type { DeploymentSettings } from "../domain/settings";

export interface PaneServices {
  readonly mailbox: MailboxAdapter;
  readonly store: KeyValueStore;
  readonly settings: DeploymentSettings;
  readonly classifier: Classifier;
  readonly calendar: BusinessCalendar;
}
