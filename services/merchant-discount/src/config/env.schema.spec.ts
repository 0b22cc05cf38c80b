import { merchantDiscountEnvSchema } from './env.schema';

const required = { ATRIUM_IDENTITY_SECRET: 'x'.repeat(32), KAFKA_BROKERS: '127.0.0.1:9092', MONGO_URL: 'mongodb://127.0.0.1:27017', REDIS_URL: 'redis://127.0.0.1:6379' };

describe('MEMBER_TIER_CODES', () => {
  it('defaults to the programme\'s four tiers and reads a comma-separated list', () => {
    expect(merchantDiscountEnvSchema.parse(required).MEMBER_TIER_CODES).toEqual(['basic', 'silver', 'gold', 'vip']);
    expect(merchantDiscountEnvSchema.parse({ ...required, MEMBER_TIER_CODES: 'gold, vip' }).MEMBER_TIER_CODES).toEqual(['gold', 'vip']);
  });

  it.each(['gold,,vip', 'gold,gold', 'Gold'])('refuses %p, naming the variable', (value) => {
    const result = merchantDiscountEnvSchema.safeParse({ ...required, MEMBER_TIER_CODES: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['MEMBER_TIER_CODES']);
  });
});
