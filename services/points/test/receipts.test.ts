import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { infraEnv, startServiceProcess, waitFor, type ServiceProcess, testPort } from '@atrium/testing';
import { Feed, type TestMember } from './support/feed';
import { consumeFromNow, dropDatabase, PointsApi, pointsEnv, staff, type Problem } from './support/points-api';

interface ReceiptView {
  id: string;
  memberId: string;
  tenantId: string;
  receiptNumber: string;
  status: 'pending' | 'approved' | 'rejected';
  submittedBy: { channel: string; staffId?: string };
  approval?: { by: string; staffId?: string; feedEventId?: string; entryId: string; points: number; earnedThrough: string };
  rejection?: { staffId: string; reason: string };
}

interface MemberReceiptView {
  id: string;
  receiptNumber: string;
  status: string;
  points?: number;
  rejectionReason?: string;
}

interface EntryView {
  id: string;
  kind: string;
  deltas: { pending?: number; lifetimeEarned?: number; available?: number };
  cause: { type: string; receiptId?: string; approvedBy?: string; feedEventId?: string };
  ruleVersion?: number;
  occurredAt: string;
  maturesAt?: string;
}

const DAY_MS = 86_400_000;
const DESK = staff('desk-amy', 'desk');
const SPECIALIST = staff('spec-bo', 'specialist');

/**
 * Receipts on the real servers: the built points service as a process, members registered and
 * tills' sales produced on Kafka, receipts submitted and decided over HTTP as the gateway
 * forwards them. The rules in effect are the default ones: 1 point per 100 fen, rounded down,
 * 7 days pending, at most 3 receipts per tenant per member per day, at least 1,000 fen.
 */
