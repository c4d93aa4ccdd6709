import { describe, expect, it } from "vitest";
import type { InquiryRecord } from "../domain/inquiry/record";
import type { WorkItem } from "../domain/team/queue";
import { inquiry } from "../../test/fixtures/inquiries";
import { ALL_OF_QUEUE, allPickedState, keepPicks, pick, pickAll, viewQueue } from "./queue-view";

const t = (iso: string) => Date.parse(iso);
const item = (id: string, over: Partial<InquiryRecord>, minutesLeft: number | null, standing: WorkItem["standing"] = "onTrack"): WorkItem => ({
  record: inquiry({ internetMessageId: id, ...over }),
  clock: null,
  minutesLeft,
  standing,
});
const A = item("<a>", { subject: "Blood thinner denied", mailbox: "secure-message", priority: "high", confirmationNumber: "KQ7M-2PXD", senderAddress: "dana@example.com", receivedAt: t("2026-03-04T08:00:00-06:00") }, 100, "atRisk");
const B = item("<b>", { subject: "Cita médica", mailbox: "member-services-email", priority: "routine", assignee: "ben@plan.example", senderAddress: "rosa@example.com", receivedAt: t("2026-03-02T08:00:00-06:00") }, -30, "breached");
const C = item("<c>", { subject: "ID card", mailbox: "secure-message", priority: "escalated", senderAddress: "lee@provider.example", receivedAt: t("2026-03-03T08:00:00-06:00") }, 400);
const queue = [A, B, C];
const ids = (ws: WorkItem[]) => ws.map((w) => w.record.internetMessageId);

describe("the queue as a work surface", () => {
  it("filters by mailbox, priority and state, and orders by time left unless told otherwise", () => {
    expect(ids(viewQueue(queue, ALL_OF_QUEUE))).toEqual(["<b>", "<a>", "<c>"]);
    expect(ids(viewQueue(queue, { ...ALL_OF_QUEUE, mailbox: "secure-message" }))).toEqual(["<a>", "<c>"]);
    expect(ids(viewQueue(queue, { ...ALL_OF_QUEUE, priority: "escalated" }))).toEqual(["<c>"]);
    expect(ids(viewQueue(queue, { ...ALL_OF_QUEUE, state: "unassigned" }))).toEqual(["<a>", "<c>"]);
    expect(ids(viewQueue(queue, { ...ALL_OF_QUEUE, state: "breached" }))).toEqual(["<b>"]);
    expect(ids(viewQueue(queue, { ...ALL_OF_QUEUE, state: "atRisk" }))).toEqual(["<a>"]);
    expect(ids(viewQueue(queue, { ...ALL_OF_QUEUE, sort: "received" }))).toEqual(["<b>", "<c>", "<a>"]);
    expect(ids(viewQueue(queue, { ...ALL_OF_QUEUE, sort: "priority" }))).toEqual(["<a>", "<c>", "<b>"]);
    expect(ids(queue)).toEqual(["<a>", "<b>", "<c>"]); // the queue itself is left as it was
  });

  it("searches by confirmation number, subject or sender, ignoring case and accents, every word", () => {
    const find = (search: string) => ids(viewQueue(queue, { ...ALL_OF_QUEUE, search }));
    expect(find("kq7m-2pxd")).toEqual(["<a>"]);
    expect(find("cita medica")).toEqual(["<b>"]);
    expect(find("provider.example")).toEqual(["<c>"]);
    expect(find("  card   lee ")).toEqual(["<c>"]);
    expect(find("card dana")).toEqual([]);
    expect(find("")).toEqual(["<b>", "<a>", "<c>"]);
  });

  it("selects all that is shown, says when some are picked, and keeps picks while they are in the queue", () => {
    const shown = viewQueue(queue, { ...ALL_OF_QUEUE, mailbox: "secure-message" });
    let picked = pick(new Set<string>(), "<b>", true);
    expect(allPickedState(picked, shown)).toBe(false);
    picked = pickAll(picked, shown, true);
    expect([...picked].sort()).toEqual(["<a>", "<b>", "<c>"]);
    expect(allPickedState(picked, shown)).toBe(true);
    picked = pick(picked, "<a>", false);
    expect(allPickedState(picked, shown)).toBe("mixed");
    expect([...pickAll(picked, shown, false)]).toEqual(["<b>"]); // a pick outside the filter stays
    const same = keepPicks(picked, queue);
    expect(same).toBe(picked);
    expect([...keepPicks(picked, [A, C])]).toEqual(["<c>"]);
  });
});
