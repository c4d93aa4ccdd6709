import { describe, expect, it } from "vitest";
import { parseDialogMessage } from "./office-dialog";

describe("the sign-in dialog's message", () => {
  it("yields a token only from a well-formed success message", () => {
    expect(parseDialogMessage('{"status":"success","accessToken":"t","username":"a@b","name":"A"}')).toEqual({ accessToken: "t", username: "a@b", name: "A" });
    expect(parseDialogMessage('{"status":"error"}')).toBeNull();
    expect(parseDialogMessage("<script>")).toBeNull();
    expect(parseDialogMessage('{"status":"success","accessToken":42}')).toBeNull();
  });
});
