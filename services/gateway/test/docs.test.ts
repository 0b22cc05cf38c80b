import { closedPort, StubUpstream } from './support/stub-upstream';
import { GatewayUnderTest } from './support/gateway-under-test';

const MEMBER_DOCUMENT = {
  openapi: '3.0.0',
  info: { title: 'Atrium member service', version: '1' },
  servers: [{ url: 'http://127.0.0.1:3001' }],
  paths: { '/members': { post: { responses: { 201: { description: 'registered' } } } } },
};

describe('OpenAPI for every route at /api/docs', () => {
  let member: StubUpstream;
  let gateway: GatewayUnderTest;

  beforeAll(async () => {
    member = await StubUpstream.start();
    member.answerWith((request, response) => {
      response.writeHead(request.url === '/openapi.json' ? 200 : 404, { 'content-type': 'application/json' });
      response.end(JSON.stringify(request.url === '/openapi.json' ? MEMBER_DOCUMENT : {}));
    });
    gateway = await GatewayUnderTest.start({ MEMBER_SERVICE_URL: member.url, POINTS_SERVICE_URL: `http://127.0.0.1:${await closedPort()}` });
  });

  afterAll(async () => {
    await gateway?.stop();
    await member?.stop();
  });

  it('serves the gateway\'s own document publicly, with the sign-in and staff routes', async () => {
    const answer = await gateway.call('GET', '/api/openapi.json');
    expect(answer.status).toBe(200);
    const paths = Object.keys((answer.json as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/auth/login', '/api/auth/logout', '/api/auth/me', '/api/auth/staff', '/api/auth/staff/{username}']));
    expect(paths.some((path) => path.includes(':service') || path.includes('{service}'))).toBe(false);
  });

  it('declares sign-out with its answers: 204 signed out, 401 without a usable token', async () => {
    const document = (await gateway.call('GET', '/api/openapi.json')).json as { paths: Record<string, { post?: { responses: Record<string, unknown> } }> };
    expect(Object.keys(document.paths['/api/auth/logout'].post?.responses ?? {}).sort()).toEqual(['204', '401']);
  });

  it('declares the till-key security scheme the till routes name', async () => {
    const document = (await gateway.call('GET', '/api/openapi.json')).json as {
      components: { securitySchemes: Record<string, { type: string; scheme: string }> };
      paths: Record<string, { post?: { security?: Record<string, unknown>[] } }>;
    };
    expect(document.components.securitySchemes['till-key']).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.paths['/api/pos/purchases'].post?.security).toEqual([{ 'till-key': [] }]);
  });

  it('serves a service\'s document publicly, addressed through the gateway', async () => {
    const answer = await gateway.call('GET', '/api/member/openapi.json');
    expect(answer.status).toBe(200);
    const { servers, ...rest } = answer.json as { servers: { url: string }[] };
    expect(rest).toEqual({ openapi: MEMBER_DOCUMENT.openapi, info: MEMBER_DOCUMENT.info, paths: MEMBER_DOCUMENT.paths });
    expect(servers.map((server) => server.url)).toEqual(['/api/member']);
  });

  it('answers 502 naming the service when a service\'s document cannot be fetched', async () => {
    const answer = await gateway.call('GET', '/api/points/openapi.json');
    expect(answer.status).toBe(502);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(answer.json).toMatchObject({ code: 'gateway.upstream-unavailable', service: 'points' });
  });

  it('offers every document in the Swagger UI\'s selector', async () => {
    const page = await gateway.call('GET', '/api/docs/');
    expect(page.status).toBe(200);
    expect(page.contentType).toMatch(/text\/html/);

    const init = await gateway.call('GET', '/api/docs/swagger-ui-init.js');
    expect(init.status).toBe(200);
    for (const name of ['gateway', 'member', 'points', 'merchant-discount', 'sms-campaign', 'outreach']) {
      const url = name === 'gateway' ? '/api/openapi.json' : `/api/${name}/openapi.json`;
      expect(init.text).toContain(`"name": "${name}"`);
      expect(init.text).toContain(`"url": "${url}"`);
    }
  });
});
