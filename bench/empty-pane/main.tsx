/**
 * The bench's yardstick: an empty React + Fluent UI task pane in the shape of Microsoft's React
 * template (office.js in the head; a FluentProvider, a header and one line of text rendered once
 * Office.onReady has resolved), built by the same toolchain as the pane.
 */
import { FluentProvider, Text, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

// marked on the first frame after the first render, as the pane marks "triage:visible"
const onPainted = (el: HTMLElement | null) => {
  if (el) requestAnimationFrame(() => performance.mark("empty:painted"));
};

const render = () =>
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

// the template renders in Office.onReady; the bench's variant without office.js renders at once
if (typeof Office !== "undefined") void Office.onReady(render);
else render();
