import { randomUUID } from 'node:crypto';
import { openApiContractViolations, staffCaller, startServiceProcess, type ServiceProcess, testPort } from '@atrium/testing';
import { consumeFromNow, dropDatabase, pointsEnv } from './support/points-api';

// Every operation of the points service's live openapi.json, called as a generated client would.
describe('the points service answers only what its OpenAPI document declares', () => {
  const port = testPort(13295)
  const run = `contract_${randomUUID().slice(0, 8)}`;
  let points: ServiceProcess | undefined;

  beforeAll(async () => {
    const group = `points-contract-${run}`;
    await consumeFromNow(group);
    points = await startServiceProcess('points', port, pointsEnv(port, run, group));
  }, 120_000);

  afterAll(async () => {
    await points?.stop();
    await dropDatabase(run);
  });

  it('declares every status and body it answers, and refuses no request its schemas call valid', async () => {
    const result = await openApiContractViolations({ url: `http://127.0.0.1:${port}`, caller: staffCaller() });
    expect(result.operations).toBeGreaterThan(20);
    expect(result.succeeded).toBeGreaterThan(20);
    expect(result.violations).toEqual([]);
  }, 120_000);
});
