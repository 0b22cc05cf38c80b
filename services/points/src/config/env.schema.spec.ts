import { pointsEnvSchema } from './env.schema';

describe('PURCHASE_MAX_AGE_DAYS', () => {
  const variable = pointsEnvSchema.shape.PURCHASE_MAX_AGE_DAYS;

  it('defaults to 30 days and reads whole days', () => {
    expect(variable.parse(undefined)).toBe(30);
    expect(variable.parse('90')).toBe(90);
  });

  it.each(['0', '-1', '1.5', 'thirty', '3661'])('refuses %s', (value) => {
    expect(variable.safeParse(value).success).toBe(false);
  });
});
