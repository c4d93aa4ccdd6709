/**
 * The pane's keyboard shortcuts: Alt+Shift and a letter, while focus is in the pane (decision 63).
 * Alt+Shift keeps clear of Outlook's own single-key and Ctrl shortcuts and of text entry.
 */
import { useEffect, useRef } from "react";

export const SHORTCUTS = {
  assign: "A",
  acknowledge: "K",
  respond: "R",
  insertTemplate: "T",
  forward: "G",
} as const;

/** The aria-keyshortcuts value for a shortcut letter. */
export const ariaShortcut = (letter: string): string => `Alt+Shift+${letter}`;

/** Runs `handler` on Alt+Shift+letter anywhere in the pane's document while `enabled`. */
export function useShortcut(letter: string, handler: () => void, enabled = true): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey || e.repeat) return;
      if (e.code !== `Key${letter}`) return;
      e.preventDefault();
      latest.current();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [letter, enabled]);
}
