import { ControlInputError } from './control-input-error';
import { FailureRules, parseFailureRule } from './failure-rules';

const now = new Date('2025-01-01T00:00:00Z');
const to = '+85291234567';

describe('parseFailureRule', () => {
  it('takes the stage from where Twilio reports the code', () => {
    expect(parseFailureRule({ to, code: 21610 }, now)).toEqual(expect.objectContaining({ to, action: 'reject', code: 21610, deliveryStatus: null, remaining: null }));
    expect(parseFailureRule({ to, code: 30003 }, now)).toEqual(expect.objectContaining({ action: 'fail-delivery', code: 30003, deliveryStatus: 'undelivered' }));
    expect(parseFailureRule({ to, code: 30001 }, now)).toEqual(expect.objectContaining({ action: 'fail-delivery', deliveryStatus: 'failed' }));
  });

  it('lets a delivery code be given at the API and the final status be chosen', () => {
    expect(parseFailureRule({ to: '*', code: 30001, stage: 'api', times: 2 }, now)).toEqual(expect.objectContaining({ to: '*', action: 'reject', code: 30001, remaining: 2 }));
    expect(parseFailureRule({ to, code: 30007, status: 'failed' }, now)).toEqual(expect.objectContaining({ deliveryStatus: 'failed' }));
  });

  it('reads a lose-the-answer rule', () => {
    expect(parseFailureRule({ to, loseAnswer: true, times: 1 }, now)).toEqual(expect.objectContaining({ action: 'lose-answer', code: null, remaining: 1 }));
  });

  it.each<[string, unknown, string]>([
    ['a number that is not E.164', { to: '91234567', code: 21610 }, 'to'],
    ['a code Twilio does not have (or the endpoint does not know)', { to, code: 12345 }, 'code'],
    ['an API code at delivery', { to, code: 21610, stage: 'delivery' }, 'stage'],
    ['a status at the API', { to, code: 21610, status: 'failed' }, 'status'],
    ['a code with loseAnswer', { to, code: 21610, loseAnswer: true }, 'code'],
    ['times that is not a positive integer', { to, code: 21610, times: 0 }, 'times'],
    ['an unknown field', { to, code: 21610, colour: 'red' }, 'colour'],
  ])('refuses %s, naming the field', (_what, input, field) => {
    expect(() => parseFailureRule(input, now)).toThrow(ControlInputError);
    try {
      parseFailureRule(input, now);
    } catch (error) {
      expect((error as ControlInputError).field).toBe(field);
    }
  });
});

describe('FailureRules', () => {
  it('applies the oldest matching rule of an action, counting down times', () => {
    const rules = new FailureRules();
    const once = parseFailureRule({ to, code: 20429, times: 1 }, now);
    const always = parseFailureRule({ to: '*', code: 21211 }, now);
    rules.add(once);
    rules.add(always);
    expect(rules.take(to, 'reject')?.code).toBe(20429);
    expect(rules.take(to, 'reject')?.code).toBe(21211);
    expect(rules.take('+85299999999', 'reject')?.code).toBe(21211);
    expect(rules.take(to, 'lose-answer')).toBeUndefined();
    expect(rules.list()).toEqual([always]);
  });

  it('removes one rule or all', () => {
    const rules = new FailureRules();
    const rule = parseFailureRule({ to, loseAnswer: true }, now);
    rules.add(rule);
    rules.add(parseFailureRule({ to, code: 30003 }, now));
    expect(rules.remove(rule.id)).toBe(true);
    expect(rules.remove(rule.id)).toBe(false);
    expect(rules.clear()).toBe(1);
    expect(rules.take(to, 'fail-delivery')).toBeUndefined();
  });
});
