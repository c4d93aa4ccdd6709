/** An advocate's own open inquiries, most urgent first. */
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useMemo } from "react";
import type { InquiryLogService, LogStatus } from "../../adapters/graph/log-service";
import type { BusinessCalendar } from "../../domain/calendar/calendar";
import { myWork } from "../../domain/team/queue";
import type { SlaPolicy } from "../../domain/sla/policies";
import { useOpenWork } from "./useOpenWork";
import { WorkTable } from "./WorkTable";

const useStyles = makeStyles({
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300 },
  bar: { display: "flex", justifyContent: "space-between", alignItems: "baseline", gap: tokens.spacingHorizontalS },
});

export interface MyWorkProps {
  readonly service: InquiryLogService;
  readonly me: string;
  readonly status: LogStatus | null;
  readonly calendar: BusinessCalendar;
  readonly policies: readonly SlaPolicy[];
  readonly now: number;
}

export function MyWork({ service, me, status, calendar, policies, now }: MyWorkProps) {
  const styles = useStyles();
  const load = useCallback(() => service.assignedTo(me), [service, me]);
  const { records, error, refresh } = useOpenWork(load, status);
  const items = useMemo(() => (records ? myWork(records, me, calendar, policies, now) : null), [records, me, calendar, policies, now]);
  return (
    <section aria-labelledby="my-work-heading">
      <div className={styles.bar}>
        <h2 id="my-work-heading" className={styles.heading}>
          Assigned to you{items ? ` (${items.length})` : ""}
        </h2>
        <Button size="small" onClick={() => void refresh()}>
          Refresh
        </Button>
      </div>
      {error ? (
        <MessageBar intent="warning">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {items ? <WorkTable caption="Your open inquiries" items={items} calendar={calendar} testId="my-work" showAssignee={false} /> : <Spinner size="tiny" label="Reading the list…" />}
    </section>
  );
}
