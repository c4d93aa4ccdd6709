/**
 * KeyValueStore over window.localStorage, namespaced. Reads are defensive: a value that is not JSON
 * (edited by hand, or written by an older version) reads as absent instead of breaking the pane.
 * When storage is unavailable (blocked, private mode, full) it keeps values in memory and says so.
 */
import type { KeyValueStore } from "./types";

export class LocalStore implements KeyValueStore {
  private readonly memory = new Map<string, string>();
  readonly durable: boolean;

  constructor(
    private readonly prefix: string,
    private readonly storage: Storage | undefined = typeof localStorage === "undefined" ? undefined : localStorage,
  ) {
    let ok = false;
    try {
      if (this.storage) {
        const probe = `${prefix}:probe`;
        this.storage.setItem(probe, "1");
        this.storage.removeItem(probe);
        ok = true;
      }
    } catch {
      ok = false;
    }
    this.durable = ok;
  }

  private key(k: string): string {
    return `${this.prefix}:${k}`;
  }

  async get<T>(key: string): Promise<T | undefined> {
    let raw: string | null | undefined;
    try {
      raw = this.durable ? this.storage!.getItem(this.key(key)) : this.memory.get(key);
    } catch {
      raw = this.memory.get(key);
    }
    if (raw === null || raw === undefined) return undefined;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return undefined;
    }
  }

  async set<T>(key: string, value: T): Promise<void> {
    const raw = JSON.stringify(value);
    this.memory.set(key, raw);
    if (!this.durable) return;
    try {
      this.storage!.setItem(this.key(key), raw);
    } catch {
      // quota or policy: the memory copy still serves this session
    }
  }

  async delete(key: string): Promise<void> {
    this.memory.delete(key);
    if (!this.durable) return;
    try {
      this.storage!.removeItem(this.key(key));
    } catch {
      // ignore
    }
  }
}