describe('receipts submitted by shoppers and the desk', () => {
  const port = testPort(13112)
  const run = randomUUID().slice(0, 8);
  const tenant = `tenant-r-${run}`;
  const closedTenant = `tenant-rc-${run}`;
  let points: ServiceProcess;
  let env: Record<string, string>;
  let feed: Feed;
  let members: TestMember[];
  const api = new PointsApi(`http://127.0.0.1:${port}`);
  let receiptSeq = 0;

  /** A valid receipt of member `m` (overridable), bought an hour ago. */
  function receipt(member: TestMember, change: Record<string, unknown> = {}): Record<string, unknown> {
    receiptSeq += 1;
    return {
      memberId: member.memberId,
      tenantId: tenant,
      receiptNumber: `RC-${run}-${receiptSeq}`,
      purchasedAt: new Date(Date.now() - 3_600_000).toISOString(),
      amountMinor: 12_345,
      currency: 'CNY',
      photo: `https://files.example.com/receipts/${run}-${receiptSeq}.jpg`,
      ...change,
    };
  }

  const submit = (body: Record<string, unknown>, headers: Record<string, string> = DESK) => api.call<ReceiptView & Problem>('POST', '/receipts', body, headers);
  const approve = (id: string, headers = SPECIALIST) => api.call<ReceiptView & Problem>('POST', `/receipts/${id}/approve`, undefined, headers);
  const memberReceipts = async (memberId: string) => (await api.call<MemberReceiptView[]>('GET', `/members/${memberId}/receipts`)).body;
  const statement = async (memberId: string) => (await api.call<EntryView[]>('GET', `/ledger/members/${memberId}/entries`)).body;

  beforeAll(async () => {
    feed = await new Feed().start();
    const group = `points-test-receipts-${run}`;
    await consumeFromNow(group);
    env = pointsEnv(port, run, group);
    points = await startServiceProcess('points', port, env);
    await api.registerTenant(tenant, 'open');
    await api.registerTenant(closedTenant, 'closed');
    members = await feed.registerMembers(9);
    await waitFor('the members\' accounts with their cards', async () => {
      const accounts = await Promise.all(members.map((member) => api.account(member.memberId)));
      return accounts.every((a) => a?.cardNumbers.length === 1) ? true : undefined;
    }, 120_000, 250);
  }, 180_000);

  afterAll(async () => {
    await points?.stop();
    await feed?.stop();
    await dropDatabase(run);
  });

  it('records a receipt as pending and refuses the same receipt again, naming the one submitted before', async () => {
    const [shopper] = members;
    const first = receipt(shopper);
    const accepted = await submit(first);
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ status: 'pending', memberId: shopper.memberId, submittedBy: { channel: 'desk', staffId: 'desk-amy' } });

    // The same receipt again, by the shopper themself this time.
    const again = await submit(first, {});
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'receipt.duplicate', existingReceiptId: accepted.body.id, existingStatus: 'pending' });
    expect(again.body.errors?.map((e) => e.field)).toEqual(['receiptNumber']);

    // Two identical submissions at the same moment: one is recorded.
    const twin = receipt(shopper);
    const answers = await Promise.all([submit(twin), submit(twin, {})]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect((await memberReceipts(shopper.memberId)).map((r) => r.receiptNumber).sort()).toEqual([first.receiptNumber, twin.receiptNumber].sort());
    expect(await api.account(shopper.memberId)).toMatchObject({ pending: 0, lifetimeEarned: 0 });
  });

  it('refuses receipts past the cut-off, in the future, below the minimum or beyond the daily limit, naming the field and writing nothing', async () => {
    const shopper = members[1];
    const refusals: [string, Record<string, unknown>, number, string, string][] = [
      ['past the cut-off', { purchasedAt: new Date(Date.now() - 32 * DAY_MS).toISOString() }, 400, 'receipt.too-late', 'purchasedAt'],
      ['in the future', { purchasedAt: new Date(Date.now() + DAY_MS).toISOString() }, 400, 'receipt.in-the-future', 'purchasedAt'],
      ['below the minimum amount', { amountMinor: 999 }, 400, 'receipt.amount-below-minimum', 'amountMinor'],
      ['of an unknown tenant', { tenantId: `nobody-${run}` }, 404, 'receipt.tenant-unknown', 'tenantId'],
      ['of a closed tenant', { tenantId: closedTenant }, 409, 'receipt.tenant-closed', 'tenantId'],
      ['of an unknown member', { memberId: randomUUID() }, 404, 'receipt.member-unknown', 'memberId'],
      ['in a currency the rules do not earn', { currency: 'HKD' }, 400, 'earning.currency-mismatch', 'currency'],
    ];
    for (const [what, change, status, code, field] of refusals) {
      const answer = await submit(receipt(shopper, change));
      expect({ what, status: answer.status, code: answer.body.code, fields: answer.body.errors?.map((e) => e.field) }).toEqual({ what, status, code, fields: [field] });
    }
    const malformed = await submit({ ...receipt(shopper), amountMinor: -5, photo: undefined, purchasedAt: '2026-11-27' });
    expect(malformed.status).toBe(400);
    expect([...new Set(malformed.body.errors?.map((e) => e.field))].sort()).toEqual(['amountMinor', 'photo', 'purchasedAt']);
    expect(await memberReceipts(shopper.memberId)).toEqual([]);

    // Five receipts of one day at one tenant, all at once: three places, taken by three of them.
    const purchasedAt = new Date(Date.now() - 2 * DAY_MS).toISOString();
    const answers = await Promise.all(Array.from({ length: 5 }, () => submit(receipt(shopper, { purchasedAt }))));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 201, 409, 409]);
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect(refused.body).toMatchObject({ code: 'receipt.daily-limit', limit: 3, tenantId: tenant });
      expect(refused.body.errors?.map((e) => e.field)).toEqual(['purchasedAt']);
    }
    expect(await memberReceipts(shopper.memberId)).toHaveLength(3);
    // Another day still has its own places.
    expect((await submit(receipt(shopper))).status).toBe(201);
    expect(await api.account(shopper.memberId)).toMatchObject({ pending: 0, lifetimeEarned: 0 });
  });

  it('earns exactly the rule\'s points once when staff approve, even twice at the same moment', async () => {
    const shopper = members[2];
    const purchasedAt = new Date(Date.now() - 3 * DAY_MS);
    const submitted = await submit(receipt(shopper, { amountMinor: 12_345, purchasedAt: purchasedAt.toISOString() }), {});
    expect(submitted.body).toMatchObject({ status: 'pending', submittedBy: { channel: 'shopper' } });

    const answers = await Promise.all([approve(submitted.body.id), approve(submitted.body.id, staff('sup-chen', 'supervisor'))]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const approved = answers.find((a) => a.status === 200)!.body;
    const refused = answers.find((a) => a.status === 409)!.body;
    expect(refused).toMatchObject({ code: 'receipt.not-pending', receiptStatus: 'approved' });
    expect(approved).toMatchObject({
      status: 'approved',
      approval: { by: 'staff', entryId: `earn:${tenant}:${submitted.body.receiptNumber}`, points: 123, earnedThrough: 'receipt' },
    });

    // 123.45 yuan at 1 point per yuan, rounded down; pending through the 7-day return window.
    expect(await api.account(shopper.memberId)).toMatchObject({ pending: 123, lifetimeEarned: 123, available: 0 });
    const [entry] = await statement(shopper.memberId);
    expect(entry).toMatchObject({
      id: `earn:${tenant}:${submitted.body.receiptNumber}`,
      kind: 'earn',
      deltas: { pending: 123, lifetimeEarned: 123 },
      cause: { type: 'receipt', receiptId: submitted.body.id, approvedBy: approved.approval!.staffId },
      ruleVersion: 1,
    });
    expect(new Date(entry.maturesAt!).getTime()).toBe(purchasedAt.getTime() + 7 * DAY_MS);
    expect((await approve(submitted.body.id)).status).toBe(409);
    expect((await memberReceipts(shopper.memberId))[0]).toMatchObject({ status: 'approved', points: 123 });
    expect(await api.ledgerMismatches(shopper.memberId)).toEqual([]);
  });

  it('rejects only with a reason, which the member sees in their list', async () => {
    const shopper = members[3];
    const submitted = await submit(receipt(shopper));
    const reject = (body: unknown) => api.call<ReceiptView & Problem>('POST', `/receipts/${submitted.body.id}/reject`, body, SPECIALIST);

    for (const body of [{}, { reason: '   ' }]) {
      const refused = await reject(body);
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.map((e) => e.field)).toContain('reason');
    }
    const rejected = await reject({ reason: '照片模糊，看不清金額 The photo is too blurred to read the amount' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejection: { staffId: 'spec-bo' } });

    expect(await memberReceipts(shopper.memberId)).toEqual([
      expect.objectContaining({ id: submitted.body.id, status: 'rejected', rejectionReason: '照片模糊，看不清金額 The photo is too blurred to read the amount' }),
    ]);
    expect((await approve(submitted.body.id)).body).toMatchObject({ code: 'receipt.not-pending', receiptStatus: 'rejected' });
    expect(await api.account(shopper.memberId)).toMatchObject({ pending: 0, lifetimeEarned: 0 });
    const staffList = await api.call<ReceiptView[]>('GET', `/receipts?status=rejected&memberId=${shopper.memberId}`);
    expect(staffList.body.map((r) => r.id)).toEqual([submitted.body.id]);
  });

  it('approves at once a receipt of a sale that the tenant\'s till reported without a member card', async () => {
    const shopper = members[4];
    const receiptNumber = `TILL-${run}-1`;
    await feed.send([feed.saleMessage({ receiptNumber, tenantId: tenant, amountMinor: 25_000, category: 'dining' })]);
    await waitFor('the till\'s sale to be refused for want of a member', async () => {
      const rejected = await api.call<{ receiptNumber: string; code: string }[]>('GET', `/purchases/rejected?tenantId=${tenant}`);
      return rejected.body.some((r) => r.receiptNumber === receiptNumber && r.code === 'purchase.member-missing') ? true : undefined;
    }, 120_000, 250);

    const submitted = await submit(receipt(shopper, { receiptNumber, amountMinor: 25_000 }), {});
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'approved', approval: { by: 'feed', points: 250, earnedThrough: 'receipt' } });
    expect(submitted.body.approval?.feedEventId).toEqual(expect.any(String));
    expect(await api.account(shopper.memberId)).toMatchObject({ pending: 250, lifetimeEarned: 250 });
    expect(await api.ledgerMismatches(shopper.memberId)).toEqual([]);
  });

  it('approves a pending receipt when the tenant\'s till then reports the same sale for a phone of nobody', async () => {
    const shopper = members[5];
    const submitted = await submit(receipt(shopper, { amountMinor: 8_800 }));
    expect(submitted.body.status).toBe('pending');
    const sale = { receiptNumber: submitted.body.receiptNumber, tenantId: tenant, amountMinor: 8_800, phone: '+8613900000000' };
    // A sale of another amount under the same receipt number is not this receipt's sale.
    await feed.send([feed.saleMessage({ ...sale, amountMinor: 8_801 })]);
    await feed.send([feed.saleMessage(sale)]);

    const approved = await waitFor('the receipt to be approved by the feed', async () => {
      const answer = await api.call<ReceiptView>('GET', `/receipts/${submitted.body.id}`);
      return answer.body.status === 'approved' ? answer.body : undefined;
    }, 120_000, 250);
    expect(approved.approval).toMatchObject({ by: 'feed', points: 88, earnedThrough: 'receipt' });
    expect(await api.account(shopper.memberId)).toMatchObject({ pending: 88, lifetimeEarned: 88 });
    expect(await api.ledgerMismatches(shopper.memberId)).toEqual([]);
  });

  it('never earns a sale twice when the member\'s card earned it through the feed', async () => {
    const shopper = members[6];
    // Earned through the feed first: the receipt is refused, naming the entry.
    const earned = { receiptNumber: `CARD-${run}-1`, tenantId: tenant, cardNumber: shopper.cardNumber, amountMinor: 5_000 };
    await feed.send([feed.saleMessage(earned)]);
    await waitFor('the card\'s sale to earn', async () => ((await api.account(shopper.memberId))?.lifetimeEarned === 50 ? true : undefined), 120_000, 250);
    const refused = await submit(receipt(shopper, { receiptNumber: earned.receiptNumber, amountMinor: 5_000 }));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'receipt.already-earned', entryId: `earn:${tenant}:${earned.receiptNumber}` });

    // Submitted first, earned through the feed while pending: approving it earns nothing more.
    const pending = await submit(receipt(shopper, { amountMinor: 7_000 }));
    await feed.send([feed.saleMessage({ receiptNumber: pending.body.receiptNumber, tenantId: tenant, cardNumber: shopper.cardNumber, amountMinor: 7_000 })]);
    await waitFor('the second sale to earn', async () => ((await api.account(shopper.memberId))?.lifetimeEarned === 120 ? true : undefined), 120_000, 250);
    const approved = await approve(pending.body.id);
    expect(approved.body).toMatchObject({ status: 'approved', approval: { points: 70, earnedThrough: 'feed' } });
    expect(await api.account(shopper.memberId)).toMatchObject({ pending: 120, lifetimeEarned: 120 });

    // The sale approved through a receipt, then reported by the till with the card: still once.
    const viaReceipt = await submit(receipt(shopper, { amountMinor: 3_000 }));
    await approve(viaReceipt.body.id);
    await feed.send([
      feed.saleMessage({ receiptNumber: viaReceipt.body.receiptNumber, tenantId: tenant, cardNumber: shopper.cardNumber, amountMinor: 3_000 }),
      feed.saleMessage({ receiptNumber: `CARD-${run}-marker`, tenantId: tenant, cardNumber: shopper.cardNumber, amountMinor: 1_000 }),
    ]);
    await waitFor('the marker sale after it', async () => ((await api.account(shopper.memberId))?.lifetimeEarned === 160 ? true : undefined), 120_000, 250);
    expect(await api.account(shopper.memberId)).toMatchObject({ pending: 160, lifetimeEarned: 160 });
    const entries = Object.fromEntries((await statement(shopper.memberId)).map((entry) => [entry.id.split(':')[2], [entry.cause.type, entry.deltas.pending]]));
    expect(entries).toEqual({
      [earned.receiptNumber]: ['purchase', 50],
      [pending.body.receiptNumber]: ['purchase', 70],
      [viaReceipt.body.receiptNumber]: ['receipt', 30],
      [`CARD-${run}-marker`]: ['purchase', 10],
    });
    expect(await api.ledgerMismatches(shopper.memberId)).toEqual([]);
  });

  it('lists receipts for staff by status, member and tenant', async () => {
    const lists = await Promise.all([
      api.call<ReceiptView[]>('GET', `/receipts?tenantId=${tenant}&status=pending&limit=500`),
      api.call<ReceiptView[]>('GET', `/receipts?memberId=${members[1].memberId}`),
      api.call<ReceiptView[]>('GET', '/receipts?status=lost'),
    ]);
    expect(lists[0].body.length).toBeGreaterThan(0);
    expect(lists[0].body.every((r) => r.status === 'pending' && r.tenantId === tenant)).toBe(true);
    expect(lists[1].body).toHaveLength(4);
    expect(lists[2].status).toBe(400);
    expect(await api.ledgerMismatches()).toEqual([]);
  });

  it('finishes at the next start an approval whose process stopped after writing the ledger entry', async () => {
    const shopper = members[7];
    const submitted = await submit(receipt(shopper, { amountMinor: 4_200 }));
    const purchasedAt = new Date(String(submitted.body.purchasedAt));
    // The state a process leaves when it dies right after the approval's ledger write: the
    // entry, neither in the account's balances nor marked applied, and the receipt pending.
    const connection = await mongoose.createConnection(infraEnv().mongoUrl, { dbName: env.MONGO_DATABASE }).asPromise();
    try {
      await connection.collection('ledger_entries').insertOne({
        _id: `earn:${tenant}:${submitted.body.receiptNumber}` as never,
        memberId: shopper.memberId,
        kind: 'earn',
        deltas: { pending: 42, lifetimeEarned: 42 },
        cause: { type: 'receipt', receiptId: submitted.body.id, tenantId: tenant, receiptNumber: submitted.body.receiptNumber, amountMinor: 4_200, currency: 'CNY', approvedBy: 'spec-bo' },
        ruleVersion: 1,
        factors: [],
        occurredAt: purchasedAt,
        recordedAt: new Date(),
        maturesAt: new Date(purchasedAt.getTime() + 7 * DAY_MS),
        applied: false,
      });
    } finally {
      await connection.close();
    }
    expect(await api.ledgerMismatches(shopper.memberId)).toHaveLength(1);
    await points.stop();
    points = await startServiceProcess('points', port, env);

    const approved = await waitFor('the approval to be finished', async () => {
      const answer = await api.call<ReceiptView>('GET', `/receipts/${submitted.body.id}`);
      return answer.body.status === 'approved' ? answer.body : undefined;
    }, 60_000, 250);
    expect(approved.approval).toMatchObject({ by: 'staff', staffId: 'spec-bo', points: 42, earnedThrough: 'receipt' });
    expect(await api.account(shopper.memberId)).toMatchObject({ pending: 42, lifetimeEarned: 42 });
    expect(await api.ledgerMismatches(shopper.memberId)).toEqual([]);
    // Finished once: approving it again is refused and changes nothing.
    expect((await approve(submitted.body.id)).body).toMatchObject({ code: 'receipt.not-pending' });
    expect(await api.account(shopper.memberId)).toMatchObject({ pending: 42 });
  });
});
