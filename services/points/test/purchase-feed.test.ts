import { randomUUID } from 'node:crypto';
import { infraEnv, registerTenantsInPoints, signedFetch, startServiceProcess, waitFor, type ServiceProcess, testPort } from '@atrium/testing';
import { Feed, type TestMember } from './support/feed';
import { consumeFromNow, dropDatabase } from './support/points-api';

interface Account {
  memberId: string;
  available: number;
  pending: number;
  lifetimeEarned: number;
  cardNumbers: string[];
}

/**
 * The purchase feed end to end on the real servers: tills' sales and refunds produced to
 * Kafka, the built points service consuming them (killed with SIGKILL in the middle of a
 * stream), and the balances read back over HTTP and checked against the ledger.
 */
describe('points from the purchase feed', () => {
  const port = testPort(13102)
  const run = randomUUID().slice(0, 8);
  const openTenant = `tenant-open-${run}`;
  const closedTenant = `tenant-closed-${run}`;
  let env: Record<string, string>;
  let points: ServiceProcess;
  let feed: Feed;
  let members: TestMember[];
  const url = `http://127.0.0.1:${port}`;

  const startPoints = () => startServiceProcess('points', port, env);

  async function account(memberId: string): Promise<Account | undefined> {
    const response = await signedFetch(`${url}/accounts/${memberId}`);
    return response.status === 200 ? ((await response.json()) as Account) : undefined;
  }

  async function ledgerCheck(memberId?: string): Promise<{ accountsChecked: number; mismatches: unknown[] }> {
    return (await (await signedFetch(`${url}/ledger/check${memberId ? `?memberId=${memberId}` : ''}`)).json()) as { accountsChecked: number; mismatches: unknown[] };
  }

  beforeAll(async () => {
    const infra = infraEnv();
    env = {
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      MONGO_URL: infra.mongoUrl,
      REDIS_URL: infra.redisUrl,
      HTTP_PORT: String(port),
      // A database and consumer group of this run's own: its rule set is the default one
      // (1 point per 100 fen, rounded down) and no other points service shares its partitions.
      MONGO_DATABASE: `atrium_test_points_${run}`,
      KAFKA_CONSUMER_GROUP: `points-test-${run}`,
      REFUND_POLICY: 'debt',
    };
    feed = await new Feed().start();
    await consumeFromNow(env.KAFKA_CONSUMER_GROUP);
    points = await startPoints();
    await registerTenantsInPoints(url, [{ id: openTenant, status: 'open' }, { id: closedTenant, status: 'closed' }]);
    members = await feed.registerMembers(20);
    await waitFor('the members\' accounts with their cards', async () => {
      const accounts = await Promise.all(members.map((member) => account(member.memberId)));
      return accounts.every((a) => a?.cardNumbers.length === 1) ? true : undefined;
    }, 120_000, 250);
  }, 300_000);

  afterAll(async () => {
    await points?.stop();
    await feed?.stop();
    await dropDatabase(run);
  });

  it('earns the rule set\'s points for a sale, once however often it is delivered', async () => {
    const [buyer] = members;
    const sale = feed.saleMessage({ receiptNumber: `R-${run}-1`, tenantId: openTenant, cardNumber: buyer.cardNumber, amountMinor: 12_345 });
    // The same event twice, and the same sale again as a new event (a till sending it twice).
    const resent = feed.saleMessage({ receiptNumber: `R-${run}-1`, tenantId: openTenant, cardNumber: buyer.cardNumber, amountMinor: 12_345 });
    const marker = feed.saleMessage({ receiptNumber: `R-${run}-2`, tenantId: openTenant, cardNumber: buyer.cardNumber, amountMinor: 199 });
    await feed.send([sale, sale, resent, marker]);
    const after = await waitFor('both sales in the balance', async () => {
      const a = await account(buyer.memberId);
      return a && a.lifetimeEarned >= 124 ? a : undefined;
    });
    expect(after).toMatchObject({ pending: 124, lifetimeEarned: 124, available: 0 });
    expect((await ledgerCheck(buyer.memberId)).mismatches).toEqual([]);
  });

  it('previews what a sale would earn, and what the feed would refuse, writing nothing', async () => {
    const buyer = members[3];
    const preview = (body: Record<string, unknown>) =>
      signedFetch(`${url}/earning/preview`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answer = await preview({ cardNumber: buyer.cardNumber, tenantId: openTenant, amountMinor: 12_345, currency: 'CNY' });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ points: 123, ruleVersion: 1, breakdown: { basePoints: 123, multipliers: [] } });
    const closed = await preview({ cardNumber: buyer.cardNumber, tenantId: closedTenant, amountMinor: 12_345, currency: 'CNY' });
    expect(closed.status).toBe(400);
    expect(await closed.json()).toMatchObject({ code: 'purchase.tenant-closed' });
    const invalid = await preview({ cardNumber: buyer.cardNumber, tenantId: openTenant, amountMinor: -5, currency: 'yuan' });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(['amountMinor', 'currency']);
    expect(await account(buyer.memberId)).toMatchObject({ pending: 0, lifetimeEarned: 0 });
  });

  it('refuses sales it must not count, says why to staff, and changes no balance', async () => {
    const buyer = members[1];
    const bad = [
      { receiptNumber: `X-${run}-closed`, tenantId: closedTenant, cardNumber: buyer.cardNumber, amountMinor: 5_000 },
      { receiptNumber: `X-${run}-unknown-tenant`, tenantId: `nobody-${run}`, cardNumber: buyer.cardNumber, amountMinor: 5_000 },
      { receiptNumber: `X-${run}-card`, tenantId: openTenant, cardNumber: '7700000000000000', amountMinor: 5_000 },
      { receiptNumber: `X-${run}-absurd`, tenantId: openTenant, cardNumber: buyer.cardNumber, amountMinor: 2_000_000_000 },
      { receiptNumber: `X-${run}-future`, tenantId: openTenant, cardNumber: buyer.cardNumber, amountMinor: 5_000, occurredAt: new Date(Date.now() + 86_400_000) },
    ];
    await feed.send([...bad.map((sale) => feed.saleMessage(sale)), feed.saleMessage({ receiptNumber: `X-${run}-ok`, tenantId: openTenant, cardNumber: buyer.cardNumber, amountMinor: 1_000 })]);
    await waitFor('the good sale', async () => ((await account(buyer.memberId))?.lifetimeEarned === 10 ? true : undefined));
    const codes = await waitFor('the five rejections', async () => {
      const rejected = (await (await signedFetch(`${url}/purchases/rejected?limit=500`)).json()) as { receiptNumber: string; code: string }[];
      const ours = rejected.filter((r) => r.receiptNumber.startsWith(`X-${run}`));
      return ours.length >= 5 ? Object.fromEntries(ours.map((r) => [r.receiptNumber, r.code])) : undefined;
    });
    expect(codes).toEqual({
      [`X-${run}-closed`]: 'purchase.tenant-closed',
      [`X-${run}-unknown-tenant`]: 'purchase.tenant-unknown',
      [`X-${run}-card`]: 'purchase.member-unknown',
      [`X-${run}-absurd`]: 'purchase.amount-absurd',
      [`X-${run}-future`]: 'purchase.in-the-future',
    });
    expect(await account(buyer.memberId)).toMatchObject({ pending: 10, lifetimeEarned: 10 });
  });

  it('refuses sales from before the member registered or older than PURCHASE_MAX_AGE_DAYS (30), and lets one just after registration earn', async () => {
    const day = 86_400_000;
    const registeredAt = new Date(Date.now() - 10 * day);
    const [recent] = await feed.registerMembers(1, registeredAt);
    const [longStanding] = await feed.registerMembers(1, new Date(Date.now() - 400 * day));
    await waitFor('the two accounts with their cards', async () => {
      const accounts = await Promise.all([account(recent.memberId), account(longStanding.memberId)]);
      return accounts.every((a) => a?.cardNumbers.length === 1) ? true : undefined;
    }, 120_000, 250);
    const sale = (suffix: string, member: TestMember, occurredAt: Date) =>
      feed.saleMessage({ receiptNumber: `D-${run}-${suffix}`, tenantId: openTenant, cardNumber: member.cardNumber, amountMinor: 10_000, occurredAt });
    await feed.send([
      sale('last-year', recent, new Date(`${new Date().getUTCFullYear() - 1}-06-01T12:00:00+08:00`)),
      sale('second-before', recent, new Date(registeredAt.getTime() - 1_000)),
      sale('second-after', recent, new Date(registeredAt.getTime() + 1_000)),
      sale('31-days', longStanding, new Date(Date.now() - 31 * day)),
      sale('29-days', longStanding, new Date(Date.now() - 29 * day)),
    ]);
    const codes = await waitFor('the three refused sales', async () => {
      const rejected = (await (await signedFetch(`${url}/purchases/rejected?limit=500`)).json()) as { receiptNumber: string; code: string; reason: string }[];
      const ours = rejected.filter((r) => r.receiptNumber.startsWith(`D-${run}`));
      return ours.length >= 3 ? ours : undefined;
    });
    expect(Object.fromEntries(codes.map((r) => [r.receiptNumber, r.code]))).toEqual({
      [`D-${run}-last-year`]: 'purchase.before-registration',
      [`D-${run}-second-before`]: 'purchase.before-registration',
      [`D-${run}-31-days`]: 'purchase.too-old',
    });
    expect(codes.find((r) => r.code === 'purchase.too-old')?.reason).toContain('more than 30 days ago');
    // The sale a second after registration and the one 29 days old earn their 100 points each.
    await waitFor('the two sales that earn', async () => {
      const [a, b] = await Promise.all([account(recent.memberId), account(longStanding.memberId)]);
      return a?.lifetimeEarned === 100 && b?.lifetimeEarned === 100 ? true : undefined;
    });
    const preview = await signedFetch(`${url}/earning/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cardNumber: recent.cardNumber, tenantId: openTenant, amountMinor: 10_000, currency: 'CNY', occurredAt: new Date(registeredAt.getTime() - 60_000).toISOString() }),
    });
    expect(preview.status).toBe(400);
    expect(await preview.json()).toMatchObject({ code: 'purchase.before-registration' });
    expect((await ledgerCheck(recent.memberId)).mismatches).toEqual([]);
  }, 180_000);

  it('reverses a partial refund in proportion and a second refund only what is left', async () => {
    const buyer = members[2];
    const receiptNumber = `F-${run}`;
    await feed.send([
      feed.saleMessage({ receiptNumber, tenantId: openTenant, cardNumber: buyer.cardNumber, amountMinor: 10_000 }),
      feed.refundMessage({ refundNumber: `F-${run}-a`, receiptNumber, tenantId: openTenant, cardNumber: buyer.cardNumber, amountMinor: 2_500 }),
      feed.refundMessage({ refundNumber: `F-${run}-a`, receiptNumber, tenantId: openTenant, cardNumber: buyer.cardNumber, amountMinor: 2_500 }),
      feed.refundMessage({ refundNumber: `F-${run}-b`, receiptNumber, tenantId: openTenant, cardNumber: buyer.cardNumber, amountMinor: 7_500 }),
      feed.refundMessage({ refundNumber: `F-${run}-c`, receiptNumber, tenantId: openTenant, cardNumber: buyer.cardNumber, amountMinor: 1 }),
    ]);
    await waitFor('the refunds', async () => {
      const rejected = (await (await signedFetch(`${url}/purchases/rejected?limit=500`)).json()) as { receiptNumber: string; code: string }[];
      return rejected.some((r) => r.receiptNumber === receiptNumber) ? true : undefined;
    });
    // 100 points earned; 25 then 75 reversed from pending; the third refund exceeds the sale.
    expect(await account(buyer.memberId)).toMatchObject({ pending: 0, lifetimeEarned: 0 });
    const statement = (await (await signedFetch(`${url}/ledger/members/${buyer.memberId}/entries`)).json()) as { id: string; deltas: { pending?: number } }[];
    expect(statement.map((entry) => [entry.id, entry.deltas.pending])).toEqual([
      [`earn:${openTenant}:${receiptNumber}`, 100],
      [`refund:${openTenant}:F-${run}-a`, -25],
      [`refund:${openTenant}:F-${run}-b`, -75],
    ]);
    expect((await ledgerCheck(buyer.memberId)).mismatches).toEqual([]);
  });

  it('ends with the exact balances when killed with SIGKILL in the middle of 10,000 sales', async () => {
    const crowd = members.slice(4);
    const { expected, total, messages } = feed.salesBurst(`K-${run}`, openTenant, crowd, 10_000);
    const earnedSoFar = async () => (await Promise.all(crowd.map((member) => account(member.memberId)))).reduce((sum, a) => sum + (a?.lifetimeEarned ?? 0), 0);

    await feed.send(messages);
    const atKill = await waitFor('the service to be part-way through', async () => {
      const earned = await earnedSoFar();
      return earned > 0 ? earned : undefined;
    }, 60_000, 20);
    await points.stop('SIGKILL');
    expect(atKill).toBeLessThan(total);

    points = await startPoints();
    await waitFor('every sale to be counted', async () => ((await earnedSoFar()) >= total ? true : undefined), 180_000, 500);
    for (const member of crowd) {
      expect(await account(member.memberId)).toMatchObject({ pending: expected.get(member.memberId), lifetimeEarned: expected.get(member.memberId) });
    }
    const check = await ledgerCheck();
    expect(check.mismatches).toEqual([]);
    // The topic also holds members of other runs and tests; this run's are among them.
    expect(check.accountsChecked).toBeGreaterThanOrEqual(members.length);
  }, 300_000);
});
