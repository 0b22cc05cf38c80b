import { ruleValueAsStored } from './segment-fields';
import type { FieldRule, RuleValue, SegmentContext, SegmentRule } from './segment-rule.entity';
import { birthdayMonthsOf, daysBefore } from './segment-time';

/**
 * A MongoDB query filter on the member projection. Built only from operators that FerretDB v1
 * and MongoDB both run the same way: $and $or $nor $eq $ne $lte $gt $gte $lt $in $exists $all.
 * No $expr, no $where, no regular expressions: rule values only ever sit in $eq/$in/$all/range
 * operands, so they are data, never query syntax.
 */
export type SegmentFilter = { readonly [path: string]: unknown };

/**
 * Translates a validated rule (validateSegmentRule) into the filter the projection is queried
 * with. Pure: relative rules read `context.now` and `context.timeZone`, never the clock.
 *
 * Semantics, which the in-memory evaluator (segment-evaluator) shares and the tests hold both to:
 * - a comparison on an absent field is false, except `ne`, which is true (MongoDB's `$ne`);
 *   `not` is the exact negation of its rule (`$nor`);
 * - `noPurchaseForDays: N`: the last purchase was at least N × 24 h ago, or the member never
 *   bought and registered at least N × 24 h ago (a member who joined yesterday has not
 *   "lapsed");
 * - `registeredWithinDays: N`: registered less than N × 24 h ago, the exact complement of the
 *   registration half above; `registeredBefore`: strictly before the instant;
 * - `consent: "not-granted"`: consent is anything but granted (refused, withdrawn, never asked).
 */
export function segmentToFilter(rule: SegmentRule, context: SegmentContext): SegmentFilter {
  if ('all' in rule) return { $and: rule.all.map((child) => segmentToFilter(child, context)) };
  if ('any' in rule) return { $or: rule.any.map((child) => segmentToFilter(child, context)) };
  if ('not' in rule) return { $nor: [segmentToFilter(rule.not, context)] };
  if ('field' in rule) return fieldFilter(rule);
  if ('birthdayMonth' in rule) return { 'birthday.month': { $in: [...birthdayMonthsOf(rule, context)] } };
  if ('noPurchaseForDays' in rule) {
    const cutoff = daysBefore(context.now, rule.noPurchaseForDays);
    return {
      $or: [{ lastPurchaseAt: { $lte: cutoff } }, { $and: [{ lastPurchaseAt: { $exists: false } }, { registeredAt: { $lte: cutoff } }] }],
    };
  }
  if ('registeredWithinDays' in rule) return { registeredAt: { $gt: daysBefore(context.now, rule.registeredWithinDays) } };
  if ('registeredBefore' in rule) return { registeredAt: { $lt: new Date(rule.registeredBefore) } };
  if ('hasTag' in rule) return { tags: { $eq: rule.hasTag } };
  if ('hasAnyTag' in rule) return { tags: { $in: [...rule.hasAnyTag] } };
  if ('hasAllTags' in rule) return { tags: { $all: [...rule.hasAllTags] } };
  if ('tierIn' in rule) return { tier: { $in: [...rule.tierIn] } };
  return { 'marketingConsent.granted': rule.consent === 'granted' ? { $eq: true } : { $ne: true } };
}

function fieldFilter(rule: FieldRule): SegmentFilter {
  const operand = (value: RuleValue): unknown => ruleValueAsStored(rule.field, value);
  switch (rule.op) {
    case 'eq':
      return { [rule.field]: { $eq: operand(rule.value) } };
    case 'ne':
      return { [rule.field]: { $ne: operand(rule.value) } };
    case 'gte':
      return { [rule.field]: { $gte: operand(rule.value) } };
    case 'lte':
      return { [rule.field]: { $lte: operand(rule.value) } };
    case 'in':
      return { [rule.field]: { $in: rule.value.map(operand) } };
    case 'between':
      return { [rule.field]: { $gte: operand(rule.from), $lte: operand(rule.to) } };
  }
}
