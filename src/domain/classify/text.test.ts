import { describe, expect, it } from "vitest";
import { MAX_ANALYSED_CHARS, decodeEntities, htmlToText, normalize, splitQuoted, stripBoilerplate } from "./text";

describe("htmlToText", () => {
  it("drops scripts, styles and comments as text and keeps the words", () => {
    const t = htmlToText('<style>p{color:red}</style><script>alert("x")</script><!-- hidden --><p>Hello&nbsp;<b>there</b></p><p>line&amp;two</p>');
    expect(t).toBe("Hello there\n\nline&two");
  });

  it("survives unclosed and malformed markup", () => {
    expect(htmlToText("<p>ok<script>never closed")).toBe("ok");
    expect(htmlToText("<div><p>a</div></p><b")).toBe("a");
  });

  it("keeps the words after the last tag, and never joins or splits words at inline tags", () => {
    expect(htmlToText("<p>Hi</p>plain tail")).toBe("Hi\nplain tail");
    expect(htmlToText("<b>Un</b>believable")).toBe("Unbelievable");
    expect(htmlToText("<p>one</p> two")).toBe("one\ntwo"); // a line never starts with the space after a block
  });

  it("drops a comment whole, even with a > inside, and leaves a space where it was", () => {
    expect(htmlToText("Before<!-- if x > y -->After")).toBe("Before After");
    expect(htmlToText("a<!-- c -->b")).toBe("a b");
    // a "-->" before the comment is text, and the comment still ends at its own "-->"
    expect(htmlToText("x--><!-- c -->y")).toBe("x--> y");
  });

  it("drops every script, in any case, and leaves a space where each was", () => {
    expect(htmlToText("a<script>x</script>b")).toBe("a b");
    expect(htmlToText("<SCRIPT>x</SCRIPT>after")).toBe("after");
    expect(htmlToText("<script>a</script>one <script>b</script>two")).toBe("one two");
  });

  it("separates table cells, header cells too, and ends a line with each row", () => {
    expect(htmlToText("<table><tr><th>Name</th><th>Plan</th></tr><tr><td>a</td><td>b</td></tr></table>")).toBe("Name Plan\n\na b");
  });

  it("marks quoted history only for a blockquote or a mail client's quote division", () => {
    expect(htmlToText('<div class="gmail_quote">old</div>')).toBe("-----Original Message-----\nold");
    expect(htmlToText('<span class="gmail_quote">x</span>')).toBe("x");
    expect(htmlToText("<div>Hello</div><div>World</div>")).toBe("Hello\n\nWorld"); // one division ends, the next starts
  });

  it("reads a megabyte to its last word, and stops after four times the analysed length of markup", () => {
    const tail = "please reconsider the denial";
    expect(htmlToText("<p>" + "x".repeat(1_000_000) + "</p><p>" + tail + "</p>").endsWith(`x\n\n${tail}`)).toBe(true);
    const huge = "x".repeat(MAX_ANALYSED_CHARS * 4) + "<p>" + tail + "</p>";
    expect(htmlToText(huge)).toBe("x".repeat(MAX_ANALYSED_CHARS * 4));
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

  it("calls a forward with no words of its own all quoted, and a forward of a thread its first message", () => {
    expect(splitQuoted("From: Ana <ana@example.com>\nSent: Monday\nTo: B\nSubject: s\n\nMy card never came.\n")).toEqual({
      own: "",
      quoted: "From: Ana <ana@example.com>\nSent: Monday\nTo: B\nSubject: s\n\nMy card never came.",
    });
    expect(splitQuoted("From: A\nSent: Mon\n\nPlease help with my card.\n\nFrom: B\nSent: Sun\n\nolder")).toEqual({
      own: "From: A\nSent: Mon\n\nPlease help with my card.",
      quoted: "From: B\nSent: Sun\n\nolder",
    });
  });

  it("keeps an email with no quoted history whole as the sender's own words, and trims both parts", () => {
    expect(splitQuoted("  Please send a new card.\nThank you\n")).toEqual({ own: "Please send a new card.\nThank you", quoted: "" });
    // one line break before the second header: the last character of the first message stays its own
    expect(splitQuoted("From: A\nSent: Mon\n\nPlease help.\nFrom: B\nSent: Sun\n\nolder\n\n")).toEqual({
      own: "From: A\nSent: Mon\n\nPlease help.",
      quoted: "From: B\nSent: Sun\n\nolder",
    });
  });

  it("drops confidentiality notices", () => {
    expect(stripBoilerplate("Hi\nCONFIDENTIALITY NOTICE: this e-mail is for the intended recipient only.\nBye")).toBe("Hi\nBye");
  });

  it("drops every disclaimer and device line, however many, and keeps the lines between them", () => {
    expect(stripBoilerplate("Hi\nCONFIDENTIALITY NOTICE: this e-mail is for the intended recipient only.\nSent from my iPhone\nBye")).toBe("Hi\nBye");
    expect(stripBoilerplate("Hi\nSent from my iPhone\nStill waiting.\nThis message may be confidential.\nBye")).toBe("Hi\nStill waiting.\nBye");
    expect(stripBoilerplate("Call me.\nSent from my iPhone")).toBe("Call me.\n");
  });

  it("folds the 'I am a' field's words: lower case, accents and apostrophes off, hyphens and slashes split", () => {
    expect(normalize("Parent/Guardian")).toBe("parent guardian");
    expect(normalize("O'Brien's_Office")).toBe("obriens office");
    expect(normalize("Mamá-Papá")).toBe("mama papa");
    expect(normalize("Đà Nẵng")).toBe("da nang");
    expect(normalize("It’s a mamá/papá")).toBe("its a mama papa");
  });
});

describe("entities and tokens", () => {
  it("decodes numeric and named entities and refuses invalid code points", () => {
    expect(decodeEntities("&#233;&#x41;&lt;&bogus;&#xD800;")).toBe("éA<&bogus; ");
    expect(decodeEntities("&#X41;")).toBe("A");
    // the last code point is one; past it, zero and the surrogates are not (a space instead)
    expect(decodeEntities("&#x10FFFF;|&#x110000;|&#1114112;|&#0;|&#xDFFF;|&#xD7FF;|&#xE000;")).toBe("\u{10FFFF}| | | | |\uD7FF|\uE000");
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
    const html =
      '<div class="x"><p>Hi team,</p><p>My claim&nbsp;#123 was denied.<br>Please help.</p><table><tr><td>a</td><td>b</td></tr></table><div class="gmail_quote">On Mon, A wrote:<blockquote>old</blockquote></div></div>';
    expect(htmlToText(html)).toBe(
      "Hi team,\n\nMy claim #123 was denied.\nPlease help.\n\na b\n\n-----Original Message-----\nOn Mon, A wrote:\n-----Original Message-----\nold",
    );
  });
});
