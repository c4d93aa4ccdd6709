import { describe, expect, it } from "vitest";
import { LocalStore } from "./local";

class MemoryStorage implements Storage {
  private m = new Map<string, string>();
  get length() { return this.m.size; }
  clear() { this.m.clear(); }
  getItem(k: string) { return this.m.get(k) ?? null; }
  key(i: number) { return [...this.m.keys()][i] ?? null; }
  removeItem(k: string) { this.m.delete(k); }
  setItem(k: string, v: string) { this.m.set(k, v); }
}

describe("local key-value store", () => {
  it("keeps values across instances (a reloaded pane) under its own prefix", async () => {
    const storage = new MemoryStorage();
    await new LocalStore("triage", storage).set("correction:<m1>", { category: "appeal" });
    expect(await new LocalStore("triage", storage).get("correction:<m1>")).toEqual({ category: "appeal" });
    expect(storage.getItem("triage:correction:<m1>")).not.toBeNull();
  });

  it("reads a corrupted value as absent", async () => {
    const storage = new MemoryStorage();
    storage.setItem("triage:k", "{not json");
    expect(await new LocalStore("triage", storage).get("k")).toBeUndefined();
  });

  it("falls back to memory when storage is blocked", async () => {
    const blocked = new MemoryStorage();
    blocked.setItem = () => {
      throw new Error("SecurityError");
    };
    const store = new LocalStore("triage", blocked);
    expect(store.durable).toBe(false);
    await store.set("k", 1);
    expect(await store.get("k")).toBe(1);
  });
});
