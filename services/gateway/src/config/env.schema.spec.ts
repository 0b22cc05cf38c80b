import { ConfigError, loadConfig } from '@atrium/config';
import { gatewayEnvSchema } from './env.schema';

const required = {
  KAFKA_BROKERS: '127.0.0.1:9092',
  MONGO_URL: 'mongodb://127.0.0.1:27017',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'k'.repeat(32),
  ATRIUM_IDENTITY_SECRET: 'i'.repeat(32),
  ATRIUM_ADMIN_USERNAME: 'admin',
  ATRIUM_ADMIN_PASSWORD: 'atrium-admin',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(gatewayEnvSchema, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => problem.variable).sort();
    throw error;
  }
  return [];
}

describe('the gateway configuration', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(gatewayEnvSchema, required);
    expect(config).toMatchObject({
      GATEWAY_PORT: 8080,
      HTTP_HOST: '127.0.0.1',
      JWT_TTL_SECONDS: 3600,
      ATRIUM_ADMIN_USERNAME: 'admin',
      MEMBER_SERVICE_URL: 'http://127.0.0.1:3001',
      POINTS_SERVICE_URL: 'http://127.0.0.1:3002',
      MERCHANT_DISCOUNT_SERVICE_URL: 'http://127.0.0.1:3003',
      SMS_CAMPAIGN_SERVICE_URL: 'http://127.0.0.1:3004',
      OUTREACH_SERVICE_URL: 'http://127.0.0.1:3005',
      LOGIN_MAX_FAILURES_PER_USER: 10,
      LOGIN_MAX_FAILURES_PER_ADDRESS: 30,
      LOGIN_WINDOW_SECONDS: 900,
      TRUST_PROXY_HOPS: 0,
      UPSTREAM_IDLE_SOCKETS: 64,
    });
    expect(config).not.toHaveProperty('HTTP_PORT');
  });

  it('reads the port from GATEWAY_PORT, not HTTP_PORT', () => {
    expect(loadConfig(gatewayEnvSchema, { ...required, GATEWAY_PORT: '9090', HTTP_PORT: '3001' }).GATEWAY_PORT).toBe(9090);
  });

  it('normalizes the first admin\'s username and the upstream URLs', () => {
    const config = loadConfig(gatewayEnvSchema, { ...required, ATRIUM_ADMIN_USERNAME: ' Admin ', MEMBER_SERVICE_URL: 'http://member:3001/' });
    expect(config.ATRIUM_ADMIN_USERNAME).toBe('admin');
    expect(config.MEMBER_SERVICE_URL).toBe('http://member:3001');
  });

  it.each(['JWT_SECRET', 'ATRIUM_IDENTITY_SECRET', 'ATRIUM_ADMIN_USERNAME', 'ATRIUM_ADMIN_PASSWORD'])('requires %s', (variable) => {
    const without = Object.fromEntries(Object.entries(required).filter(([name]) => name !== variable));
    expect(() => loadConfig(gatewayEnvSchema, without)).toThrow(`${variable}: is required but not set`);
  });

  it.each([
    ['a short JWT secret', { JWT_SECRET: 'too-short' }, ['JWT_SECRET']],
    ['a short admin password', { ATRIUM_ADMIN_PASSWORD: 'short' }, ['ATRIUM_ADMIN_PASSWORD']],
    ['an admin password bcrypt would cut', { ATRIUM_ADMIN_PASSWORD: '密'.repeat(25) }, ['ATRIUM_ADMIN_PASSWORD']],
    ['a malformed admin username', { ATRIUM_ADMIN_USERNAME: 'no spaces please' }, ['ATRIUM_ADMIN_USERNAME']],
    ['an upstream that is not http', { POINTS_SERVICE_URL: 'ftp://points' }, ['POINTS_SERVICE_URL']],
    ['an upstream that is no URL', { OUTREACH_SERVICE_URL: 'outreach' }, ['OUTREACH_SERVICE_URL']],
    ['a zero failure limit', { LOGIN_MAX_FAILURES_PER_USER: '0' }, ['LOGIN_MAX_FAILURES_PER_USER']],
    ['a window that is no number', { LOGIN_WINDOW_SECONDS: 'forever' }, ['LOGIN_WINDOW_SECONDS']],
    ['a token lifetime under a minute', { JWT_TTL_SECONDS: '5' }, ['JWT_TTL_SECONDS']],
    ['no idle upstream sockets', { UPSTREAM_IDLE_SOCKETS: '0' }, ['UPSTREAM_IDLE_SOCKETS']],
    ['idle upstream sockets that are no number', { UPSTREAM_IDLE_SOCKETS: 'many' }, ['UPSTREAM_IDLE_SOCKETS']],
    ['a bad port', { GATEWAY_PORT: '80800' }, ['GATEWAY_PORT']],
  ])('names the variable at fault for %s', (_case, env, expected) => {
    expect(problemsOf({ ...required, ...env })).toEqual(expected);
  });
});
