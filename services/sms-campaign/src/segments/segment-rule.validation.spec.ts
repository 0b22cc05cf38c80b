import { MAX_RULE_DEPTH, MAX_RULE_NODES, validateSegmentRule } from './segment-rule.validation';

/** The paths of the problems found, or [] when the rule is valid. */
function faults(input: unknown): string[] {
  const validation = validateSegmentRule(input);
  return validation.valid ? [] : validation.problems.map((problem) => problem.field);
}

function messages(input: unknown): string[] {
  const validation = validateSegmentRule(input);
  return validation.valid ? [] : validation.problems.map((problem) => problem.message);
}

describe('validateSegmentRule', () => {
  it.each<[string, unknown]>([
    ['a tier list', { tierIn: ['gold', 'vip'] }],
    ['every comparison operator', { all: ['eq', 'ne', 'gte', 'lte'].map((op) => ({ field: 'pointsBalance', op, value: 100 })) }],
    ['in', { field: 'cardState', op: 'in', value: ['active', 'lost'] }],
    ['between with equal ends', { field: 'birthday.month', op: 'between', from: 3, to: 3 }],
    ['instants with any offset', { field: 'registeredAt', op: 'between', from: '2024-12-31T16:00:00Z', to: '2025-01-01T00:00:00.000+08:00' }],
    ['negative points (a debt after refunds)', { field: 'pointsBalance', op: 'lte', value: -1 }],
    ['birthday months', { birthdayMonth: [1, 12] }],
    ['this month', { birthdayMonth: 'current' }],
    ['a nested tree', { all: [{ any: [{ not: { hasTag: 'staff' } }, { noPurchaseForDays: 90 }] }, { consent: 'granted' }] }],
    ['a single-rule group', { any: [{ registeredWithinDays: 30 }] }],
  ])('accepts %s', (_case, input) => {
    expect(faults(input)).toEqual([]);
  });

  it('gives the rule back typed, texts trimmed and unknown to nothing else', () => {
    expect(validateSegmentRule({ all: [{ hasTag: '  vip-room ' }, { field: 'tier', op: 'in', value: [' gold'] }] })).toEqual({
      valid: true,
      rule: { all: [{ hasTag: 'vip-room' }, { field: 'tier', op: 'in', value: ['gold'] }] },
    });
  });

  it.each<[string, unknown, string[]]>([
    // Shapes
    ['not an object', 'tier = gold', ['rule']],
    ['null', null, ['rule']],
    ['a list at the top', [{ hasTag: 'a' }], ['rule']],
    ['an unknown rule', { favouriteColour: 'red' }, ['rule']],
    ['an empty object', {}, ['rule']],
    ['two rules in one object', { hasTag: 'a', tierIn: ['gold'] }, ['rule']],
    ['an unknown setting beside a rule', { hasTag: 'a', weight: 2 }, ['rule.weight']],
    ['an unknown setting in a comparison', { field: 'tier', op: 'eq', value: 'gold', caseInsensitive: true }, ['rule.caseInsensitive']],
    // Groups
    ['an empty all', { all: [] }, ['rule.all']],
    ['an empty any, deep down', { all: [{ hasTag: 'a' }, { not: { any: [] } }] }, ['rule.all.1.not.any']],
    ['a group that is not a list', { any: { hasTag: 'a' } }, ['rule.any']],
    ['a group of 51 rules', { any: Array.from({ length: 51 }, () => ({ hasTag: 'a' })) }, ['rule.any']],
    ['a bad rule inside a group', { all: [{ hasTag: 'a' }, { tierIn: ['gold'] }, { field: 'favouriteColour', op: 'eq', value: 'red' }] }, ['rule.all.2.field']],
    ['several bad rules, each named', { any: [{ hasTag: '' }, { noPurchaseForDays: 0 }, { consent: 'yes' }] }, ['rule.any.0.hasTag', 'rule.any.1.noPurchaseForDays', 'rule.any.2.consent']],
    ['not without a rule', { not: null }, ['rule.not']],
    // Comparisons
    ['an unknown field', { field: 'favouriteColour', op: 'eq', value: 'red' }, ['rule.field']],
    ['a field that is not offered (personal data)', { field: 'phone', op: 'eq', value: '+8613800138000' }, ['rule.field']],
    ['a field that is eligibility, not interest', { field: 'erased', op: 'eq', value: true }, ['rule.field']],
    ['no field', { op: 'eq', value: 'gold' }, ['rule']],
    ['a field name that is not a text', { field: 3, op: 'eq', value: 'gold' }, ['rule.field']],
    ['an unknown operator', { field: 'tier', op: 'like', value: 'go%' }, ['rule.op']],
    ['a range on a text', { field: 'tier', op: 'gte', value: 'gold' }, ['rule.op']],
    ['equality on an instant', { field: 'registeredAt', op: 'eq', value: '2025-01-01T00:00:00Z' }, ['rule.op']],
    ['no operator', { field: 'tier', value: 'gold' }, ['rule.op']],
    ['a number where a text belongs', { field: 'tier', op: 'eq', value: 3 }, ['rule.value']],
    ['a text where a number belongs', { field: 'pointsBalance', op: 'gte', value: '1000' }, ['rule.value']],
    ['a fraction of a point', { field: 'pointsBalance', op: 'gte', value: 10.5 }, ['rule.value']],
    ['month 13', { field: 'birthday.month', op: 'eq', value: 13 }, ['rule.value']],
    ['day 0', { field: 'birthday.day', op: 'gte', value: 0 }, ['rule.value']],
    ['negative spend', { field: 'spendLast12MonthsMinor', op: 'gte', value: -1 }, ['rule.value']],
    ['a trillion yuan', { field: 'spendLast12MonthsMinor', op: 'gte', value: 100_000_000_000_000 }, ['rule.value']],
    ['a language members do not read', { field: 'language', op: 'eq', value: 'fr' }, ['rule.value']],
    ['a card state that does not exist', { field: 'cardState', op: 'eq', value: 'stolen' }, ['rule.value']],
    ['a text where a boolean belongs', { field: 'marketingConsent.granted', op: 'eq', value: 'true' }, ['rule.value']],
    ['a date without an offset', { field: 'registeredAt', op: 'gte', value: '2025-01-01T00:00:00' }, ['rule.value']],
    ['a date alone', { field: 'registeredAt', op: 'gte', value: '2025-01-01' }, ['rule.value']],
    ['30 February', { field: 'lastPurchaseAt', op: 'lte', value: '2025-02-30T00:00:00Z' }, ['rule.value']],
    ['the year 3025', { field: 'lastPurchaseAt', op: 'lte', value: '3025-01-01T00:00:00Z' }, ['rule.value']],
    ['no value', { field: 'tier', op: 'eq' }, ['rule.value']],
    ['in with a single value', { field: 'tier', op: 'in', value: 'gold' }, ['rule.value']],
    ['in with an empty list', { field: 'tier', op: 'in', value: [] }, ['rule.value']],
    ['in with a bad item', { field: 'language', op: 'in', value: ['en', 'fr', 'zh-Hant', 'de'] }, ['rule.value.1', 'rule.value.3']],
    ['between the wrong way round', { field: 'pointsBalance', op: 'between', from: 1000, to: 10 }, ['rule.to']],
    ['instants the wrong way round', { field: 'registeredAt', op: 'between', from: '2025-01-02T00:00:00Z', to: '2025-01-01T00:00:00Z' }, ['rule.to']],
    ['between without to', { field: 'pointsBalance', op: 'between', from: 1 }, ['rule.to']],
    ['between given a value', { field: 'pointsBalance', op: 'between', value: [1, 2] }, ['rule.value', 'rule.from', 'rule.to']],
    ['from and to on eq', { field: 'pointsBalance', op: 'eq', value: 1, from: 1, to: 2 }, ['rule.from', 'rule.to']],
    // Relative and shortcut rules
    ['birthday month 0', { birthdayMonth: [0] }, ['rule.birthdayMonth.0']],
    ['birthday month as a number', { birthdayMonth: 6 }, ['rule.birthdayMonth']],
    ['birthday "last" month', { birthdayMonth: 'last' }, ['rule.birthdayMonth']],
    ['no purchase for 0 days', { noPurchaseForDays: 0 }, ['rule.noPurchaseForDays']],
    ['no purchase for 20 years', { noPurchaseForDays: 7300 }, ['rule.noPurchaseForDays']],
    ['no purchase for half a day', { noPurchaseForDays: 0.5 }, ['rule.noPurchaseForDays']],
    ['registered within "30"', { registeredWithinDays: '30' }, ['rule.registeredWithinDays']],
    ['registered before a date in words', { registeredBefore: 'last year' }, ['rule.registeredBefore']],
    ['an empty tag', { hasTag: '   ' }, ['rule.hasTag']],
    ['a tag of 101 characters', { hasTag: 'x'.repeat(101) }, ['rule.hasTag']],
    ['tags that are not texts', { hasAnyTag: ['ok', 7] }, ['rule.hasAnyTag.1']],
    ['no tags at all', { hasAllTags: [] }, ['rule.hasAllTags']],
    ['a tier list of 501', { tierIn: Array.from({ length: 501 }, (_, index) => `t${index}`) }, ['rule.tierIn']],
    ['consent "yes"', { consent: 'yes' }, ['rule.consent']],
  ])('refuses %s, naming the path', (_case, input, paths) => {
    expect(faults(input)).toEqual(paths);
  });

  it('names the unknown field and the fields there are', () => {
    expect(messages({ all: [{ hasTag: 'a' }, { hasTag: 'b' }, { field: 'favouriteColour', op: 'eq', value: 'red' }] })).toEqual([
      expect.stringMatching(/^unknown field "favouriteColour"; one of tier, language, .*birthday\.month/),
    ]);
  });

  it('says which operators a field takes', () => {
    expect(messages({ field: 'registeredAt', op: 'eq', value: '2025-01-01T00:00:00Z' })).toEqual(['must be one of gte, lte, between for registeredAt']);
  });

  it('says why an empty group is refused', () => {
    expect(messages({ all: [] })[0]).toContain('at least one rule');
  });

  it('names the path under another root when asked', () => {
    const validation = validateSegmentRule({ any: [{ hasTag: '' }] }, 'segment.rule');
    expect(validation.valid ? [] : validation.problems.map((problem) => problem.field)).toEqual(['segment.rule.any.0.hasTag']);
  });

  it(`refuses nesting deeper than ${MAX_RULE_DEPTH}`, () => {
    let rule: unknown = { hasTag: 'a' };
    for (let depth = 1; depth < MAX_RULE_DEPTH; depth += 1) rule = { not: rule };
    expect(faults(rule)).toEqual([]);
    expect(faults({ not: rule })).toEqual([`rule${'.not'.repeat(MAX_RULE_DEPTH)}`]);
    expect(faults({ all: [rule] })).toEqual([`rule.all.0${'.not'.repeat(MAX_RULE_DEPTH - 1)}`]);
  });

  it(`refuses more than ${MAX_RULE_NODES} rules in all`, () => {
    const group = (size: number): unknown => ({ any: Array.from({ length: size }, () => ({ hasTag: 'a' })) });
    expect(faults({ all: [group(50), group(50), group(50), group(45)] })).toEqual([]); // 1 + 4 + 195 = 200 rules
    expect(faults({ all: [group(50), group(50), group(50), group(46)] })).toEqual(['rule']); // 201
  });
});
