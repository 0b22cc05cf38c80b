import { randomUUID } from 'node:crypto';
import { MemberServiceUnderTest, type TestStaff } from './support/member-service';
import { testPort } from '@atrium/testing';

interface ComplaintAnswer {
  id: string;
  kind: string;
  category: string;
  channel: string;
  memberId?: string;
  description: string;
  status: string;
  assignee?: string;
  resolution?: string;
  createdBy: string;
  createdAt: string;
  resolvedAt?: string;
  closedAt?: string;
  timeToResolveSeconds?: number;
  history: { by: string; action: string; from?: string; to?: string }[];
}

interface PageAnswer {
  items: ComplaintAnswer[];
  limit: number;
  offset: number;
  hasMore: boolean;
}

/** Complaints and suggestions (客訴) through the member service's HTTP API, on the real servers. */
describe('complaints and suggestions', () => {
  const service = new MemberServiceUnderTest(testPort(13282));
  const desk: TestStaff = { id: 'desk-amy', roles: ['desk'] };
  const specialist: TestStaff = { id: 'specialist-bo', roles: ['specialist'] };

  beforeAll(async () => {
    await service.start();
  }, 120_000);

  afterAll(async () => {
    await service.stop();
  });

  const record = (body: Record<string, unknown>, staff: TestStaff = desk) => service.call<ComplaintAnswer>('POST', '/complaints', { body, staff });
  const setStatus = (id: string, body: Record<string, unknown>, staff: TestStaff = specialist) => service.call<ComplaintAnswer & { code?: string }>('POST', `/complaints/${id}/status`, { body, staff });
  const list = async (query: string) => (await service.call<PageAnswer>('GET', `/complaints?${query}`)).body;

  it('records a complaint from a member, assigns it and follows it to closed, with the time to resolve', async () => {
    const member = await service.register(desk);
    const created = await record({ kind: 'complaint', category: 'parking', channel: 'desk', memberId: member.id, description: 'The B2 pay machine kept my ticket' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'complaint', category: 'parking', channel: 'desk', memberId: member.id, status: 'open', createdBy: desk.id });
    const { id } = created.body;

    const assigned = await service.call<ComplaintAnswer>('POST', `/complaints/${id}/assignment`, { body: { assignee: 'specialist-bo' }, staff: desk });
    expect(assigned.body).toMatchObject({ assignee: 'specialist-bo', status: 'open' });

    expect((await setStatus(id, { status: 'in-progress' })).body.status).toBe('in-progress');
    const resolved = await setStatus(id, { status: 'resolved', resolution: 'Refunded the parking fee' });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: 'Refunded the parking fee' });
    const expected = Math.round((Date.parse(resolved.body.resolvedAt!) - Date.parse(resolved.body.createdAt)) / 1000);
    expect(resolved.body.timeToResolveSeconds).toBe(expected);

    const closed = await setStatus(id, { status: 'closed' });
    expect(closed.body).toMatchObject({ status: 'closed', resolution: 'Refunded the parking fee' });
    expect(closed.body.closedAt).toBeDefined();
    expect(closed.body.history.map((event) => [event.action, event.by, event.to])).toEqual([
      ['recorded', desk.id, 'open'],
      ['assigned', desk.id, 'specialist-bo'],
      ['status-changed', specialist.id, 'in-progress'],
      ['status-changed', specialist.id, 'resolved'],
      ['status-changed', specialist.id, 'closed'],
    ]);
    expect((await service.call<ComplaintAnswer>('GET', `/complaints/${id}`)).body.status).toBe('closed');
  });

  it('enforces the transitions: resolving needs a resolution, closed is final, nothing skips to closed', async () => {
    const { body } = await record({ kind: 'suggestion', category: 'facilities', channel: 'online', description: 'More benches on L3' });

    const skip = await setStatus(body.id, { status: 'closed' });
    expect(skip.status).toBe(409);
    expect(skip.body.code).toBe('complaint.transition-not-allowed');

    const noResolution = await setStatus(body.id, { status: 'resolved' });
    expect(noResolution.status).toBe(400);
    expect((noResolution.body as unknown as { errors: { field: string }[] }).errors.map((error) => error.field)).toEqual(['resolution']);
    expect((await service.call<ComplaintAnswer>('GET', `/complaints/${body.id}`)).body.status).toBe('open');

    // Resolved on the spot at the desk, reopened when the shopper comes back, then resolved again.
    expect((await setStatus(body.id, { status: 'resolved', resolution: 'Passed to facilities' }, desk)).body.status).toBe('resolved');
    const reopened = await setStatus(body.id, { status: 'in-progress' });
    expect(reopened.body.status).toBe('in-progress');
    expect(reopened.body.resolution).toBeUndefined();
    expect(reopened.body.timeToResolveSeconds).toBeUndefined();
    await setStatus(body.id, { status: 'resolved', resolution: 'Benches ordered' });
    await setStatus(body.id, { status: 'closed' });
    const afterClose = await setStatus(body.id, { status: 'in-progress' });
    expect(afterClose.status).toBe(409);
    const reassign = await service.call<{ code: string }>('POST', `/complaints/${body.id}/assignment`, { body: { assignee: 'desk-amy' }, staff: desk });
    expect(reassign.status).toBe(409);
    expect(reassign.body.code).toBe('complaint.closed');
  });

  it('answers 400 naming each bad field and stores nothing; 404 for an unknown member; 401 without the gateway\'s staff header', async () => {
    const before = await list('limit=100');
    const bad = await record({ kind: 'rant', category: 'weather', channel: 'pigeon', description: '', assignee: 'Not A Username!' });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
    const fields = (bad.body as unknown as { errors: { field: string }[] }).errors.map((error) => error.field);
    expect([...new Set(fields)].sort()).toEqual(['assignee', 'category', 'channel', 'description', 'kind']);
    const unknownMember = await record({ kind: 'complaint', category: 'service', channel: 'phone', memberId: randomUUID(), description: 'Rude answer' });
    expect(unknownMember.status).toBe(404);
    const nobody = await service.call('POST', '/complaints', { body: { kind: 'complaint', category: 'service', channel: 'phone', description: 'Who am I' } });
    expect(nobody.status).toBe(401);
    expect((await list('limit=100')).items.length).toBe(before.items.length);
    expect((await service.call('GET', `/complaints/${randomUUID()}`)).status).toBe(404);
  });

  it('lists newest first, filtered by status, category, assignee, member and period, a page at a time', async () => {
    const member = await service.register(desk);
    const tag = randomUUID().slice(0, 8);
    const made: ComplaintAnswer[] = [];
    for (const [category, assignee] of [['tenant', 'desk-amy'], ['tenant', 'specialist-bo'], ['points', 'specialist-bo']] as const) {
      made.push((await record({ kind: 'complaint', category, channel: 'wechat', memberId: member.id, description: `${tag} ${category}`, assignee })).body);
    }
    await setStatus(made[2].id, { status: 'in-progress' });

    const byMember = await list(`memberId=${member.id}`);
    expect(byMember.items.map((complaint) => complaint.id)).toEqual([made[2].id, made[1].id, made[0].id]);
    expect((await list(`memberId=${member.id}&category=tenant`)).items.map((c) => c.id)).toEqual([made[1].id, made[0].id]);
    expect((await list(`memberId=${member.id}&assignee=specialist-bo&status=open`)).items.map((c) => c.id)).toEqual([made[1].id]);
    expect((await list(`memberId=${member.id}&status=in-progress`)).items.map((c) => c.id)).toEqual([made[2].id]);

    const firstPage = await list(`memberId=${member.id}&limit=2`);
    expect(firstPage).toMatchObject({ limit: 2, offset: 0, hasMore: true });
    const secondPage = await list(`memberId=${member.id}&limit=2&offset=2`);
    expect(secondPage).toMatchObject({ hasMore: false });
    expect([...firstPage.items, ...secondPage.items].map((c) => c.id)).toEqual(byMember.items.map((c) => c.id));

    const from = encodeURIComponent(made[1].createdAt);
    expect((await list(`memberId=${member.id}&from=${from}`)).items.map((c) => c.id)).toEqual([made[2].id, made[1].id]);
    expect((await list(`memberId=${member.id}&to=${from}`)).items.map((c) => c.id)).toEqual([made[0].id]);

    const badQuery = await service.call<{ errors: { field: string }[] }>('GET', '/complaints?status=pending&from=2026-11-01&limit=500');
    expect(badQuery.status).toBe(400);
    expect([...new Set(badQuery.body.errors.map((error) => error.field))].sort()).toEqual(['from', 'limit', 'status']);
    const reversed = await service.call<{ errors: { field: string }[] }>('GET', `/complaints?from=${encodeURIComponent('2026-12-01T00:00:00+08:00')}&to=${encodeURIComponent('2026-11-01T00:00:00+08:00')}`);
    expect(reversed.body.errors.map((error) => error.field)).toEqual(['to']);
  });
});
