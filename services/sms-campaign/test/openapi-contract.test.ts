import { randomUUID } from 'node:crypto';
import { openApiContractViolations, staffCaller, startServiceProcess, type ServiceProcess, testPort } from '@atrium/testing';
import { smsEnv } from './support/delivery-harness';

// Every operation of the sms-campaign service's live openapi.json, called as a generated client would.
describe('the sms-campaign service answers only what its OpenAPI document declares', () => {
  const port = testPort(13296)
  const run = randomUUID().slice(0, 8);
  let sms: ServiceProcess | undefined;

  beforeAll(async () => {
    sms = await startServiceProcess('sms-campaign', port, smsEnv(`contract_${run}`, port));
  }, 120_000);

  afterAll(async () => {
    await sms?.stop();
  });

  it('declares every status and body it answers, and refuses no request its schemas call valid', async () => {
    const result = await openApiContractViolations({ url: `http://127.0.0.1:${port}`, caller: staffCaller() });
    expect(result.operations).toBeGreaterThan(20);
    expect(result.succeeded).toBeGreaterThan(10);
    expect(result.violations).toEqual([]);
  }, 120_000);
});
