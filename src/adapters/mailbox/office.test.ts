import { describe, expect, it, vi } from "vitest";
import { createFakeOffice } from "../../../test/fakes/office";
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
    fake.select({ ...message, sharedMailbox: "securemessages@plan.example" });
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
    fake.select({ ...message, sharedMailbox: "securemessages@plan.example" });
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
});
