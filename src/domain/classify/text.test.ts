import { describe, expect, it } from "vitest";
import { decodeEntities, htmlToText, splitQuoted, stripBoilerplate } from "./text";

describe("htmlToText", () => {
  it("drops scripts, styles and comments as text and keeps the words", () => {
    const t = htmlToText('<style>p{color:red}</style><script>alert("x")</script><!-- hidden --><p>Hello&nbsp;<b>there</b></p><p>line&amp;two</p>');
    expect(t).toBe("Hello there\n\nline&two");
  });

  it("survives unclosed and malformed markup", () => {
    expect(htmlToText("<p>ok<script>never closed")).toBe("ok");
    expect(htmlToText("<div><p>a</div></p><b")).toBe("a");
  });

  it("marks a quoted reply so it can be set apart", () => {
    const t = htmlToText("<p>new words</p><blockquote><p>old words</p></blockquote>");
    expect(splitQuoted(t)).toEqual({ own: "new words", quoted: expect.stringContaining("old words") });
  });
});

describe("quoted history and boilerplate", () => {
  it("splits at an Outlook original-message header", () => {
    const parts = splitQuoted("Please help.\n\nFrom: A <a@x>\nSent: Monday\nTo: B\nSubject: s\n\nOlder text");
    expect(parts.own).toBe("Please help.");
    expect(parts.quoted).toMatch(/^From: A/);
  });

  it("drops confidentiality notices", () => {
    expect(stripBoilerplate("Hi\nCONFIDENTIALITY NOTICE: this e-mail is for the intended recipient only.\nBye")).toBe("Hi\nBye");
  });
});

describe("entities and tokens", () => {
  it("decodes numeric and named entities and refuses invalid code points", () => {
    expect(decodeEntities("&#233;&#x41;&lt;&bogus;&#xD800;")).toBe("éA<&bogus; ");
  });

});
