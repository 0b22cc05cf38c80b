import { randomInt, randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { TOPICS } from '@atrium/contracts';
import { infraEnv, startServiceProcess, TopicRecorder, waitFor, type ServiceProcess, testPort } from '@atrium/testing';

interface Member {
  id: string;
  phone: string;
  name: string;
  cardNumber: string;
  cardState: string;
  birthday?: { month: number; day: number; year?: number };
  district?: string;
  preferredLanguage?: string;
  tags: string[];
  consent: { status: string };
  tier: string | null;
}

interface AuditPage {
  items: { action: string; staffId: string; staffRoles: string[]; changes: { field: string; from: unknown; to: unknown }[]; reason?: string }[];
}

interface Lookup {
  items: { id: string; cardNumber: string; cardState: string; cardEarns: boolean; matchedCardNumber?: string; matchedCardState?: string; tier: string | null; consent: { status: string } }[];
  hasMore: boolean;
}

interface Problem {
  code: string;
  errors?: { field: string }[];
  existingMemberId?: string;
}

/**
 * Member profile, audit, cards and the desk look-up as staff use them: through the gateway
 * (roles checked there), the built member service behind it, events read off the real topic.
 */
describe('member profile, cards and look-up through the gateway', () => {
  const run = randomUUID().slice(0, 8);
  const admin = { username: `e2e-admin-${run}`, password: `pw-${randomUUID()}` };
  const ports = { gateway: testPort(18190), member: testPort(13191) };
  const services: ServiceProcess[] = [];
  const tokens: Record<'admin' | 'desk' | 'specialist' | 'finance', string> = { admin: '', desk: '', specialist: '', finance: '' };
  const usernames = { desk: `e2e-desk-${run}`, specialist: `e2e-spec-${run}`, finance: `e2e-fin-${run}` };
  const gateway = `http://127.0.0.1:${ports.gateway}`;
  let memberEvents: TopicRecorder;

  beforeAll(async () => {
    const env = infraEnv();
    const shared = { KAFKA_BROKERS: env.kafkaBrokers.join(','), MONGO_URL: env.mongoUrl, REDIS_URL: env.redisUrl };
    services.push(
      ...(await Promise.all([
        // A database of this run's own: the name look-up sees only this run's members.
        startServiceProcess('member', ports.member, { ...shared, HTTP_PORT: String(ports.member), MONGO_DATABASE: `atrium_e2e_member_${run}`, KAFKA_CONSUMER_GROUP: `member-e2e-${run}` }),
        startServiceProcess('gateway', ports.gateway, {
          ...shared,
          GATEWAY_PORT: String(ports.gateway),
          JWT_SECRET: randomUUID() + randomUUID(),
          ATRIUM_ADMIN_USERNAME: admin.username,
          ATRIUM_ADMIN_PASSWORD: admin.password,
          MEMBER_SERVICE_URL: `http://127.0.0.1:${ports.member}`,
        }),
      ])),
    );
    // The member service created the topic at start; events this test waits for come later.
    memberEvents = await new TopicRecorder(new Kafka({ clientId: `e2e-${run}`, brokers: env.kafkaBrokers, logLevel: 1 }), [TOPICS.memberEvents.name]).start(false);
    tokens.admin = await login(admin.username, admin.password);
    for (const role of ['desk', 'specialist', 'finance'] as const) {
      const password = `pw-${randomUUID()}`;
      const created = await call('POST', '/api/auth/staff', 'admin', { username: usernames[role], displayName: role, password, roles: [role] });
      expect(created.status).toBe(201);
      tokens[role] = await login(usernames[role], password);
    }
  }, 180_000);

  afterAll(async () => {
    await memberEvents?.stop();
    await Promise.all(services.map((service) => service.stop()));
  });

  async function login(username: string, password: string): Promise<string> {
    const response = await fetch(`${gateway}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    expect(response.status).toBe(200);
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  async function call<Body = Record<string, unknown>>(method: string, path: string, as: keyof typeof tokens, body?: unknown): Promise<{ status: number; body: Body }> {
    const response = await fetch(`${gateway}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[as]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Body };
  }

  const mobile = () => `139${String(randomInt(10_000_000, 99_999_999))}`;

  async function register(name: string, phone = mobile()): Promise<Member> {
    const answer = await call<Member>('POST', '/api/member/members', 'desk', { phone, name });
    expect(answer.status).toBe(201);
    return answer.body;
  }

  const eventsOf = (memberId: string, type: string) =>
    memberEvents.messages.filter((message) => message.key === memberId && message.value?.includes(`"type":"${type}"`)).map((message) => JSON.parse(message.value!) as { payload: Record<string, unknown> });

  it('updates the profile, leaves a masked audit entry naming the specialist, and announces the new values', async () => {
    const member = await register('陳大文');
    const updated = await call<Member>('PATCH', `/api/member/members/${member.id}`, 'specialist', {
      name: '陳小文',
      birthday: { month: 2, day: 29 },
      district: '天河區',
      preferredLanguage: 'zh-Hant',
      tags: ['vip-prospect', 'VIP-prospect', 'parking'],
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: '陳小文', birthday: { month: 2, day: 29 }, district: '天河區', preferredLanguage: 'zh-Hant', tags: ['vip-prospect', 'parking'] });

    const audit = await call<AuditPage>('GET', `/api/member/members/${member.id}/audit`, 'specialist');
    expect(audit.status).toBe(200);
    const [latest] = audit.body.items;
    expect(latest).toMatchObject({ action: 'profile.updated', staffId: usernames.specialist, staffRoles: ['specialist'] });
    expect(latest.changes).toEqual([
      { field: 'name', from: '陳**', to: '陳**' },
      { field: 'birthday', from: null, to: '**-**' },
      { field: 'district', from: null, to: '天河區' },
      { field: 'preferredLanguage', from: null, to: 'zh-Hant' },
      { field: 'tags', from: [], to: ['vip-prospect', 'parking'] },
    ]);
    expect(JSON.stringify(audit.body)).not.toContain('小文');
    // Finance reads the audit; the desk does not.
    expect((await call('GET', `/api/member/members/${member.id}/audit`, 'finance')).status).toBe(200);
    expect((await call('GET', `/api/member/members/${member.id}/audit`, 'desk')).status).toBe(403);

    const [event] = await waitFor('member.profile-updated', () => Promise.resolve(eventsOf(member.id, 'member.profile-updated')[0] ? eventsOf(member.id, 'member.profile-updated') : undefined));
    expect(event.payload).toMatchObject({
      memberId: member.id,
      changedFields: ['name', 'birthday', 'district', 'preferredLanguage', 'tags'],
      preferredLanguage: 'PREFERRED_LANGUAGE_ZH_HANT',
      birthdayMonth: 2,
      birthdayDay: 29,
      district: '天河區',
      tags: ['vip-prospect', 'parking'],
    });
  });

  it('lets the desk change contact details only: a specialist-only change is refused with 403', async () => {
    const member = await register('Desk Contact');
    const refused = await call<Problem>('PATCH', `/api/member/members/${member.id}`, 'desk', { name: 'Renamed By Desk' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('auth.role-not-allowed');
    expect((await call('PATCH', `/api/member/members/${member.id}`, 'finance', { district: 'x' })).status).toBe(403);

    const newPhone = mobile();
    const contact = await call<Member>('PATCH', `/api/member/members/${member.id}/contact`, 'desk', { phone: `+86 ${newPhone.slice(0, 3)}-${newPhone.slice(3, 7)}-${newPhone.slice(7)}`, preferredLanguage: 'en' });
    expect(contact.status).toBe(200);
    expect(contact.body).toMatchObject({ name: 'Desk Contact', phone: `+86${newPhone}`, preferredLanguage: 'en' });
    const deskOnlyContact = await call<Problem>('PATCH', `/api/member/members/${member.id}/contact`, 'desk', { name: 'Sneaky' });
    expect(deskOnlyContact.status).toBe(400);
    expect(deskOnlyContact.body.errors?.map((error) => error.field)).toEqual(['name']);

    const [entry] = (await call<AuditPage>('GET', `/api/member/members/${member.id}/audit`, 'specialist')).body.items;
    expect(entry).toMatchObject({ action: 'contact.updated', staffId: usernames.desk, staffRoles: ['desk'] });
    expect(entry.changes[0]).toEqual({ field: 'phone', from: `+86*******${member.phone.slice(-4)}`, to: `+86*******${newPhone.slice(-4)}` });
  });

  it('answers 400 naming the field and stores nothing; 409 for another member\'s phone; 404 for nobody', async () => {
    const member = await register('Bad Input');
    const bad = await call<Problem>('PATCH', `/api/member/members/${member.id}`, 'specialist', { district: 'Should not be stored', birthday: { month: 2, day: 29, year: 2023 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((error) => error.field)).toEqual(['birthday.day']);
    const invalidLanguage = await call<Problem>('PATCH', `/api/member/members/${member.id}`, 'specialist', { preferredLanguage: 'fr', tags: ['ok'] });
    expect(invalidLanguage.body.errors?.map((error) => error.field)).toEqual(['preferredLanguage']);
    const unchanged = await call<Member>('GET', `/api/member/members/${member.id}`, 'desk');
    expect(unchanged.body.district).toBeUndefined();
    expect(unchanged.body.tags).toEqual([]);
    expect((await call<AuditPage>('GET', `/api/member/members/${member.id}/audit`, 'specialist')).body.items.map((entry) => entry.action)).toEqual(['member.registered']);

    const other = await register('Phone Owner');
    const taken = await call<Problem>('PATCH', `/api/member/members/${member.id}/contact`, 'desk', { phone: other.phone.replace('+86', '') });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'member.phone-taken', existingMemberId: other.id });
    expect((await call('PATCH', `/api/member/members/${randomUUID()}`, 'specialist', { district: 'x' })).status).toBe(404);
  });

  it('reports a card lost and replaces it: the old number still finds the member, marked lost, and cannot earn', async () => {
    const member = await register('Lost Card');
    const oldCard = member.cardNumber;
    const lost = await call<{ current: { number: string; state: string; earns: boolean } }>('POST', `/api/member/members/${member.id}/cards/lost`, 'desk', { reason: 'lost at the cinema' });
    expect(lost.status).toBe(200);
    expect(lost.body.current).toMatchObject({ number: oldCard, state: 'lost', earns: false });

    const replaced = await call<{ current: { number: string; state: string }; cards: { number: string; state: string; replacedBy?: string }[] }>(
      'POST',
      `/api/member/members/${member.id}/cards/replacement`,
      'desk',
      { reason: 'lost' },
    );
    expect(replaced.status).toBe(200);
    const newCard = replaced.body.current.number;
    expect(newCard).not.toBe(oldCard);
    expect(replaced.body.cards).toEqual([
      expect.objectContaining({ number: newCard, state: 'active' }),
      expect.objectContaining({ number: oldCard, state: 'lost', replacedBy: newCard }),
    ]);

    const byOldCard = await call<Lookup>('GET', `/api/member/members?card=${oldCard}`, 'desk');
    expect(byOldCard.body.items).toEqual([expect.objectContaining({ id: member.id, cardNumber: newCard, cardState: 'active', matchedCardNumber: oldCard, matchedCardState: 'lost' })]);
    const spaced = `${newCard.slice(0, 4)} ${newCard.slice(4, 8)} ${newCard.slice(8, 12)} ${newCard.slice(12)}`;
    expect((await call<Lookup>('GET', `/api/member/members?card=${encodeURIComponent(spaced)}`, 'finance')).body.items.map((item) => item.id)).toEqual([member.id]);

    const [replacedEvent] = await waitFor('member.card-replaced', () => Promise.resolve(eventsOf(member.id, 'member.card-replaced')[0] ? eventsOf(member.id, 'member.card-replaced') : undefined));
    expect(replacedEvent.payload).toMatchObject({ oldCardNumber: oldCard, newCardNumber: newCard, oldCardState: 'CARD_STATE_LOST' });
    await waitFor('member.card-issued for the new card', () => Promise.resolve(eventsOf(member.id, 'member.card-issued').some((event) => event.payload.cardNumber === newCard) || undefined));

    const typo = `${oldCard.slice(0, 15)}${(Number(oldCard[15]) + 1) % 10}`;
    const badCard = await call<Problem>('GET', `/api/member/members?card=${typo}`, 'desk');
    expect(badCard.status).toBe(400);
    expect(badCard.body.errors?.map((error) => error.field)).toEqual(['card']);
  });

  it('freezes and unfreezes with a reason, each announced on the topic; a frozen card is not replaced', async () => {
    const member = await register('Frozen Card');
    const noReason = await call<Problem>('POST', `/api/member/members/${member.id}/cards/freeze`, 'desk', {});
    expect(noReason.status).toBe(400);
    expect(new Set(noReason.body.errors?.map((error) => error.field))).toEqual(new Set(['reason']));
    const frozen = await call<{ current: { state: string; stateReason: string } }>('POST', `/api/member/members/${member.id}/cards/freeze`, 'desk', { reason: 'suspected shared use' });
    expect(frozen.body.current).toMatchObject({ state: 'frozen', stateReason: 'suspected shared use' });
    const byPhone = await call<Lookup>('GET', `/api/member/members?phone=${member.phone.slice(3)}`, 'desk');
    expect(byPhone.body.items[0]).toMatchObject({ cardState: 'frozen', cardEarns: false });

    const replace = await call<Problem>('POST', `/api/member/members/${member.id}/cards/replacement`, 'desk', {});
    expect(replace.status).toBe(409);
    expect(replace.body.code).toBe('member.card-state-conflict');
    expect((await call('POST', `/api/member/members/${member.id}/cards/unfreeze`, 'desk', { reason: 'cleared by supervisor' })).status).toBe(200);
    expect((await call('POST', `/api/member/members/${member.id}/cards/unfreeze`, 'desk', { reason: 'twice' })).status).toBe(409);

    const states = await waitFor('both card-state events', () => {
      const events = eventsOf(member.id, 'member.card-state-changed');
      return Promise.resolve(events.length >= 2 ? events : undefined);
    });
    expect(states.map((event) => [event.payload.cardNumber, event.payload.previousState, event.payload.state, event.payload.reason])).toEqual([
      [member.cardNumber, 'CARD_STATE_ACTIVE', 'CARD_STATE_FROZEN', 'suspected shared use'],
      [member.cardNumber, 'CARD_STATE_FROZEN', 'CARD_STATE_ACTIVE', 'cleared by supervisor'],
    ]);
    const audit = await call<AuditPage>('GET', `/api/member/members/${member.id}/audit`, 'specialist');
    expect(audit.body.items.slice(0, 2).map((entry) => [entry.action, entry.reason])).toEqual([
      ['card.unfrozen', 'cleared by supervisor'],
      ['card.frozen', 'suspected shared use'],
    ]);
  });

  it('looks members up by phone in any common format, by card, and by name prefix, a page at a time', async () => {
    const phone = mobile();
    const member = await register('歐陽娜娜', phone);
    for (const typed of [phone, `+86${phone}`, `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`, `${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`, `0086${phone}`]) {
      const found = await call<Lookup>('GET', `/api/member/members?phone=${encodeURIComponent(typed)}`, 'desk');
      expect({ typed, ids: found.body.items.map((item) => item.id) }).toEqual({ typed, ids: [member.id] });
    }
    expect((await call<Lookup>('GET', `/api/member/members?phone=${mobile()}`, 'desk')).body.items).toEqual([]);
    expect((await call<Lookup>('GET', `/api/member/members?phone=12345`, 'desk')).status).toBe(400);
    expect((await call<Lookup>('GET', `/api/member/members?card=${member.cardNumber}`, 'desk')).body.items[0]).toMatchObject({
      id: member.id,
      tier: null,
      consent: { status: 'not-given' },
      cardState: 'active',
    });

    const latin = await Promise.all(['Alice Chan', 'alice chow', 'ALICIA Wong', 'Bob Alice'].map((name) => register(`${name} ${run}`)));
    const byName = await call<Lookup>('GET', `/api/member/members?name=${encodeURIComponent('aLiCe C')}`, 'desk');
    expect(byName.body.items.map((item) => item.id).sort()).toEqual([latin[0].id, latin[1].id].sort());
    expect((await call<Lookup>('GET', `/api/member/members?name=${encodeURIComponent('歐陽')}`, 'desk')).body.items.map((item) => item.id)).toEqual([member.id]);
    const regexInput = await call<Lookup>('GET', `/api/member/members?name=${encodeURIComponent('.*')}`, 'desk');
    expect(regexInput.status).toBe(400);
    expect((await call<Lookup>('GET', `/api/member/members?name=${encodeURIComponent('a(l')}`, 'desk')).body.items.length).toBeGreaterThanOrEqual(3);

    const first = await call<Lookup>('GET', `/api/member/members?name=ali&limit=2`, 'desk');
    const second = await call<Lookup>('GET', `/api/member/members?name=ali&limit=2&offset=2`, 'desk');
    expect(first.body.hasMore).toBe(true);
    expect(second.body.hasMore).toBe(false);
    expect([...first.body.items, ...second.body.items].map((item) => item.id).sort()).toEqual([latin[0].id, latin[1].id, latin[2].id].sort());

    const none = await call<Problem>('GET', '/api/member/members', 'desk');
    expect(none.status).toBe(400);
    expect(none.body.errors?.map((error) => error.field)).toEqual(['phone', 'card', 'name']);
    expect((await call<Problem>('GET', `/api/member/members?phone=${phone}&name=x`, 'desk')).body.errors?.map((error) => error.field)).toEqual(['phone', 'name']);
    expect((await call<Problem>('GET', `/api/member/members?name=ali&limit=1000`, 'desk')).body.errors?.map((error) => error.field)).toEqual(['limit']);
  });
});
