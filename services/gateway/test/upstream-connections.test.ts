import { waitFor } from '@atrium/testing';
import { StubUpstream } from './support/stub-upstream';
import { GatewayUnderTest } from './support/gateway-under-test';

const IDLE_SOCKETS = 4;
const CONCURRENT_LOOKUPS = 120;

describe('connections to the services', () => {
  let member: StubUpstream;
  let gateway: GatewayUnderTest;
  let desk: string;

  beforeAll(async () => {
    member = await StubUpstream.start();
    gateway = await GatewayUnderTest.inFrontOfMember(member.url, { UPSTREAM_IDLE_SOCKETS: String(IDLE_SOCKETS) });
    desk = await (await gateway.createStaff('desk', ['desk'])).token();
  });

  afterAll(async () => {
    await gateway?.stop();
    await member?.stop();
  });

  it('answers many concurrent look-ups, then keeps no more idle connections than UPSTREAM_IDLE_SOCKETS', async () => {
    // The service holds each answer until all look-ups have arrived, so they are truly in flight at once.
    const held: (() => void)[] = [];
    member.answerWith((request, response) => {
      held.push(() => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ items: [], seen: request.url }));
      });
      if (held.length === CONCURRENT_LOOKUPS) for (const answer of held) answer();
    });

    const answers = await Promise.all(
      Array.from({ length: CONCURRENT_LOOKUPS }, (_, i) => gateway.call('GET', `/api/member/members?phone=${i}`, { token: desk })),
    );

    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    expect(answers.map((answer) => (answer.json as { seen: string }).seen).sort()).toEqual(
      Array.from({ length: CONCURRENT_LOOKUPS }, (_, i) => `/members?phone=${i}`).sort(),
    );
    await waitFor('the connections beyond the idle limit to close', async () => ((await member.openConnections()) <= IDLE_SOCKETS ? true : undefined));
    expect(await member.openConnections()).toBeGreaterThan(0);
  });

  it('reuses kept-alive connections for calls one after another', async () => {
    member.reset();
    const before = member.connectionsAccepted;
    for (let i = 0; i < 20; i++) {
      expect((await gateway.call('GET', `/api/member/members?card=${i}`, { token: desk })).status).toBe(200);
    }
    expect(member.received).toHaveLength(20);
    // A connection per call would be 20 new ones; kept-alive idle connections are used first.
    expect(member.connectionsAccepted - before).toBeLessThanOrEqual(1);
  });
});
