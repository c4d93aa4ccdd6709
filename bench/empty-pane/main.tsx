/**
 * The bench's yardstick: an empty React + Fluent UI task pane in the shape of Microsoft's React
 * template (a FluentProvider, a header, one line of text), built by the same toolchain as the pane.
 */
import { FluentProvider, Text, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

// marked on the first frame after the first render, as the pane marks "triage:visible"
const onPainted = (el: HTMLElement | null) => {
  if (el) requestAnimationFrame(() => performance.mark("empty:painted"));
};

createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={webLightTheme}>
    <main>
      <h1>Task pane</h1>
      <Text data-testid="ready" ref={onPainted}>
        Ready
      </Text>
    </main>
  </FluentProvider>,
);
