import { CARD_STATES, MEMBER_LANGUAGES, REGISTRATION_CHANNELS } from '../members/member-profile.entity';

/** The kind of value a field holds, which decides the operators and values a comparison may use. */
export type FieldType =
  | { readonly type: 'text' }
  | { readonly type: 'choice'; readonly choices: readonly string[] }
  | { readonly type: 'integer'; readonly min: number; readonly max: number }
  | { readonly type: 'instant' }
  | { readonly type: 'boolean' };

export type ComparisonOperator = 'eq' | 'ne' | 'in' | 'gte' | 'lte' | 'between';

const EQUALITY: readonly ComparisonOperator[] = ['eq', 'ne', 'in'];
const ORDERED: readonly ComparisonOperator[] = ['eq', 'ne', 'in', 'gte', 'lte', 'between'];
// Two instants are never "equal" in any useful sense: instants compare by range only.
const RANGE: readonly ComparisonOperator[] = ['gte', 'lte', 'between'];
const YES_NO: readonly ComparisonOperator[] = ['eq', 'ne'];

/** Amounts beyond these are typos, not members: a trillion points, ten billion yuan. */
const MAX_POINTS = 1_000_000_000_000;
const MAX_SPEND_MINOR = 1_000_000_000_000;

/**
 * The projection fields a comparison may name, with their values and operators. The names are
 * the projection's query paths (members/member-profile.entity). Personal data (name, phone) and
 * the fields that decide eligibility rather than interest (erased, STOP, invalid number) are
 * not offered: segments select, compliance excludes.
 */
export const SEGMENT_FIELDS = {
  tier: { type: { type: 'text' }, ops: EQUALITY },
  language: { type: { type: 'choice', choices: MEMBER_LANGUAGES }, ops: EQUALITY },
  registrationChannel: { type: { type: 'choice', choices: REGISTRATION_CHANNELS }, ops: EQUALITY },
  companyCode: { type: { type: 'text' }, ops: EQUALITY },
  cardState: { type: { type: 'choice', choices: CARD_STATES }, ops: EQUALITY },
  pointsBalance: { type: { type: 'integer', min: -MAX_POINTS, max: MAX_POINTS }, ops: ORDERED },
  spendLast12MonthsMinor: { type: { type: 'integer', min: 0, max: MAX_SPEND_MINOR }, ops: ORDERED },
  'birthday.month': { type: { type: 'integer', min: 1, max: 12 }, ops: ORDERED },
  'birthday.day': { type: { type: 'integer', min: 1, max: 31 }, ops: ORDERED },
  'birthday.year': { type: { type: 'integer', min: 1900, max: 2100 }, ops: ORDERED },
  registeredAt: { type: { type: 'instant' }, ops: RANGE },
  lastPurchaseAt: { type: { type: 'instant' }, ops: RANGE },
  'marketingConsent.granted': { type: { type: 'boolean' }, ops: YES_NO },
  'marketingConsent.at': { type: { type: 'instant' }, ops: RANGE },
} as const satisfies Record<string, { readonly type: FieldType; readonly ops: readonly ComparisonOperator[] }>;

export type SegmentField = keyof typeof SEGMENT_FIELDS;

export function isSegmentField(name: unknown): name is SegmentField {
  return typeof name === 'string' && Object.hasOwn(SEGMENT_FIELDS, name);
}

/** A rule value as the projection stores it: instants as dates (an ISO text would compare as a string). */
export function ruleValueAsStored(field: SegmentField, value: string | number | boolean): string | number | boolean | Date {
  return SEGMENT_FIELDS[field].type.type === 'instant' ? new Date(value as string) : value;
}
