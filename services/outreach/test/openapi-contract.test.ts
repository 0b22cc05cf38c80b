import { randomUUID } from 'node:crypto';
import { infraEnv, openApiContractViolations, staffCaller, startServiceProcess, type ServiceProcess, testPort } from '@atrium/testing';

// Every operation of the outreach service's live openapi.json, called as a generated client would.
describe('the outreach service answers only what its OpenAPI document declares', () => {
  const port = testPort(13297)
  const run = randomUUID().slice(0, 8);
  let outreach: ServiceProcess | undefined;

  beforeAll(async () => {
    const infra = infraEnv();
    outreach = await startServiceProcess('outreach', port, {
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      MONGO_URL: infra.mongoUrl,
      REDIS_URL: infra.redisUrl,
      HTTP_PORT: String(port),
      MONGO_DATABASE: `atrium_test_outreach_contract_${run}`,
      KAFKA_CONSUMER_GROUP: `outreach-contract-${run}`,
    });
  }, 120_000);

  afterAll(async () => {
    await outreach?.stop();
  });

  it('declares every status and body it answers, and refuses no request its schemas call valid', async () => {
    const result = await openApiContractViolations({ url: `http://127.0.0.1:${port}`, caller: staffCaller() });
    expect(result.operations).toBeGreaterThan(5);
    expect(result.succeeded).toBeGreaterThan(3);
    expect(result.violations).toEqual([]);
  }, 120_000);
});
