/**
 * The pane follows Office's theme (decision 45): Fluent's dark theme when Office's is dark, its
 * high-contrast theme when the system forces colours (Windows high contrast), its light theme
 * otherwise — and again whenever Office's theme or the system's setting changes.
 */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { HostTheme, MailboxAdapter } from "../adapters/mailbox/types";

export type PaneThemeName = "light" | "dark" | "highContrast";

export const PANE_THEMES: Readonly<Record<PaneThemeName, Theme>> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};

/** Forced colours (the system's high contrast) win; then Office's dark or light; light when the host says nothing. */
export function paneThemeName(host: HostTheme | null, forcedColors: boolean): PaneThemeName {
  if (forcedColors) return "highContrast";
  return host?.isDark ? "dark" : "light";
}

function forcedColorsQuery(): MediaQueryList | null {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" ? window.matchMedia("(forced-colors: active)") : null;
}

export function usePaneTheme(mailbox: MailboxAdapter): PaneThemeName {
  const read = () => paneThemeName(mailbox.theme?.() ?? null, forcedColorsQuery()?.matches === true);
  const [name, setName] = useState<PaneThemeName>(read);
  useEffect(() => {
    const update = () => setName(read());
    const off = mailbox.onThemeChanged?.(update);
    const query = forcedColorsQuery();
    query?.addEventListener?.("change", update);
    return () => {
      off?.();
      query?.removeEventListener?.("change", update);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mailbox]);
  return name;
}
