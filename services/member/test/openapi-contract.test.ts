import { openApiContractViolations, staffCaller, testPort } from '@atrium/testing';
import { MemberServiceUnderTest } from './support/member-service';

// Every operation of the member service's live openapi.json, called as a generated client would.
describe('the member service answers only what its OpenAPI document declares', () => {
  const service = new MemberServiceUnderTest(testPort(13299));

  beforeAll(async () => {
    await service.start();
  });

  afterAll(async () => {
    await service.stop();
  });

  it('declares every status and body it answers, and refuses no request its schemas call valid', async () => {
    const result = await openApiContractViolations({ url: service.url, caller: staffCaller() });
    expect(result.operations).toBeGreaterThan(20);
    expect(result.succeeded).toBeGreaterThan(10);
    expect(result.violations).toEqual([]);
  }, 120_000);
});
