/**
 * Around each part of the pane that loads later (the team views, the turnaround): if its code
 * cannot be fetched or it throws, the rest of the pane stays, and this says so with a retry.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { Component, type ReactNode } from "react";
import { logEvent } from "./log";

export interface PartBoundaryProps {
  /** What the part is, for the message: "the team queue". */
  readonly part: string;
  /** Loads the part afresh and renders it again (the parent remounts this boundary with a new key). */
  readonly onRetry: () => void;
  readonly children: ReactNode;
}

export class PartBoundary extends Component<PartBoundaryProps, { failed: boolean; retrying: boolean }> {
  override state = { failed: false, retrying: false };

  static getDerivedStateFromError(): { failed: boolean; retrying: boolean } {
    return { failed: true, retrying: false };
  }

  override componentDidCatch(): void {
    logEvent("pane.part-failed"); // the event only: an error's text may quote an email
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline" data-testid="part-failed">
        <MessageBarBody>{`${this.props.part[0]!.toUpperCase()}${this.props.part.slice(1)} could not be loaded. The rest of the pane still works.`}</MessageBarBody>
        <MessageBarActions>
          <Button
            size="small"
            data-testid="part-retry"
            disabledFocusable={this.state.retrying}
            onClick={() => {
              if (this.state.retrying) return;
              this.setState({ retrying: true });
              this.props.onRetry();
            }}
          >
            {this.state.retrying ? "Trying again…" : "Try again"}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
