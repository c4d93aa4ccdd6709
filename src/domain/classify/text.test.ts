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

describe("htmlToText on hostile bodies", () => {
  // Each shape at n characters, made of a repeated unit. Linear time: reading it once costs about
  // as much as reading eight pieces of n/8; a quadratic pass costs eight times as much (at a
  // megabyte, minutes). The ratio holds on any machine, instrumented or not; the bench holds the
  // 50 ms target for a 1 MB body.
  const N = 1 << 18;
  const shapes: Record<string, (n: number) => string> = {
    "<p then a long run of <": (n) => "<p" + "<".repeat(n),
    "unclosed comments": (n) => "<!--".repeat(n / 4),
    "unclosed scripts": (n) => "<script".repeat(Math.floor(n / 7)),
    "tags that never close": (n) => "<a href=x ".repeat(Math.floor(n / 10)),
    "closing tags": (n) => "</td>".repeat(Math.floor(n / 5)),
    "spaces without a line break": (n) => `<p>${" ".repeat(n)}x</p>`,
  };
  const fastest = (run: () => void): number => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      run();
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  };
  for (const [name, shape] of Object.entries(shapes)) {
    it(`reads ${name} in time linear in its size`, () => {
      const whole = shape(N);
      const piece = shape(N / 8);
      htmlToText(piece);
      const once = fastest(() => htmlToText(whole));
      const inPieces = fastest(() => {
        for (let i = 0; i < 8; i++) htmlToText(piece);
      });
      expect(once / inPieces).toBeLessThan(3);
      expect(htmlToText(whole).length).toBeLessThan(whole.length);
    });
  }

  it("gives ordinary mail the same text as the string rules it replaces", () => {
    const html = '<div class="x"><p>Hi team,</p><p>My claim&nbsp;#123 was denied.<br>Please help.</p><table><tr><td>a</td><td>b</td></tr></table><div class="gmail_quote">On Mon, A wrote:<blockquote>old</blockquote></div></div>';
    expect(htmlToText(html)).toBe("Hi team,\n\nMy claim #123 was denied.\nPlease help.\n\na b\n\n-----Original Message-----\nOn Mon, A wrote:\n-----Original Message-----\nold");
  });
});
