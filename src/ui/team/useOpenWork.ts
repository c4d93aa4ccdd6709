/**
 * Open inquiries from the list, for the lead's queue or an advocate's own work: read when asked,
 * and again whenever the pane's pending writes have all been saved (so an assignment shows at once
 * as the list holds it, conflicts included).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { LogStatus } from "../../adapters/graph/log-service";
import type { InquiryRecord } from "../../domain/inquiry/record";
import { logEvent } from "../log";

export function useOpenWork(load: () => Promise<InquiryRecord[]>, status: LogStatus | null) {
  const [records, setRecords] = useState<InquiryRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const r = await load();
      if (mine !== generation.current) return;
      setRecords(r);
      setError(null);
    } catch {
      if (mine !== generation.current) return;
      logEvent("work.read-failed");
      setError("SharePoint did not answer, so this list may be out of date. Try Refresh in a moment.");
    }
  }, [load]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const pending = status?.pending ?? 0;
  const conflicts = status?.conflicts.length ?? 0;
  const before = useRef({ pending, conflicts });
  useEffect(() => {
    if ((before.current.pending > 0 && pending === 0) || conflicts !== before.current.conflicts) void refresh();
    before.current = { pending, conflicts };
  }, [pending, conflicts, refresh]);
  return { records, error, refresh, setRecords };
}
