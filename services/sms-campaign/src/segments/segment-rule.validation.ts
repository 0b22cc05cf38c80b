import { z } from 'zod';
import type { FieldProblem } from '@atrium/errors';
import { isSegmentField, SEGMENT_FIELDS, type ComparisonOperator, type FieldType } from './segment-fields';
import type { FieldRule, RuleValue, SegmentRule } from './segment-rule.entity';

export type SegmentRuleValidation = { readonly valid: true; readonly rule: SegmentRule } | { readonly valid: false; readonly problems: FieldProblem[] };

/** How deep groups may nest and how many nodes a rule may have: beyond, a rule is machine-made or a mistake. */
export const MAX_RULE_DEPTH = 8;
export const MAX_RULE_NODES = 200;
/** Members in a segment by a list of values (tiers, tags, codes): beyond, a list is an import, not a rule. */
const MAX_LIST = 500;
const MAX_GROUP = 50;
/** Ten years: "no purchase for 20 years" is a typo. */
const MAX_DAYS = 3650;
const MIN_YEAR = 1970;
const MAX_YEAR = 2200;

const RULE_KEYS = [
  'all',
  'any',
  'not',
  'field',
  'birthdayMonth',
  'noPurchaseForDays',
  'registeredWithinDays',
  'registeredBefore',
  'hasTag',
  'hasAnyTag',
  'hasAllTags',
  'tierIn',
  'consent',
] as const;

const text = z.string().trim().min(1).max(100);
const days = z.int().min(1).max(MAX_DAYS);
const instant = z.iso.datetime({ offset: true }).refine((value) => {
  const year = new Date(value).getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
});
const month = z.int().min(1).max(12);

const TEXT_MESSAGE = 'must be a text of 1 to 100 characters';
const DAYS_MESSAGE = `must be a whole number of days from 1 to ${MAX_DAYS}`;
const INSTANT_MESSAGE = `must be an ISO 8601 instant with an offset between the years ${MIN_YEAR} and ${MAX_YEAR}, e.g. 2025-01-01T00:00:00+08:00`;

/**
 * Checks a segment rule as it arrives (JSON of unknown shape) and gives it back typed, or every
 * problem, each naming its path from `path` (`rule.all.2.field`, dotted like every field the
 * API names). Refused: unknown rules, fields and settings; values of the wrong type or out of
 * range; empty groups and lists; a `between` whose `from` is after its `to`; nesting deeper
 * than MAX_RULE_DEPTH or more than MAX_RULE_NODES nodes.
 */
export function validateSegmentRule(input: unknown, path = 'rule'): SegmentRuleValidation {
  const problems: FieldProblem[] = [];
  const state = { nodes: 0 };
  const rule = checkRule(input, path, 1, state, (field, message) => problems.push({ field, message }));
  if (state.nodes > MAX_RULE_NODES) problems.push({ field: path, message: `has ${state.nodes} rules; at most ${MAX_RULE_NODES} are allowed` });
  return problems.length === 0 && rule !== undefined ? { valid: true, rule } : { valid: false, problems };
}

type Report = (field: string, message: string) => void;

function checkRule(input: unknown, path: string, depth: number, state: { nodes: number }, problem: Report): SegmentRule | undefined {
  state.nodes += 1;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    problem(path, `must be a rule: an object with one of ${RULE_KEYS.join(', ')}`);
    return undefined;
  }
  const node = input as Record<string, unknown>;
  const kinds = RULE_KEYS.filter((key) => Object.hasOwn(node, key));
  const [kind] = kinds;
  if (kind === undefined) {
    const keys = Object.keys(node);
    problem(path, `is not a rule${keys.length > 0 ? ` (${keys.map((key) => `"${key}"`).join(', ')})` : ''}: expected one of ${RULE_KEYS.join(', ')}`);
    return undefined;
  }
  if (kinds.length > 1) {
    problem(path, `must be one rule, but has ${kinds.join(' and ')}; put several rules in an "all" or "any" list`);
    return undefined;
  }
  const allowed = kind === 'field' ? ['field', 'op', 'value', 'from', 'to'] : [kind];
  for (const key of Object.keys(node)) {
    if (!allowed.includes(key)) problem(`${path}.${key}`, `is not a setting of a "${kind}" rule`);
  }

  const at = `${path}.${kind}`;
  const value = node[kind];
  switch (kind) {
    case 'all':
    case 'any': {
      const rules = checkGroup(value, at, depth, state, problem);
      return rules && (kind === 'all' ? { all: rules } : { any: rules });
    }
    case 'not': {
      if (depth >= MAX_RULE_DEPTH) return tooDeep(at, problem);
      const rule = checkRule(value, at, depth + 1, state, problem);
      return rule && { not: rule };
    }
    case 'field':
      return checkFieldRule(node, path, problem);
    case 'birthdayMonth':
      if (value === 'current' || value === 'next') return { birthdayMonth: value };
      if (!Array.isArray(value)) {
        problem(at, 'must be "current", "next" or a list of months from 1 to 12');
        return undefined;
      }
      return checkedList(month, value, at, 'must be a month from 1 to 12', problem, (months) => ({ birthdayMonth: months }));
    case 'noPurchaseForDays':
      return checked(days, value, at, DAYS_MESSAGE, problem, (count) => ({ noPurchaseForDays: count }));
    case 'registeredWithinDays':
      return checked(days, value, at, DAYS_MESSAGE, problem, (count) => ({ registeredWithinDays: count }));
    case 'registeredBefore':
      return checked(instant, value, at, INSTANT_MESSAGE, problem, (when) => ({ registeredBefore: when }));
    case 'hasTag':
      return checked(text, value, at, TEXT_MESSAGE, problem, (tag) => ({ hasTag: tag }));
    case 'hasAnyTag':
      return checkedList(text, value, at, TEXT_MESSAGE, problem, (tags) => ({ hasAnyTag: tags }));
    case 'hasAllTags':
      return checkedList(text, value, at, TEXT_MESSAGE, problem, (tags) => ({ hasAllTags: tags }));
    case 'tierIn':
      return checkedList(text, value, at, TEXT_MESSAGE, problem, (tiers) => ({ tierIn: tiers }));
    case 'consent':
      return checked(z.enum(['granted', 'not-granted']), value, at, 'must be "granted" or "not-granted"', problem, (consent) => ({ consent }));
  }
}

