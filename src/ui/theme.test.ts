import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { describe, expect, it } from "vitest";
import { PANE_THEMES, paneThemeName } from "./theme";

describe("the pane's theme", () => {
  it("is Fluent's dark theme in Office's dark theme, light otherwise, and high contrast whenever the system forces colours", () => {
    expect(paneThemeName({ isDark: true }, false)).toBe("dark");
    expect(paneThemeName({ isDark: false }, false)).toBe("light");
    expect(paneThemeName(null, false)).toBe("light");
    expect(paneThemeName({ isDark: true }, true)).toBe("highContrast");
    expect(PANE_THEMES).toEqual({ light: webLightTheme, dark: webDarkTheme, highContrast: teamsHighContrastTheme });
  });
});
