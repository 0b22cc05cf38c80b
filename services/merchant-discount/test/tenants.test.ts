import { Kafka } from 'kafkajs';
import { deadLetterTopicOf, TOPICS } from '@atrium/contracts';
import { infraEnv, publishTenantsRegistered, TopicRecorder, waitFor, waitForTenantsInPoints, testPort, type RecordedMessage } from '@atrium/testing';
import { MerchantStack, type Answer } from './support/merchant-stack';

interface Tenant {
  tenantId: string;
  brand: string;
  unitNumber: string;
  floor: string;
  category: string;
  status: string;
  contacts: { name: string; phone?: string; email?: string }[];
  statusDates: Record<string, string>;
  revision: number;
  createdBy: string;
}

interface Problem {
  code: string;
  errors?: { field: string; message: string }[];
}

interface ImportAnswer {
  rows: number;
  registered: string[];
  failed: { line: number; column: string; message: string }[];
}

interface Envelope {
  type: string;
  payload: { tenant: { tenantId: string; brand: string; status: string; revision: string }; changedFields?: string[] };
}

/**
 * The tenant directory on the real servers: staff keep tenants in the merchant-discount service
 * through the gateway, every change is announced once on atrium.merchant.events.v1, and the
 * points service's registry follows those events only (its PUT is gone).
 */