function checkGroup(value: unknown, at: string, depth: number, state: { nodes: number }, problem: Report): SegmentRule[] | undefined {
  if (!Array.isArray(value)) {
    problem(at, 'must be a list of rules');
    return undefined;
  }
  if (value.length === 0) {
    problem(at, 'must list at least one rule: an empty group selects everyone or no one, never what was meant');
    return undefined;
  }
  if (value.length > MAX_GROUP) {
    problem(at, `must list at most ${MAX_GROUP} rules`);
    return undefined;
  }
  if (depth >= MAX_RULE_DEPTH) return tooDeep(at, problem);
  const rules = value.map((child, index) => checkRule(child, `${at}.${index}`, depth + 1, state, problem));
  return rules.every((rule) => rule !== undefined) ? rules : undefined;
}

function tooDeep(at: string, problem: Report): undefined {
  problem(at, `nests rules more than ${MAX_RULE_DEPTH} deep`);
  return undefined;
}

function checkFieldRule(node: Record<string, unknown>, path: string, problem: Report): FieldRule | undefined {
  const field = node.field;
  if (!isSegmentField(field)) {
    const known = Object.keys(SEGMENT_FIELDS).join(', ');
    problem(`${path}.field`, typeof field === 'string' ? `unknown field "${field}"; one of ${known}` : `must name a field: one of ${known}`);
    return undefined;
  }
  const { type, ops } = SEGMENT_FIELDS[field];
  const op = node.op;
  if (!(ops as readonly unknown[]).includes(op)) {
    problem(`${path}.op`, `must be one of ${ops.join(', ')} for ${field}`);
    return undefined;
  }
  const comparison = op as ComparisonOperator;
  const schema = valueSchema(type);
  const message = valueMessage(type);
  const misplaced = (key: string, hint: string): void => {
    if (Object.hasOwn(node, key)) problem(`${path}.${key}`, hint);
  };
  switch (comparison) {
    case 'eq':
    case 'ne':
    case 'gte':
    case 'lte':
      misplaced('from', `is only used with between; ${comparison} takes a value`);
      misplaced('to', `is only used with between; ${comparison} takes a value`);
      return checked(schema, node.value, `${path}.value`, message, problem, (value) => ({ field, op: comparison, value }));
    case 'in':
      misplaced('from', 'is only used with between; in takes a list as its value');
      misplaced('to', 'is only used with between; in takes a list as its value');
      return checkedList(schema, node.value, `${path}.value`, message, problem, (values) => ({ field, op: comparison, value: values }));
    case 'between': {
      misplaced('value', 'is not used with between; give from and to');
      const from = checked(schema, node.from, `${path}.from`, message, problem, (value) => value);
      const to = checked(schema, node.to, `${path}.to`, message, problem, (value) => value);
      if (from === undefined || to === undefined) return undefined;
      if (order(from) > order(to)) {
        problem(`${path}.to`, `must not be before from (${String(from)}): this range holds nothing`);
        return undefined;
      }
      return { field, op: comparison, from, to };
    }
  }
}

function valueSchema(type: FieldType): z.ZodType<RuleValue> {
  switch (type.type) {
    case 'text':
      return text;
    case 'choice':
      return z.enum(type.choices as [string, ...string[]]);
    case 'integer':
      return z.int().min(type.min).max(type.max);
    case 'instant':
      return instant;
    case 'boolean':
      return z.boolean();
  }
}

function valueMessage(type: FieldType): string {
  switch (type.type) {
    case 'text':
      return TEXT_MESSAGE;
    case 'choice':
      return `must be one of ${type.choices.join(', ')}`;
    case 'integer':
      return `must be a whole number from ${type.min} to ${type.max}`;
    case 'instant':
      return INSTANT_MESSAGE;
    case 'boolean':
      return 'must be true or false';
  }
}

/** Orders two values of the same field: numbers as they are, instants by time. */
function order(value: RuleValue): number {
  return typeof value === 'string' ? new Date(value).getTime() : Number(value);
}

function checked<T, R>(schema: z.ZodType<T>, value: unknown, at: string, message: string, problem: Report, build: (value: T) => R): R | undefined {
  const result = schema.safeParse(value);
  if (!result.success) {
    problem(at, value === undefined ? `is required and ${message}` : message);
    return undefined;
  }
  return build(result.data);
}

/** A list of values: the list itself is named when it is not one, each item by its index when it is wrong. */
function checkedList<T, R>(
  item: z.ZodType<T>,
  value: unknown,
  at: string,
  message: string,
  problem: Report,
  build: (values: T[]) => R,
): R | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_LIST) {
    problem(at, `must be a list of 1 to ${MAX_LIST} values, each of which ${message.replace(/^must be/, 'is')}`);
    return undefined;
  }
  const items: T[] = [];
  value.forEach((entry: unknown, index) => {
    const result = item.safeParse(entry);
    if (result.success) items.push(result.data);
    else problem(`${at}.${index}`, message);
  });
  return items.length === value.length ? build(items) : undefined;
}
