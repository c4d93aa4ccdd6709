/**
 * Sends the pane's training examples (docs/decisions/0074) to the "Triage Corrections" list in the
 * background: each is stored in the durable outbox first (`TrainingOutbox`), then written with
 * `writeCorrection` (idempotent by its key), and forgotten only once the list has it. A failed
 * round (offline, throttled, signed out, the list not provisioned yet) is tried again with backoff,
 * never dropped. Nothing here is shown to the advocate: a correction is theirs to make, the
 * training example is a by-product; failures are logged as codes only.
 */
import type { CorrectionRecord } from "./corrections-list";
import type { TrainingEntry, TrainingOutbox } from "../storage/training-outbox";

export interface CorrectionsSenderDeps {
  /** Writes one record to the list (writeCorrection on the site's client). */
  readonly write: (record: CorrectionRecord) => Promise<void>;
  /** A failed write, as a status code only (never the record). */
  readonly onFailure?: (status: number) => void;
  readonly maxBackoffMs?: number;
}

export class CorrectionsSender {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private backoffMs = 0;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly outbox: TrainingOutbox,
    private readonly deps: CorrectionsSenderDeps,
  ) {}

  /** Starts sending what an earlier pane left unsent. */
  start(): this {
    this.kick();
    return this;
  }

  /** Stores the record durably, then sends it in the background. */
  async record(record: CorrectionRecord): Promise<void> {
    await this.outbox.put(record);
    this.backoffMs = 0;
    this.kick();
  }

  /** What still waits to be stored in the list. */
  pending(): Promise<TrainingEntry[]> {
    return this.outbox.pending();
  }

  /** Sends what waits now and returns when the round is done (tests; the pane never waits for it). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    while (this.running) await this.running;
    await this.send();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private kick(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.send(), this.backoffMs);
  }

  private send(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const round = this.round().finally(() => {
      this.running = null;
    });
    this.running = round;
    return round;
  }

  private async round(): Promise<void> {
    let failed = false;
    for (const entry of await this.outbox.pending()) {
      try {
        await this.deps.write(entry.record);
        await this.outbox.settle(entry);
      } catch (e) {
        failed = true;
        const status = (e as { statusCode?: unknown }).statusCode;
        this.deps.onFailure?.(typeof status === "number" ? status : 0);
      }
    }
    const max = this.deps.maxBackoffMs ?? 300_000;
    this.backoffMs = failed ? Math.min(max, Math.max(2_000, this.backoffMs * 2)) : 0;
    if (failed || this.again) {
      this.again = false;
      this.kick();
    }
  }
}