describe('the tenant directory and the points registry it fills', () => {
  const stack = new MerchantStack({ gateway: testPort(18401), merchant: testPort(13401), points: testPort(13402) });
  let events: TopicRecorder;
  let deadLetters: TopicRecorder;
  const id = (name: string) => `${name}-${stack.run}`;
  const unit = (name: string) => `${name}-${stack.run}`.toUpperCase();

  beforeAll(async () => {
    await stack.start();
    const kafka = new Kafka({ clientId: `merchant-test-${stack.run}`, brokers: infraEnv().kafkaBrokers, logLevel: 1 });
    [events, deadLetters] = await Promise.all([
      new TopicRecorder(kafka, [TOPICS.merchantEvents.name]).start(false),
      new TopicRecorder(kafka, [deadLetterTopicOf(TOPICS.merchantEvents.name)]).start(false),
    ]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([events?.stop(), deadLetters?.stop()]);
    await stack.stop();
  });

  const register = (body: Record<string, unknown>, as: 'specialist' | 'supervisor' | 'desk' = 'specialist') =>
    stack.call<Tenant & Problem>('POST', '/api/merchant-discount/tenants', as, body);
  const tenantBody = (name: string, fields: Record<string, unknown> = {}) => ({
    tenantId: id(name),
    brand: `${name} 品牌`,
    legalName: `${name} Trading Ltd`,
    unitNumber: unit(name),
    floor: 'L2',
    category: 'dining',
    ...fields,
  });
  const eventsOf = (tenantId: string): Envelope[] =>
    events.messages.filter((message: RecordedMessage) => message.key === tenantId).map((message) => JSON.parse(message.value!) as Envelope);
  const fieldsOf = (answer: Answer<Problem>) => [...new Set((answer.body.errors ?? []).map((error) => error.field))];

  it('registers, reads and changes tenants, announcing each change once, and the points registry follows', async () => {
    const created = await register(
      tenantBody('cafe', {
        zone: 'North',
        contacts: [{ name: '李娜', role: 'store manager', phone: '138 0013 8000', email: 'Li.Na@Example.com' }],
        openingHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '10:00', closes: '22:00' }, { days: ['sat', 'sun'], opens: '09:30', closes: '23:00' }],
        statusDates: { fittingOutFrom: '2026-01-10', openedOn: '2026-03-01' },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      tenantId: id('cafe'),
      unitNumber: unit('cafe'),
      status: 'open',
      revision: 1,
      contacts: [{ name: '李娜', role: 'store manager', phone: '+8613800138000', email: 'li.na@example.com' }],
      createdBy: `merchant-specialist-${stack.run}`,
    });
    // The desk reads the directory but does not write it.
    expect((await stack.call<Tenant>('GET', `/api/merchant-discount/tenants/${id('cafe')}`, 'desk')).body.brand).toBe('cafe 品牌');
    expect((await register(tenantBody('desk'), 'desk')).status).toBe(403);
    expect((await stack.call('GET', `/api/merchant-discount/tenants/${id('nobody')}`, 'desk')).status).toBe(404);

    await waitForTenantsInPoints(stack.pointsUrl, [{ id: id('cafe'), status: 'open' }]);
    const [registered] = eventsOf(id('cafe'));
    expect(registered).toMatchObject({ type: 'tenant.registered', payload: { tenant: { tenantId: id('cafe'), brand: 'cafe 品牌', status: 'TENANT_STATUS_OPEN', revision: '1' } } });
    // Contacts are personal data: they stay in the directory, out of events.
    expect(JSON.stringify(registered)).not.toContain('13800138000');

    // A change that changes something: the next revision, announced; the same change again: nothing.
    const renamed = await stack.call<Tenant>('PATCH', `/api/merchant-discount/tenants/${id('cafe')}`, 'supervisor', { brand: 'Café 咖啡' });
    expect(renamed.body).toMatchObject({ brand: 'Café 咖啡', revision: 2 });
    expect((await stack.call<Tenant>('PATCH', `/api/merchant-discount/tenants/${id('cafe')}`, 'specialist', { brand: 'Café 咖啡' })).body.revision).toBe(2);
    await waitFor('tenant.changed', () => Promise.resolve(eventsOf(id('cafe')).length >= 2 ? true : undefined));
    expect(eventsOf(id('cafe'))[1]).toMatchObject({ type: 'tenant.changed', payload: { changedFields: ['brand'], tenant: { revision: '2' } } });
    await waitFor('the new name in points', async () => {
      const listed = (await stack.call<{ id: string; name: string }[]>('GET', '/api/points/tenants', 'desk')).body;
      return listed.some((tenant) => tenant.id === id('cafe') && tenant.name === 'Café 咖啡') ? true : undefined;
    }, 60_000);

    // Closing: tenant.closed, the points registry stops its sales, and the unit may be let again.
    const closed = await stack.call<Tenant>('PATCH', `/api/merchant-discount/tenants/${id('cafe')}`, 'specialist', { status: 'closed', statusDates: { openedOn: '2026-03-01', closedOn: '2026-11-30' } });
    expect(closed.body).toMatchObject({ status: 'closed', revision: 3 });
    await waitForTenantsInPoints(stack.pointsUrl, [{ id: id('cafe'), status: 'closed' }]);
    await waitFor('tenant.closed', () => Promise.resolve(eventsOf(id('cafe')).length >= 3 ? true : undefined));
    expect(eventsOf(id('cafe')).map((event) => event.type)).toEqual(['tenant.registered', 'tenant.changed', 'tenant.closed']);
    expect((await register(tenantBody('bakery', { unitNumber: unit('cafe').toLowerCase() }))).status).toBe(201);

    // An old event arriving late never overwrites the newer state.
    await publishTenantsRegistered([{ id: id('cafe'), name: 'stale', status: 'open' }]);
    await publishTenantsRegistered([{ id: id('late-probe') }]);
    await waitForTenantsInPoints(stack.pointsUrl, [{ id: id('late-probe') }, { id: id('cafe'), status: 'closed' }]);
    const cafe = (await stack.call<{ id: string; name: string; revision: number }[]>('GET', '/api/points/tenants', 'desk')).body.find((tenant) => tenant.id === id('cafe'));
    expect(cafe).toMatchObject({ name: 'Café 咖啡', revision: 3 });

    // No PUT any more: tenants are not typed in twice.
    expect((await stack.call('PUT', `/api/points/tenants/${id('typed')}`, 'admin', { name: 'typed', status: 'open' })).status).not.toBe(200);
  }, 180_000);

  it('names the field at fault and stores and announces nothing', async () => {
    const taken = await register(tenantBody('taken'));
    expect(taken.status).toBe(201);
    const cases: [Record<string, unknown>, number, string][] = [
      [tenantBody('cat', { category: 'spaceships' }), 400, 'category'],
      [tenantBody('phone', { contacts: [{ name: 'A' }, { name: 'B', phone: '12345' }] }), 400, 'contacts.1.phone'],
      [tenantBody('mail', { contacts: [{ name: 'A', email: 'not-mail' }] }), 400, 'contacts.0.email'],
      [tenantBody('dates', { statusDates: { openedOn: '2026-05-01', closingFrom: '2026-04-01' } }), 400, 'statusDates.closingFrom'],
      [tenantBody('hours', { openingHours: [{ days: ['mon'], opens: '10:00', closes: '22:00' }, { days: ['mon'], opens: '11:00', closes: '21:00' }] }), 400, 'openingHours.1.days'],
      [tenantBody('unit', { unitNumber: unit('taken') }), 409, 'unitNumber'],
      [tenantBody('taken', { unitNumber: unit('other') }), 409, 'tenantId'],
    ];
    for (const [body, status, field] of cases) {
      const answer = await register(body);
      expect({ field, status: answer.status, fields: fieldsOf(answer), problem: answer.contentType.includes('application/problem+json') }).toEqual({ field, status, fields: [field], problem: true });
    }
    const changeDates = await stack.call<Problem>('PATCH', `/api/merchant-discount/tenants/${id('taken')}`, 'specialist', { statusDates: { fittingOutFrom: '2026-06-01', openedOn: '2026-05-01' } });
    expect(fieldsOf(changeDates)).toEqual(['statusDates.openedOn']);
    for (const name of ['cat', 'phone', 'mail', 'dates', 'hours', 'unit']) expect((await stack.call('GET', `/api/merchant-discount/tenants/${id(name)}`, 'desk')).status).toBe(404);
    await waitFor('the registration event', () => Promise.resolve(eventsOf(id('taken')).length > 0 ? true : undefined));
    expect(eventsOf(id('taken')).map((event) => event.type)).toEqual(['tenant.registered']);
    for (const name of ['cat', 'phone', 'mail', 'dates', 'hours', 'unit']) expect(eventsOf(id(name))).toEqual([]);
  }, 120_000);

  it('imports tenants from CSV: good rows in, bad rows reported by line and column and left out whole', async () => {
    const csv = [
      'Tenant ID,brand,legal name,unit number,floor,category,status,openedOn,closedOn,openingHours,contactName,contactPhone,contactEmail',
      `${id('csv-a')},"Noodles, 麵",Noodles Ltd,${unit('csv-a')},B1,dining,open,2026-02-01,,daily 10:00-22:00,王先生,13900139000,wang@example.com`,
      `${id('csv-b')},Kids Land,Kids Ltd,${unit('csv-b')},L3,kids,fitting out,,,,,,`,
      `${id('csv-c')},Ships,Ships Ltd,${unit('csv-c')},L3,spaceships,,,,,,,`,
      `${id('csv-d')},Bad Phone,Phone Ltd,${unit('csv-d')},L3,beauty,,,,,陳小姐,123,`,
      `${id('csv-e')},Same Unit,Unit Ltd,${unit('csv-a')},B1,fashion,,,,,,,`,
      `${id('csv-f')},Backwards,Dates Ltd,${unit('csv-f')},L1,services,closed,2026-05-01,2026-04-01,,,,`,
      `${id('csv-g')},Hours,Hours Ltd,${unit('csv-g')},L1,services,,,,sometimes,,,`,
    ].join('\n');
    const imported = await stack.call<ImportAnswer>('POST', '/api/merchant-discount/tenants/imports', 'specialist', csv);
    expect(imported.status).toBe(200);
    expect(imported.body.rows).toBe(7);
    expect(imported.body.registered).toEqual([id('csv-a'), id('csv-b')]);
    expect(imported.body.failed.map(({ line, column }) => ({ line, column }))).toEqual([
      { line: 4, column: 'category' },
      { line: 5, column: 'contactPhone' },
      { line: 6, column: 'unitNumber' },
      { line: 7, column: 'closedOn' },
      { line: 8, column: 'openingHours' },
    ]);
    const a = (await stack.call<Tenant>('GET', `/api/merchant-discount/tenants/${id('csv-a')}`, 'desk')).body;
    expect(a).toMatchObject({ brand: 'Noodles, 麵', floor: 'B1', contacts: [{ name: '王先生', phone: '+8613900139000', email: 'wang@example.com' }], statusDates: { openedOn: '2026-02-01' } });
    expect((await stack.call<Tenant>('GET', `/api/merchant-discount/tenants/${id('csv-b')}`, 'desk')).body.status).toBe('fitting-out');
    for (const name of ['csv-c', 'csv-d', 'csv-e', 'csv-f', 'csv-g']) expect((await stack.call('GET', `/api/merchant-discount/tenants/${id(name)}`, 'desk')).status).toBe(404);

    // Each good row once in points (a fitting-out tenant does not earn yet), the bad ones nowhere.
    await waitForTenantsInPoints(stack.pointsUrl, [{ id: id('csv-a'), status: 'open' }, { id: id('csv-b'), status: 'closed' }]);
    await waitFor('both registrations', () => Promise.resolve(eventsOf(id('csv-b')).length > 0 && eventsOf(id('csv-a')).length > 0 ? true : undefined));
    expect([...eventsOf(id('csv-a')), ...eventsOf(id('csv-b'))].map((event) => event.type)).toEqual(['tenant.registered', 'tenant.registered']);
    for (const name of ['csv-c', 'csv-d', 'csv-e', 'csv-f', 'csv-g']) expect(eventsOf(id(name))).toEqual([]);

    // The same file again registers nothing twice; a file that is no tenant file is refused whole.
    const again = await stack.call<ImportAnswer>('POST', '/api/merchant-discount/tenants/imports', 'specialist', csv);
    expect(again.body.registered).toEqual([]);
    expect(again.body.failed.filter((problem) => problem.column === 'tenantId').map((problem) => problem.line)).toEqual([2, 3]);
    const badHeader = await stack.call<Problem>('POST', '/api/merchant-discount/tenants/imports', 'specialist', 'tenantId,colour\nx,red\n');
    expect({ status: badHeader.status, fields: fieldsOf(badHeader) }).toEqual({ status: 400, fields: ['header'] });
    expect((await stack.call('POST', '/api/merchant-discount/tenants/imports', 'desk', csv)).status).toBe(403);

    // Contacts' phones and e-mails never reach the logs as they are.
    expect(stack.output('merchant-discount')).not.toContain('13900139000');
    expect(stack.output('merchant-discount')).not.toContain('wang@example.com');
  }, 120_000);

  it('dead-letters a tenant event the registry cannot apply, naming the reason, and goes on', async () => {
    await publishTenantsRegistered([{ id: `bad id ${stack.run}` }, { id: id('after-bad') }]);
    const dead = await deadLetters.waitForMessage('the dead letter', (message) => message.key === `bad id ${stack.run}`, 60_000);
    expect(Object.values(dead.headers).join(' ')).toContain('tenantId');
    await waitForTenantsInPoints(stack.pointsUrl, [{ id: id('after-bad') }]);
  }, 120_000);
});
