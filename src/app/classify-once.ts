/**
 * A classifier that classifies one item once per mailbox it is read for: the pane makes one per
 * open item, so the minute clock re-runs triage without reading the email again.
 */
import type { Classification, Classifier, EmailInput } from "../domain/classify/classifier";

export function classifyOnce(classifier: Pick<Classifier, "classify">): Pick<Classifier, "classify"> {
  const seen = new Map<string, Classification>();
  return {
    classify(input: EmailInput): Classification {
      const key = input.mailbox ?? "";
      let c = seen.get(key);
      if (!c) {
        c = classifier.classify(input);
        seen.set(key, c);
      }
      return c;
    },
  };
}
