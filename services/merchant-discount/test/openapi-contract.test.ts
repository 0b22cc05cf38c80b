import { randomUUID } from 'node:crypto';
import { infraEnv, openApiContractViolations, staffCaller, startServiceProcess, type ServiceProcess, testPort } from '@atrium/testing';

// Every operation of the merchant-discount service's live openapi.json, called as a generated client would.
describe('the merchant-discount service answers only what its OpenAPI document declares', () => {
  const port = testPort(13298);
  const run = randomUUID().slice(0, 8);
  let merchant: ServiceProcess | undefined;

  beforeAll(async () => {
    const infra = infraEnv();
    merchant = await startServiceProcess('merchant-discount', port, {
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      MONGO_URL: infra.mongoUrl,
      REDIS_URL: infra.redisUrl,
      HTTP_PORT: String(port),
      MONGO_DATABASE: `atrium_test_merchant_contract_${run}`,
      KAFKA_CONSUMER_GROUP: `merchant-contract-${run}`,
    });
  }, 120_000);

  afterAll(async () => {
    await merchant?.stop();
  });

  it('declares every status and body it answers, and refuses no request its schemas call valid', async () => {
    const result = await openApiContractViolations({ url: `http://127.0.0.1:${port}`, caller: staffCaller() });
    expect(result.operations).toBeGreaterThan(4);
    expect(result.succeeded).toBeGreaterThan(2);
    expect(result.violations).toEqual([]);
  }, 120_000);
});
