import { describe, expect, it, vi } from "vitest";
import { OUTLOOK_CLIENTS, PERMISSIONS, createFakeOffice } from "../../../test/fakes/office";
import { parseSettings } from "../../domain/settings";
import { resolveMailbox } from "../../domain/inquiry/triage";
import { channelAddresses } from "./types";
import { OfficeMailbox } from "./office";

const message = {
  subject: "Question about my EOB",
  from: { displayName: "Pat Doe", emailAddress: "Pat.Doe@Example.com" },
  to: [{ displayName: "Secure messages", emailAddress: "securemessages@plan.example" }],
  body: "Hello, my claim was denied.",
  internetMessageId: "<abc@example.com>",
  conversationId: "conv-1",
  itemId: "AAMk1",
};

describe("Outlook mailbox adapter", () => {
  it("reads the open message as text with its ids, people and received time", async () => {
    const fake = createFakeOffice();
    fake.select({ ...message, shared: OUTLOOK_CLIENTS.web("securemessages@plan.example") });
    const item = await new OfficeMailbox(fake.office).readItem();
    expect(item).toMatchObject({
      subject: "Question about my EOB",
      from: { name: "Pat Doe", address: "pat.doe@example.com" },
      to: [{ address: "securemessages@plan.example" }],
      body: { type: "text", content: "Hello, my claim was denied." },
      internetMessageId: "<abc@example.com>",
      conversationId: "conv-1",
      itemId: "AAMk1",
      receivedAt: "2026-03-04T16:00:00.000Z",
      mailboxAddress: "securemessages@plan.example",
    });
    expect(fake.stats.calls).toContain("body.getAsync:text");
  });

  it("uses the user's own mailbox when the item is not in a shared folder or the host lacks Mailbox 1.8", async () => {
    const fake = createFakeOffice({ requirementSets: { Mailbox: "1.5" }, userEmail: "Me@plan.example" });
    fake.select(message);
    const item = await new OfficeMailbox(fake.office).readItem();
    expect(item?.mailboxAddress).toBe("me@plan.example");
    expect(fake.stats.calls).not.toContain("getSharedPropertiesAsync");
  });

  it("never has more than one Office call in flight, however many reads are asked for at once", async () => {
    const fake = createFakeOffice();
    fake.select({ ...message, shared: OUTLOOK_CLIENTS.web("securemessages@plan.example") });
    const mailbox = new OfficeMailbox(fake.office);
    mailbox.onItemChanged(() => undefined);
    await Promise.all([mailbox.readItem(), mailbox.readItem(), mailbox.readItem(), mailbox.readItem()]);
    expect(fake.stats.calls.length).toBeGreaterThanOrEqual(9);
    expect(fake.stats.maxInFlight).toBe(1);
  });

  it("returns no item when nothing is selected", async () => {
    const fake = createFakeOffice();
    fake.select(null);
    expect(await new OfficeMailbox(fake.office).readItem()).toBeNull();
  });

  it("turns a failed body read into an error the pane can show, without the body in it", async () => {
    const fake = createFakeOffice();
    fake.select({ ...message, bodyFails: true });
    await expect(new OfficeMailbox(fake.office).readItem()).rejects.toThrow(/could not complete the request \(9002\)/);
  });

  it("tells every listener when a pinned pane's item changes, and stops after unsubscribe", async () => {
    const fake = createFakeOffice();
    const mailbox = new OfficeMailbox(fake.office);
    const a = vi.fn();
    const b = vi.fn();
    const offA = mailbox.onItemChanged(a);
    mailbox.onItemChanged(b);
    await new Promise((r) => setTimeout(r, 10));
    fake.fireItemChanged();
    offA();
    fake.fireItemChanged();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
    expect(fake.stats.calls.filter((c) => c === "addHandlerAsync")).toHaveLength(1);
  });

  it("opens a reply or reply-all with the HTML on top", async () => {
    const fake = createFakeOffice();
    fake.select(message);
    const mailbox = new OfficeMailbox(fake.office);
    const item = fake.office.context.mailbox.item as unknown as { displayReplyForm: (h: string) => void; displayReplyAllForm: (h: string) => void };
    const calls: string[] = [];
    item.displayReplyForm = (h) => calls.push(`reply:${h}`);
    item.displayReplyAllForm = (h) => calls.push(`all:${h}`);
    // the fake builds the item on each read; keep this one
    Object.defineProperty(fake.office.context.mailbox, "item", { value: item });
    await mailbox.reply("<p>Hi</p>", false);
    await mailbox.reply("<p>All</p>", true);
    expect(calls).toEqual(["reply:<p>Hi</p>", "all:<p>All</p>"]);
  });

  it("in compose mode inserts at the cursor as HTML or text to match the draft, and reads the draft", async () => {
    const fake = createFakeOffice();
    const html = { bodyType: "html" as const, draft: "Dear Pat", inserted: [] as { data: string; coercion: string }[] };
    fake.compose(html);
    const mailbox = new OfficeMailbox(fake.office);
    expect(mailbox.isComposing()).toBe(true);
    expect(await mailbox.readItem()).toBeNull();
    await mailbox.insertAtCursor("<p>Hi</p>", "Hi");
    expect(html.inserted).toEqual([{ data: "<p>Hi</p>", coercion: "html" }]);
    expect(await mailbox.readDraftText()).toBe("Dear Pat");
    const text = { bodyType: "text" as const, draft: "", inserted: [] as { data: string; coercion: string }[] };
    fake.compose(text);
    await mailbox.insertAtCursor("<p>Hi</p>", "Hi");
    expect(text.inserted).toEqual([{ data: "Hi", coercion: "text" }]);
    expect(fake.stats.maxInFlight).toBe(1);
  });

  it("keeps working on a host without ItemChanged", async () => {
    const fake = createFakeOffice({ itemChangedSupported: false });
    fake.select(message);
    const mailbox = new OfficeMailbox(fake.office);
    mailbox.onItemChanged(() => undefined);
    expect((await mailbox.readItem())?.subject).toBe("Question about my EOB");
  });

  describe("which mailbox an email came to, on each Outlook client", () => {
    const settings = parseSettings(null);
    // one member writes to two plan mailboxes at once; the copy open is the one in Secure Messages
    const toTwo = {
      ...message,
      to: [
        { displayName: "Member services", emailAddress: "MemberServices@plan.example" },
        { displayName: "Secure messages", emailAddress: "SecureMessages@plan.example" },
      ],
    };
    const channelOf = async (fake: ReturnType<typeof createFakeOffice>) => {
      const item = await new OfficeMailbox(fake.office).readItem();
      return { item, channel: resolveMailbox(channelAddresses(item!), settings.mailboxAddresses) };
    };

    for (const [client, shape] of Object.entries(OUTLOOK_CLIENTS)) {
      it(`${client}: a mail to two plan mailboxes gets the channel of the shared mailbox it is open in (its owner), not the first recipient`, async () => {
        const fake = createFakeOffice({ userEmail: "ana@plan.example" });
        fake.select({ ...toTwo, shared: shape("SecureMessages@plan.example") });
        const { item, channel } = await channelOf(fake);
        expect(channel).toBe("secure-message");
        expect(item?.mailboxAddress).toBe("securemessages@plan.example");
        expect(item?.shared).toEqual({ owner: "securemessages@plan.example", canAct: true });
      });
    }

    it("a shared mailbox opened as its own account (no shared properties): the recipients the settings know decide", async () => {
      const fake = createFakeOffice({ userEmail: "ana@plan.example" });
      fake.select({ ...message, to: [{ displayName: "Contact us", emailAddress: "ContactUs@plan.example" }] });
      const { item, channel } = await channelOf(fake);
      expect(fake.stats.calls).toContain("getSharedPropertiesAsync");
      expect(item?.shared).toBeUndefined();
      expect(channel).toBe("contact-us");
    });

    it("a mail to the advocate's own address only falls back to her own mailbox last", async () => {
      const fake = createFakeOffice({ userEmail: "MemberAdvocate@plan.example" });
      fake.select({ ...message, to: [{ displayName: "Ana", emailAddress: "ana@plan.example" }], cc: [{ displayName: "Agent support", emailAddress: "agentsupport@plan.example" }] });
      expect((await channelOf(fake)).channel).toBe("agent-support");
      const alone = createFakeOffice({ userEmail: "MemberAdvocate@plan.example" });
      alone.select({ ...message, to: [{ displayName: "Ana", emailAddress: "ana@plan.example" }] });
      expect((await channelOf(alone)).channel).toBe("member-advocate");
    });

    it("never takes targetMailbox for the address (it is a client-dependent location)", async () => {
      const fake = createFakeOffice();
      fake.select({ ...message, shared: { ...OUTLOOK_CLIENTS.classicWindows("specialist@plan.example") } });
      const item = await new OfficeMailbox(fake.office).readItem();
      expect(item?.mailboxAddress).toBe("specialist@plan.example");
      expect(JSON.stringify(item)).not.toContain("AAMkAD");
    });

    it("a delegate folder on a host with Mailbox 1.8 but not 1.13 still finds its owner", async () => {
      const fake = createFakeOffice({ requirementSets: { Mailbox: "1.8" } });
      fake.select({ ...message, shared: OUTLOOK_CLIENTS.classicWindows("mco-escalations@plan.example") });
      expect((await channelOf(fake)).channel).toBe("mco-escalations");
    });

    it("read-only access to the shared mailbox (no Write or EditAll) is reported so the pane can say the advocate can read but not act", async () => {
      const fake = createFakeOffice();
      fake.select({ ...message, shared: OUTLOOK_CLIENTS.web("securemessages@plan.example", PERMISSIONS.Read) });
      expect((await new OfficeMailbox(fake.office).readItem())?.shared).toEqual({ owner: "securemessages@plan.example", canAct: false });
      fake.select({ ...message, shared: OUTLOOK_CLIENTS.web("securemessages@plan.example", PERMISSIONS.Read | PERMISSIONS.Write) });
      expect((await new OfficeMailbox(fake.office).readItem())?.shared?.canAct).toBe(true);
    });
  });

  it("reports Office's theme on Mailbox 1.14 and says when it changes; nothing below 1.14", async () => {
    const fake = createFakeOffice({ requirementSets: { Mailbox: "1.14" }, officeTheme: { isDarkTheme: false } });
    const mailbox = new OfficeMailbox(fake.office);
    expect(mailbox.theme()).toEqual({ isDark: false });
    const changed = vi.fn();
    mailbox.onThemeChanged(changed);
    await new Promise((r) => setTimeout(r, 10));
    fake.setTheme({ isDarkTheme: true });
    expect(changed).toHaveBeenCalledTimes(1);
    expect(mailbox.theme()).toEqual({ isDark: true });
    const old = new OfficeMailbox(createFakeOffice({ requirementSets: { Mailbox: "1.13" }, officeTheme: { isDarkTheme: true } }).office);
    expect(old.theme()).toBeNull();
  });
});
