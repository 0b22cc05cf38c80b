import { randomInt, randomUUID } from 'node:crypto';
import { registerTenantsInPoints, waitFor, testPort } from '@atrium/testing';
import { startShopperStack, type ShopperStack } from './support/shopper-stack';

/**
 * Every shopper route's answer, on the real services behind the real gateway, carries exactly
 * the fields a shopper may see. The data is set up so that the services' own answers hold staff
 * names (an adjustment's and a reward's author) and a tenant's funding terms; the shopper's
 * answers must list exactly the fields below, and any field more fails the test.
 */
describe('shopper answers: only what a shopper may see', () => {
  const ports = { gateway: testPort(18230), member: testPort(13231), points: testPort(13232), sms: testPort(13234) };
  let stack: ShopperStack;
  let gateway: string;

  beforeAll(async () => {
    stack = await startShopperStack('shopper-fields', ports, '+85230000001');
    gateway = stack.gateway;
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  async function call(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${gateway}${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body ? { 'content-type': 'application/json' } : {}),
      },
      body: options.body ? JSON.stringify(options.body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
  }

  async function expectStatus(method: string, path: string, status: number, options: { token?: string; body?: unknown } = {}): Promise<unknown> {
    const answer = await call(method, path, options);
    if (answer.status !== status) throw new Error(`${method} ${path} answered ${answer.status}, not ${status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  async function latestCodeTo(e164: string): Promise<string> {
    const { apiBaseUrl } = stack.twilio;
    return waitFor(`an SMS code to ${e164}`, async () => {
      const response = await fetch(`${apiBaseUrl}/_local/messages?to=${encodeURIComponent(e164)}&order=desc`);
      const listing = (await response.json()) as { messages: { message: { body: string } }[] };
      return listing.messages.map((entry) => /\b(\d{6})\b/.exec(entry.message.body)?.[1]).find((code) => code !== undefined);
    }, 60_000, 250);
  }

  it('lists exactly the allowed fields of every shopper route\'s answer', async () => {
    const staff = (await expectStatus('POST', '/api/auth/login', 200, { body: stack.admin })) as { accessToken: string };
    const staffToken = staff.accessToken;
    const tenantId = `fields-${randomUUID().slice(0, 8)}`;
    await registerTenantsInPoints(`http://127.0.0.1:${ports.points}`, [{ id: tenantId, name: 'Fields Shop' }]);
    const reward = (await expectStatus('POST', '/api/points/rewards', 201, {
      token: staffToken,
      body: {
        kind: 'gift',
        name: 'Tote bag',
        description: 'Canvas',
        pointsPrice: 100,
        limit: { quantity: 5, period: 'month' },
        funding: { by: 'tenant', tenantId, tenantShareBasisPoints: 5000 },
      },
    })) as { id: string };
    await expectStatus('POST', `/api/points/rewards/${reward.id}/stock`, 201, { token: staffToken, body: { location: 'desk-l1', change: 5, reason: 'delivery' } });
    // Staff see who wrote the reward and who pays for it: the data a shopper must not get is there.
    const staffCatalogue = (await expectStatus('GET', '/api/points/rewards?location=desk-l1', 200, { token: staffToken })) as Record<string, unknown>[];
    expect(staffCatalogue.find((line) => line.id === reward.id)).toMatchObject({ createdBy: stack.admin.username, funding: { by: 'tenant', tenantId } });

    const national = `139${String(randomInt(10_000_000, 99_999_999))}`;
    const e164 = `+86${national}`;
    const codeRequest = await expectStatus('POST', '/api/shopper/codes', 202, { body: { phone: national, purpose: 'sign-up' } });
    expect(fieldsOf(codeRequest)).toEqual(['expiresInSeconds', 'resendAfterSeconds']);
    const signUp = (await expectStatus('POST', '/api/shopper/sign-up', 201, {
      body: { phone: national, code: await latestCodeTo(e164), name: 'Fields Shopper' },
    })) as { member: { id: string }; session: { accessToken: string } };
    const memberFields = ['cardNumber', 'cardState', 'consent.status', 'id', 'interests', 'name', 'phone', 'registeredAt', 'status', 'tier'];
    expect(fieldsOf(signUp)).toEqual([...memberFields.map((field) => `member.${field}`), 'session.accessToken', 'session.expiresIn', 'session.memberId', 'session.tokenType']);
    const token = signUp.session.accessToken;
    const memberId = signUp.member.id;

    await waitFor('the new member\'s points account', async () => ((await call('GET', '/api/shopper/me/points', { token })).status === 200 ? true : undefined), 90_000, 250);
    await expectStatus('POST', '/api/points/adjustments', 201, { token: staffToken, body: { memberId, points: 500, reason: 'welcome gift', reference: 'CASE-1' } });
    await waitFor('the adjusted balance', async () => {
      const account = (await call('GET', '/api/shopper/me/points', { token })).body as { available?: number };
      return account.available === 500 ? true : undefined;
    }, 60_000, 250);

    const kept = (await expectStatus('POST', '/api/shopper/me/reservations', 201, { token, body: { rewardId: reward.id, location: 'desk-l1' } })) as { id: string };
    const redemptionFields = [
      'availableAfter', 'channel', 'code', 'expiresAt', 'id', 'location', 'points', 'pointsPrice', 'quantity', 'redeemedAt', 'rewardId', 'rewardKind', 'rewardName', 'status',
    ];
    expect(fieldsOf(kept)).toEqual(redemptionFields);
    const cancelled = (await expectStatus('POST', '/api/shopper/me/reservations', 201, { token, body: { rewardId: reward.id, location: 'desk-l1' } })) as { id: string };
    const cancelledFields = [...redemptionFields, 'cancellation.at', 'cancellation.reason'].sort();
    expect(fieldsOf(await expectStatus('POST', `/api/shopper/me/reservations/${cancelled.id}/cancel`, 200, { token }))).toEqual(cancelledFields);

    const redemptions = (await expectStatus('GET', '/api/shopper/me/redemptions', 200, { token })) as Record<string, unknown>[];
    expect(redemptions.map((redemption) => redemption.id).sort()).toEqual([kept.id, cancelled.id].sort());
    expect(fieldsOf(redemptions.find((redemption) => redemption.id === kept.id))).toEqual(redemptionFields);
    expect(fieldsOf(redemptions.find((redemption) => redemption.id === cancelled.id))).toEqual(cancelledFields);

    const rewards = (await expectStatus('GET', '/api/shopper/me/rewards?location=desk-l1', 200, { token })) as Record<string, unknown>[];
    expect(fieldsOf(rewards.find((line) => line.id === reward.id))).toEqual(['description', 'id', 'inStock', 'kind', 'limit.period', 'limit.quantity', 'name', 'pointsPrice', 'tiers']);

    const receiptFields = ['amountMinor', 'currency', 'id', 'photo', 'purchasedAt', 'receiptNumber', 'status', 'submittedAt', 'tenantId'];
    const receipt = await expectStatus('POST', '/api/shopper/me/receipts', 201, {
      token,
      body: { tenantId, receiptNumber: `R-${randomUUID().slice(0, 8)}`, purchasedAt: new Date().toISOString(), amountMinor: 12_345, currency: 'CNY', photo: 'receipts/fields.jpg' },
    });
    expect(fieldsOf(receipt)).toEqual(receiptFields);
    const receipts = (await expectStatus('GET', '/api/shopper/me/receipts', 200, { token })) as unknown[];
    expect(receipts).toHaveLength(1);
    expect(fieldsOf(receipts[0])).toEqual(receiptFields);

    expect(fieldsOf(await expectStatus('GET', '/api/shopper/me', 200, { token }))).toEqual(memberFields);
    expect(fieldsOf(await expectStatus('GET', '/api/shopper/me/notifications', 200, { token }))).toEqual(['memberId', 'pointsEarned']);
    expect(fieldsOf(await expectStatus('POST', '/api/shopper/me/notifications', 200, { token, body: { pointsEarned: true } }))).toEqual(['changedAt', 'memberId', 'pointsEarned']);
    expect(fieldsOf(await expectStatus('GET', '/api/shopper/me/points', 200, { token }))).toEqual(
      ['available', 'cardNumbers', 'debt', 'expired', 'lifetimeEarned', 'memberId', 'pending', 'redeemed', 'tier'],
    );

    const entries = (await expectStatus('GET', '/api/shopper/me/points/entries', 200, { token })) as { kind: string }[];
    const entry = (kind: string) => fieldsOf(entries.filter((line) => line.kind === kind));
    expect(entries.map((line) => line.kind).sort()).toEqual(['adjustment', 'redemption', 'redemption', 'redemption-cancel']);
    expect(entry('adjustment')).toEqual(['[].cause.reason', '[].cause.reference', '[].cause.type', '[].deltas.available', '[].id', '[].kind', '[].occurredAt']);
    expect(entry('redemption')).toEqual([
      '[].cause.channel', '[].cause.code', '[].cause.location', '[].cause.quantity', '[].cause.redemptionId', '[].cause.rewardId', '[].cause.rewardKind', '[].cause.rewardName', '[].cause.type',
      '[].deltas.available', '[].deltas.redeemed', '[].id', '[].kind', '[].occurredAt',
    ]);
    expect(entry('redemption-cancel')).toEqual([
      '[].cause.code', '[].cause.reason', '[].cause.redemptionId', '[].cause.rewardId', '[].cause.type', '[].deltas.available', '[].deltas.redeemed', '[].id', '[].kind', '[].occurredAt',
    ]);
  }, 240_000);
});

/**
 * The dotted paths of every field in a JSON answer, sorted: `limit.period`, and `[].id` for the
 * items of a list; an array of plain values (or an empty one) counts as the field itself.
 */
function fieldsOf(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) {
    const objects = value.filter((item) => typeof item === 'object' && item !== null);
    if (objects.length === 0) return prefix === '' ? [] : [prefix];
    return [...new Set(objects.flatMap((item) => fieldsOf(item, `${prefix}[]`)))].sort();
  }
  if (typeof value !== 'object' || value === null) return prefix === '' ? [] : [prefix];
  return Object.entries(value)
    .flatMap(([key, field]) => fieldsOf(field, prefix === '' ? key : `${prefix}.${key}`))
    .sort();
}
