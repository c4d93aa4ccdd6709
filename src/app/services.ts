/** What the pane is composed of: one adapter per outside system, and the domain services. */
import type { SignIn } from "../adapters/auth/types";
import type { InquiryLogService } from "../adapters/graph/log-service";
import type { CorrectionRecord } from "../adapters/sharepoint/corrections-list";
import type { MailboxAdapter } from "../adapters/mailbox/types";
import type { KeyValueStore } from "../adapters/storage/types";
import type { BusinessCalendar } from "../domain/calendar/calendar";
import type { Classifier } from "../domain/classify/classifier";
import type { LinearModel } from "../domain/classify/model";
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
  readonly log: Promise<PaneLogParts | null>;
  /**
   * The shared model and how to make the classifier on a model: for the training examples the
   * pane writes (decision 70) and the tenant's adjustment (decision 74). Without it the pane
   * neither writes examples nor loads a tenant model.
   */
  readonly models?: { readonly shared: LinearModel; readonly classifierOn: (model: LinearModel) => Classifier };
}

/** What the log brings once loaded (app/log-setup.ts makes it). */
export interface PaneLogParts {
  readonly service: InquiryLogService;
  readonly signIn: SignIn;
  readonly templates: Promise<readonly Template[]>;
  /** Stores a training example durably and writes it to the site's "Triage Corrections" list in the background. */
  readonly corrections?: (record: CorrectionRecord) => Promise<void>;
  /** The site's active tenant adjustment, or null (one list read; called once signed in). */
  readonly tenantModel?: () => Promise<LinearModel | null>;
}
