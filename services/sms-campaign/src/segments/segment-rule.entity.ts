import type { SegmentField } from './segment-fields';

/**
 * A segment rule: a JSON tree saved with the segment, selecting members of the projection.
 * Each node is an object with exactly one of these shapes:
 *
 * - `{ "all": [rule, ...] }`: every rule holds (and); `{ "any": [rule, ...] }`: at least one
 *   holds (or); `{ "not": rule }`: the rule does not hold.
 * - `{ "field": "pointsBalance", "op": "gte", "value": 1000 }`: a comparison on a field of the
 *   projection (see SEGMENT_FIELDS for the fields, their operators and values); `op` is one of
 *   eq, ne, in (`value` a list), gte, lte, between (`from` and `to`, both included). Instants
 *   are ISO 8601 texts with an offset ("2025-01-01T00:00:00+08:00").
 * - `{ "birthdayMonth": [3, 4] }`, or `"current"` / `"next"`: month of the centre's calendar
 *   at the time the segment is evaluated.
 * - `{ "noPurchaseForDays": 90 }`: no purchase in the last 90 × 24 hours (see the translator).
 * - `{ "registeredWithinDays": 30 }`, `{ "registeredBefore": "2024-01-01T00:00:00+08:00" }`.
 * - `{ "hasTag": "vip-room" }`, `{ "hasAnyTag": [...] }`, `{ "hasAllTags": [...] }`.
 * - `{ "tierIn": ["gold", "vip"] }`.
 * - `{ "consent": "granted" }` or `"not-granted"`.
 *
 * A segment selects; it never decides who may be sent to: consent, STOP, card state, erasure
 * and invalid numbers are applied when sending (compliance/message-eligibility), so a segment
 * count is "members matching", not "messages that will go out".
 */
export type SegmentRule =
  | AllRule
  | AnyRule
  | NotRule
  | FieldRule
  | BirthdayMonthRule
  | NoPurchaseForDaysRule
  | RegisteredWithinDaysRule
  | RegisteredBeforeRule
  | HasTagRule
  | HasAnyTagRule
  | HasAllTagsRule
  | TierInRule
  | ConsentRule;

export interface AllRule {
  readonly all: readonly SegmentRule[];
}
export interface AnyRule {
  readonly any: readonly SegmentRule[];
}
export interface NotRule {
  readonly not: SegmentRule;
}

/** A value a comparison compares with: a number, a text, a boolean, or an instant as an ISO 8601 text. */
export type RuleValue = string | number | boolean;

export type FieldRule =
  | { readonly field: SegmentField; readonly op: 'eq' | 'ne' | 'gte' | 'lte'; readonly value: RuleValue }
  | { readonly field: SegmentField; readonly op: 'in'; readonly value: readonly RuleValue[] }
  | { readonly field: SegmentField; readonly op: 'between'; readonly from: RuleValue; readonly to: RuleValue };

export interface BirthdayMonthRule {
  /** Months 1 to 12, or the month (`current`) or the next month (`next`) of the centre's calendar. */
  readonly birthdayMonth: readonly number[] | 'current' | 'next';
}
export interface NoPurchaseForDaysRule {
  readonly noPurchaseForDays: number;
}
export interface RegisteredWithinDaysRule {
  readonly registeredWithinDays: number;
}
export interface RegisteredBeforeRule {
  /** An ISO 8601 instant with an offset. */
  readonly registeredBefore: string;
}
export interface HasTagRule {
  readonly hasTag: string;
}
export interface HasAnyTagRule {
  readonly hasAnyTag: readonly string[];
}
export interface HasAllTagsRule {
  readonly hasAllTags: readonly string[];
}
export interface TierInRule {
  readonly tierIn: readonly string[];
}
export interface ConsentRule {
  readonly consent: 'granted' | 'not-granted';
}

/** What relative rules are evaluated against: the instant of evaluation and the centre's zone. */
export interface SegmentContext {
  readonly now: Date;
  /** IANA zone of the centre's calendar ("current" birthday month). */
  readonly timeZone: string;
}
