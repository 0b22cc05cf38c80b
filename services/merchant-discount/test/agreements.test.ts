import { testPort } from '@atrium/testing';
import { MerchantStack, type Answer, type Role } from './support/merchant-stack';

interface Offer {
  offerId?: string;
  benefit: Record<string, unknown>;
  tiers: string[];
  window: { weekdays: number[]; from?: string; until?: string };
  terms: Record<string, string>;
  fundedBy: string;
}

interface Agreement {
  agreementId: string;
  tenantId: string;
  status: string;
  state: string;
  stateOn: string;
  versionInForce?: number;
  versions: {
    version: number;
    status: string;
    author: string;
    approver?: string;
    returnComment?: string;
    signOff?: Record<string, string>;
    terms: { validFrom: string; validUntil: string; offers: Offer[] };
    diff?: { path: string; change: string; before?: unknown; after?: unknown }[];
  }[];
  termination?: { reason: string; lastDay: string; by: string };
}

interface Problem {
  code: string;
  errors?: { field: string; message: string }[];
}

type Reply = Answer<Agreement & Problem>;

/** The calendar day in the centre (TZ_CENTRE's default), worked out apart from the service. */
function shanghaiDay(offsetDays = 0): string {
  return new Date(Date.now() + offsetDays * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Discount agreements on the real servers through the gateway: their life cycle and who may
 * do each step, the rules that refuse terms (nothing stored), offers that would overlap one in
 * force, amendments with their diff, and the agreements active on a day.
 */
describe('discount agreements with tenants', () => {
  const stack = new MerchantStack({ gateway: testPort(18411), merchant: testPort(13411), points: testPort(13412) });
  const id = (name: string) => `${name}-${stack.run}`;
  const today = shanghaiDay();
  const base = '/api/merchant-discount/agreements';

  beforeAll(async () => {
    await stack.start();
    for (const name of ['lifecycle', 'four-eyes', 'overlap', 'expired']) {
      const answer = await stack.call('POST', '/api/merchant-discount/tenants', 'specialist', {
        tenantId: id(name),
        brand: `${name} 品牌`,
        legalName: `${name} Ltd`,
        unitNumber: `${name}-${stack.run}`.toUpperCase().slice(0, 20),
        floor: 'L1',
        category: 'dining',
      });
      expect(answer.status).toBe(201);
    }
  }, 180_000);

  afterAll(async () => {
    await stack.stop();
  });

  const offer = (fields: Partial<Offer> = {}): Offer => ({
    benefit: { kind: 'percentage', percentOff: 10 },
    tiers: ['gold'],
    window: { weekdays: [] },
    terms: { 'zh-Hant': '全單九折', 'zh-Hans': '全单九折', en: '10% off the bill' },
    fundedBy: 'tenant',
    ...fields,
  });
  const draft = (tenant: string, fields: Record<string, unknown> = {}) => ({ tenantId: id(tenant), title: '會員優惠', validFrom: '2026-01-01', validUntil: '2099-12-31', offers: [offer()], ...fields });
  const call = (method: string, path: string, as: Role, body?: unknown) => stack.call<Agreement & Problem>(method, `${base}${path}`, as, body);
  const create = (body: Record<string, unknown>, as: Role = 'specialist') => call('POST', '', as, body);
  const act = (agreementId: string, action: string, as: Role, body: unknown = {}) => call('POST', `/${agreementId}/${action}`, as, body);
  const fieldsOf = (answer: Reply) => (answer.body.errors ?? []).map((error) => error.field);
  const signOff = { signatoryName: '陳大文', signatoryRole: 'store manager', signedOn: '2026-01-05', documentReference: 'dms://agreements/2026/1.pdf', documentSha256: 'AB'.repeat(32) };
  const activeIds = async (day: string, tenant: string) =>
    (await stack.call<{ items: Agreement[] }>('GET', `${base}?tenantId=${id(tenant)}&activeOn=${day}`, 'desk')).body.items.map((agreement) => agreement.agreementId);
  /** Drafted by a specialist, submitted, approved by the supervisor and signed off. */
  const signed = async (body: Record<string, unknown>): Promise<Agreement> => {
    const created = await create(body);
    expect(created.status).toBe(201);
    const agreementId = created.body.agreementId;
    expect((await act(agreementId, 'submit', 'specialist')).status).toBe(200);
    expect((await act(agreementId, 'approve', 'supervisor')).status).toBe(200);
    const answer = await act(agreementId, 'sign', 'specialist', signOff);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('goes from draft to signed with the right roles, amends with a diff, and leaves the active set when terminated', async () => {
    expect((await create(draft('lifecycle'), 'desk')).status).toBe(403);
    const created = await create(draft('lifecycle'));
    expect(created.status).toBe(201);
    const agreementId = created.body.agreementId;
    const offerId = created.body.versions[0].terms.offers[0].offerId!;
    expect(offerId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body).toMatchObject({ status: 'draft', state: 'draft', versions: [{ version: 1, status: 'draft', author: `merchant-specialist-${stack.run}` }] });

    // Nothing is signed off before approval, a specialist never approves, the desk only reads.
    expect((await act(agreementId, 'sign', 'specialist', signOff)).body.code).toBe('agreement.transition-not-allowed');
    expect((await act(agreementId, 'submit', 'specialist')).body.versions[0].status).toBe('submitted');
    expect((await act(agreementId, 'sign', 'specialist', signOff)).status).toBe(409);
    const bySpecialist = await act(agreementId, 'approve', 'specialist');
    expect([bySpecialist.status, bySpecialist.body.code]).toEqual([403, 'agreement.role-required']);
    expect((await act(agreementId, 'approve', 'desk')).status).toBe(403);

    // Returned with a comment, submitted again, approved by the supervisor.
    const returned = await act(agreementId, 'return', 'supervisor', { comment: '請補充英文條款' });
    expect(returned.body.versions[0]).toMatchObject({ status: 'draft', returnComment: '請補充英文條款' });
    await act(agreementId, 'submit', 'specialist');
    const approved = await act(agreementId, 'approve', 'supervisor');
    expect(approved.body.versions[0]).toMatchObject({ status: 'approved', approver: `merchant-supervisor-${stack.run}` });

    const badSum = await act(agreementId, 'sign', 'specialist', { ...signOff, documentSha256: 'not-a-sum' });
    expect([badSum.status, fieldsOf(badSum)]).toEqual([400, ['documentSha256']]);
    const signedOff = await act(agreementId, 'sign', 'specialist', signOff);
    expect(signedOff.body).toMatchObject({ status: 'signed', state: 'active', stateOn: today, versionInForce: 1 });
    expect(signedOff.body.versions[0].signOff).toMatchObject({ ...signOff, documentSha256: 'ab'.repeat(32), recordedBy: `merchant-specialist-${stack.run}` });
    expect((await stack.call<Agreement>('GET', `${base}/${agreementId}?day=2025-12-31`, 'desk')).body.state).toBe('signed-not-yet-valid');
    expect(await activeIds(today, 'lifecycle')).toEqual([agreementId]);

    // An amendment: a new draft version whose diff against the version in force the approver sees.
    const amended = await call('PUT', `/${agreementId}/draft`, 'specialist', {
      title: '會員優惠',
      validFrom: '2026-01-01',
      validUntil: '2099-12-31',
      offers: [offer({ offerId, benefit: { kind: 'percentage', percentOff: 15 } }), offer({ benefit: { kind: 'points-multiplier', pointsMultiplier: 2 } })],
    });
    expect(amended.status).toBe(200);
    expect(amended.body).toMatchObject({ status: 'signed', state: 'active', versionInForce: 1 });
    const version2 = amended.body.versions[1];
    const addedId = version2.terms.offers[1].offerId!;
    expect(version2.terms.offers[0].offerId).toBe(offerId);
    expect(version2).toMatchObject({ version: 2, status: 'draft' });
    expect(version2.diff).toEqual(
      expect.arrayContaining([
        { path: `offers.${offerId}.benefit.percentOff`, change: 'changed', before: 10, after: 15 },
        expect.objectContaining({ path: `offers.${addedId}`, change: 'added' }),
      ]),
    );
    expect(version2.diff).toHaveLength(2);
    const foreignId = await call('PUT', `/${agreementId}/draft`, 'specialist', { title: 'x', validFrom: '2026-01-01', validUntil: '2099-12-31', offers: [offer({ offerId: '00000000-0000-4000-8000-000000000000' })] });
    expect([foreignId.status, fieldsOf(foreignId)]).toEqual([400, ['offers.0.offerId']]);

    // Terminated with yesterday as the last day: active back then, out of today's active set.
    expect((await act(agreementId, 'terminate', 'specialist', { reason: 'tenant leaves', lastDay: shanghaiDay(-1) })).status).toBe(403);
    const terminated = await act(agreementId, 'terminate', 'supervisor', { reason: 'tenant leaves', lastDay: shanghaiDay(-1) });
    expect(terminated.body).toMatchObject({ status: 'terminated', state: 'terminated', termination: { reason: 'tenant leaves', lastDay: shanghaiDay(-1) } });
    expect(await activeIds(today, 'lifecycle')).toEqual([]);
    expect(await activeIds(shanghaiDay(-1), 'lifecycle')).toEqual([agreementId]);
    expect((await act(agreementId, 'terminate', 'supervisor', { reason: 'again', lastDay: today })).status).toBe(409);
    expect((await call('PUT', `/${agreementId}/draft`, 'specialist', { title: 'x', validFrom: '2026-01-01', validUntil: '2099-12-31', offers: [offer()] })).status).toBe(409);
  }, 60_000);

  it('never lets the author approve or return their own version', async () => {
    const created = await create(draft('four-eyes'), 'supervisor');
    const agreementId = created.body.agreementId;
    await act(agreementId, 'submit', 'supervisor');
    for (const action of ['approve', 'return']) {
      const own = await act(agreementId, action, 'supervisor', action === 'return' ? { comment: 'mine' } : {});
      expect([own.status, own.body.code]).toEqual([403, 'agreement.author-cannot-approve']);
    }
    expect((await stack.call<Agreement>('GET', `${base}/${agreementId}`, 'desk')).body.versions[0].status).toBe('submitted');
  });

  it('refuses terms that break a rule, naming each field, and stores nothing', async () => {
    const backwards = await create(draft('lifecycle', { validFrom: '2027-12-31', validUntil: '2027-01-01' }));
    expect([backwards.status, backwards.body.code, fieldsOf(backwards)]).toEqual([400, 'agreement.terms-invalid', ['validUntil']]);
    const unknownTier = await create(draft('lifecycle', { offers: [offer({ tiers: ['gold', 'diamond'] })] }));
    expect([unknownTier.status, fieldsOf(unknownTier)]).toEqual([400, ['offers.0.tiers.1']]);
    const unknownTenant = await create(draft('nobody'));
    expect([unknownTenant.status, fieldsOf(unknownTenant)]).toEqual([400, ['tenantId']]);
    const all = await stack.call<{ items: Agreement[] }>('GET', `${base}?tenantId=${id('nobody')}`, 'desk');
    expect(all.body.items).toEqual([]);
    // Only the one lifecycle agreement of the first test: none of these was stored.
    expect((await stack.call<{ items: Agreement[] }>('GET', `${base}?tenantId=${id('lifecycle')}`, 'desk')).body.items).toHaveLength(1);
  });

  it('refuses an offer that would hold alongside an offer in force of the same kind and tier', async () => {
    const inForce = await signed(draft('overlap', { validFrom: '2026-01-01', validUntil: '2099-12-31' }));
    const againstIt = await create(draft('overlap', { validFrom: '2030-01-01', validUntil: '2030-12-31', offers: [offer({ tiers: [], benefit: { kind: 'percentage', percentOff: 5 } })] }));
    const overlap = await act(againstIt.body.agreementId, 'submit', 'specialist');
    expect([overlap.status, overlap.body.code, fieldsOf(overlap)]).toEqual([409, 'agreement.offer-overlaps', ['offers.0']]);
    expect((await stack.call<Agreement>('GET', `${base}/${againstIt.body.agreementId}`, 'desk')).body.versions[0].status).toBe('draft');
    // An offer of another kind meets nothing.
    const otherKind = await create(draft('overlap', { offers: [offer({ benefit: { kind: 'amount-off', amountOffMinor: 2000, minSpendMinor: 20000 } })] }));
    expect((await act(otherKind.body.agreementId, 'submit', 'specialist')).status).toBe(200);
    expect(inForce.state).toBe('active');

    // Two that meet, both approved while neither is in force: the second to be signed is refused.
    const first = await create(draft('overlap', { validFrom: '2026-01-01', validUntil: '2099-12-31', offers: [offer({ tiers: ['vip'], benefit: { kind: 'free-item', item: { 'zh-Hant': '咖啡', 'zh-Hans': '咖啡', en: 'a coffee' } } })] }));
    const second = await create(draft('overlap', { validFrom: '2027-01-01', validUntil: '2027-12-31', offers: [offer({ tiers: ['vip'], benefit: { kind: 'free-item', item: { 'zh-Hant': '蛋糕', 'zh-Hans': '蛋糕', en: 'a cake' } } })] }));
    for (const agreementId of [first.body.agreementId, second.body.agreementId]) {
      expect((await act(agreementId, 'submit', 'specialist')).status).toBe(200);
      expect((await act(agreementId, 'approve', 'supervisor')).status).toBe(200);
    }
    expect((await act(first.body.agreementId, 'sign', 'specialist', signOff)).status).toBe(200);
    const late = await act(second.body.agreementId, 'sign', 'specialist', signOff);
    expect([late.status, late.body.code, fieldsOf(late)]).toEqual([409, 'agreement.offer-overlaps', ['offers.0']]);
    expect((await stack.call<Agreement>('GET', `${base}/${second.body.agreementId}`, 'desk')).body.status).toBe('approved');
  });

  it('shows an agreement past its validity as expired and out of the active set', async () => {
    const past = await signed(draft('expired', { validFrom: '2020-01-01', validUntil: '2020-12-31' }));
    expect(past.state).toBe('expired');
    expect(await activeIds(today, 'expired')).toEqual([]);
    expect(await activeIds('2020-06-01', 'expired')).toEqual([past.agreementId]);
  });
});
