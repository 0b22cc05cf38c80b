import { runUntilExit } from '@atrium/testing';

const EX_CONFIG = 78;
const SERVICES = ['member', 'points', 'merchant-discount', 'sms-campaign', 'outreach', 'gateway'];

/** A configuration that would start every service (the gateway's own variables included). */
const complete = {
  KAFKA_BROKERS: '127.0.0.1:9092',
  MONGO_URL: 'mongodb://127.0.0.1:27017',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'a-test-secret-that-is-long-enough-for-hs256',
  ATRIUM_ADMIN_USERNAME: 'admin',
  ATRIUM_ADMIN_PASSWORD: 'atrium-admin-test',
  TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'a-test-auth-token-0000000000000000',
  TWILIO_FROM: '+85230000000',
  TWILIO_WEBHOOK_BASE_URL: 'http://127.0.0.1:8080/api/webhooks/twilio',
};

describe('a service with bad configuration refuses to start and names the variable', () => {
  it.each(SERVICES)('%s: a missing MONGO_URL', async (service) => {
    const { MONGO_URL: _missing, ...env } = complete;
    const { code, output } = await runUntilExit(service, env);
    expect(code).toBe(EX_CONFIG);
    expect(output).toContain('MONGO_URL: is required but not set');
  });

  it.each(SERVICES)('%s: a malformed KAFKA_BROKERS', async (service) => {
    const { code, output } = await runUntilExit(service, { ...complete, KAFKA_BROKERS: 'kafka-without-port' });
    expect(code).toBe(EX_CONFIG);
    expect(output).toContain('KAFKA_BROKERS: must be a comma-separated list of host:port');
  });

  // runUntilExit gives every process the test identity secret; '' counts as unset.
  it.each(SERVICES)('%s: a missing ATRIUM_IDENTITY_SECRET', async (service) => {
    const { code, output } = await runUntilExit(service, { ...complete, ATRIUM_IDENTITY_SECRET: '' });
    expect(code).toBe(EX_CONFIG);
    expect(output).toContain('ATRIUM_IDENTITY_SECRET: is required but not set');
  });

  it.each(SERVICES)('%s: an ATRIUM_IDENTITY_SECRET too short to be safe', async (service) => {
    const { code, output } = await runUntilExit(service, { ...complete, ATRIUM_IDENTITY_SECRET: 'short' });
    expect(code).toBe(EX_CONFIG);
    expect(output).toContain('ATRIUM_IDENTITY_SECRET: must be at least 32 characters');
  });

  it('sms-campaign: a Twilio account SID that is not one', async () => {
    const { code, output } = await runUntilExit('sms-campaign', { ...complete, TWILIO_ACCOUNT_SID: 'not-a-sid' });
    expect(code).toBe(EX_CONFIG);
    expect(output).toContain('TWILIO_ACCOUNT_SID: must be AC followed by 32 hex digits');
  });

  it('gateway: a JWT secret too short to be safe', async () => {
    const { code, output } = await runUntilExit('gateway', { ...complete, JWT_SECRET: 'short' });
    expect(code).toBe(EX_CONFIG);
    expect(output).toContain('JWT_SECRET');
  });

  it('gateway: no idle connections to keep per service', async () => {
    const { code, output } = await runUntilExit('gateway', { ...complete, UPSTREAM_IDLE_SOCKETS: '0' });
    expect(code).toBe(EX_CONFIG);
    expect(output).toContain('UPSTREAM_IDLE_SOCKETS');
  });
});
