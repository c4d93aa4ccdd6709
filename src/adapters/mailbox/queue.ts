/**
 * Runs asynchronous host calls one at a time, in order. Some Outlook hosts allow only three calls
 * in flight and fail the rest; the pane never needs parallel calls, so it never makes them.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
