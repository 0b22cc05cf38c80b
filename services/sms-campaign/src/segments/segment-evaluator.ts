import type { MemberProfile } from '../members/member-profile.entity';
import { ruleValueAsStored, type SegmentField } from './segment-fields';
import type { FieldRule, RuleValue, SegmentContext, SegmentRule } from './segment-rule.entity';
import { birthdayMonthsOf, daysBefore } from './segment-time';

/**
 * Whether one member matches a validated rule, in memory, with the same semantics as the filter
 * the translator (segment-filter) builds for the database: the sample shown before a segment is
 * saved, and the tests' independent reckoning of who a campaign must reach.
 */
export function memberMatchesSegment(member: MemberProfile, rule: SegmentRule, context: SegmentContext): boolean {
  if ('all' in rule) return rule.all.every((child) => memberMatchesSegment(member, child, context));
  if ('any' in rule) return rule.any.some((child) => memberMatchesSegment(member, child, context));
  if ('not' in rule) return !memberMatchesSegment(member, rule.not, context);
  if ('field' in rule) return fieldMatches(member, rule);
  if ('birthdayMonth' in rule) {
    const month = member.birthday?.month;
    return month !== undefined && birthdayMonthsOf(rule, context).includes(month);
  }
  if ('noPurchaseForDays' in rule) {
    const cutoff = daysBefore(context.now, rule.noPurchaseForDays).getTime();
    if (member.lastPurchaseAt !== undefined) return member.lastPurchaseAt.getTime() <= cutoff;
    return member.registeredAt.getTime() <= cutoff;
  }
  if ('registeredWithinDays' in rule) return member.registeredAt.getTime() > daysBefore(context.now, rule.registeredWithinDays).getTime();
  if ('registeredBefore' in rule) return member.registeredAt.getTime() < new Date(rule.registeredBefore).getTime();
  if ('hasTag' in rule) return member.tags.includes(rule.hasTag);
  if ('hasAnyTag' in rule) return rule.hasAnyTag.some((tag) => member.tags.includes(tag));
  if ('hasAllTags' in rule) return rule.hasAllTags.every((tag) => member.tags.includes(tag));
  if ('tierIn' in rule) return member.tier !== undefined && rule.tierIn.includes(member.tier);
  const granted = member.marketingConsent.granted === true;
  return rule.consent === 'granted' ? granted : !granted;
}

function fieldMatches(member: MemberProfile, rule: FieldRule): boolean {
  const actual = comparable(valueAt(member, rule.field));
  const wanted = (value: RuleValue): string | number | boolean => comparable(ruleValueAsStored(rule.field, value)) as string | number | boolean;
  switch (rule.op) {
    case 'eq':
      return actual !== undefined && actual === wanted(rule.value);
    case 'ne':
      return !(actual !== undefined && actual === wanted(rule.value));
    case 'in':
      return actual !== undefined && rule.value.some((value) => actual === wanted(value));
    case 'gte':
      return sameType(actual, wanted(rule.value)) && (actual as number | string) >= wanted(rule.value);
    case 'lte':
      return sameType(actual, wanted(rule.value)) && (actual as number | string) <= wanted(rule.value);
    case 'between':
      return (
        sameType(actual, wanted(rule.from)) &&
        (actual as number | string) >= wanted(rule.from) &&
        (actual as number | string) <= wanted(rule.to)
      );
  }
}

/** The value at a dotted path of the projection, undefined when any step is absent. */
function valueAt(member: MemberProfile, field: SegmentField): unknown {
  let value: unknown = member;
  for (const step of field.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}


/** Dates compare by their instant; MongoDB never orders a number against a date or a text (type bracketing). */
function comparable(value: unknown): string | number | boolean | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return undefined;
}

function sameType(actual: unknown, wanted: unknown): boolean {
  return actual !== undefined && typeof actual === typeof wanted && typeof actual !== 'boolean';
}
