import type { FieldProblem } from '@atrium/errors';
import { ROUNDING_MODES, type Campaign, type EarningRuleDefinition } from './earning-rule-set.entity';

/** The largest multiplier a rule may give: ×100. Anything above is a typo, not a promotion. */
export const MAX_PERMILLE = 100_000;

export interface RuleValidationOptions {
  /**
   * How far ahead of `now` a new version must start. The service asks for its cache's lifetime,
   * so that every running instance knows a version before any purchase falls under it.
   */
  readonly leadTimeMs?: number;
}

/**
 * Every problem with a proposed rule set, each naming its field as the client sent it (dotted
 * paths: `campaigns.1.to`, `tierMultipliers.GOLD`). Empty means the rules may be saved.
 *
 * Besides ranges and formats it refuses rules that contradict themselves: a tenant or category
 * both excluded and given a multiplier (or a campaign bonus), a campaign that ends before it
 * starts or sets both or neither of its multiplier and extra points, a per-purchase cap above
 * the per-day cap, filters that can match nothing. And it refuses a back-dated version: rules
 * are effective-dated so that points already earned keep the rules they were earned under.
 *
 * The values are checked as if they were unknown, because records (multipliers by key) reach
 * here from HTTP with only their shape checked.
 */
export function validateEarningRules(rules: EarningRuleDefinition, now: Date, options: RuleValidationOptions = {}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string): void => {
    problems.push({ field, message });
  };

  const leadTimeMs = options.leadTimeMs ?? 0;
  if (!isValidDate(rules.effectiveFrom)) {
    problem('effectiveFrom', 'must be a valid instant');
  } else if (rules.effectiveFrom.getTime() < now.getTime() + leadTimeMs) {
    problem(
      'effectiveFrom',
      leadTimeMs > 0
        ? `must be at least ${Math.ceil(leadTimeMs / 1000)} s after now (${now.toISOString()}): a new version cannot rewrite ` +
            'earnings already made, and every running instance must know it before it takes effect'
        : `must not be before now (${now.toISOString()}): a new version cannot rewrite earnings already made`,
    );
  }

  if (typeof rules.currency !== 'string' || !/^[A-Z]{3}$/.test(rules.currency)) {
    problem('currency', 'must be an ISO 4217 code of three capital letters, e.g. CNY');
  }

  if (!isPositiveInteger(rules.baseRate?.points)) problem('baseRate.points', 'must be a whole number of points greater than 0');
  if (!isPositiveInteger(rules.baseRate?.perAmountMinor)) {
    problem('baseRate.perAmountMinor', 'must be a whole number of minor units greater than 0 (100 = one yuan)');
  }
  if (!ROUNDING_MODES.includes(rules.rounding)) problem('rounding', `must be one of ${ROUNDING_MODES.join(', ')}`);

  checkMultipliers('tierMultipliers', rules.tierMultipliers, problem);
  checkMultipliers('tenantMultipliers', rules.tenantMultipliers, problem);
  checkMultipliers('categoryMultipliers', rules.categoryMultipliers, problem);
  checkExclusions('excludedTenants', 'tenantMultipliers', 'tenant', rules.excludedTenants, rules.tenantMultipliers, problem);
  checkExclusions('excludedCategories', 'categoryMultipliers', 'category', rules.excludedCategories, rules.categoryMultipliers, problem);

  if (!isList(rules.campaigns)) {
    problem('campaigns', 'must be a list (empty when there is no campaign)');
  } else {
    const firstIndexOfId = new Map<string, number>();
    rules.campaigns.forEach((campaign, index) => {
      checkCampaign(campaign, `campaigns.${index}`, rules, problem);
      if (typeof campaign.id !== 'string') return;
      const first = firstIndexOfId.get(campaign.id);
      if (first === undefined) firstIndexOfId.set(campaign.id, index);
      else problem(`campaigns.${index}.id`, `"${campaign.id}" is already the id of campaigns.${first}; campaign ids must be unique`);
    });
  }

  const perPurchase = rules.maxPointsPerPurchase;
  const perDay = rules.maxPointsPerDay;
  if (perPurchase !== undefined && !isPositiveInteger(perPurchase)) {
    problem('maxPointsPerPurchase', 'must be a whole number of points greater than 0, or left out for no cap');
  }
  if (perDay !== undefined && !isPositiveInteger(perDay)) {
    problem('maxPointsPerDay', 'must be a whole number of points greater than 0, or left out for no cap');
  }
  if (isPositiveInteger(perPurchase) && isPositiveInteger(perDay) && perPurchase > perDay) {
    problem('maxPointsPerPurchase', `must not exceed maxPointsPerDay (${perDay}): no purchase could ever earn it`);
  }

  return problems;
}

type Report = (field: string, message: string) => void;

function checkMultipliers(field: string, multipliers: unknown, problem: Report): void {
  if (!isRecord(multipliers)) {
    problem(field, 'must be an object of permille values by key (empty when there is none)');
    return;
  }
  for (const [key, permille] of Object.entries(multipliers)) {
    if (key.trim() === '') problem(field, 'keys must not be empty');
    else if (!isPermille(permille)) problem(`${field}.${key}`, `must be a whole number of permille from 0 to ${MAX_PERMILLE} (1000 = ×1)`);
  }
}

function checkExclusions(
  field: string,
  multipliersField: string,
  what: string,
  excluded: unknown,
  multipliers: unknown,
  problem: Report,
): void {
  if (!Array.isArray(excluded)) {
    problem(field, `must be a list of ${what} keys (empty when none is excluded)`);
    return;
  }
  excluded.forEach((key: unknown, index) => {
    if (typeof key !== 'string' || key.trim() === '') {
      problem(`${field}.${index}`, `must be a non-empty ${what} key`);
    } else if (isRecord(multipliers) && Object.hasOwn(multipliers, key)) {
      const contradiction = `${what} "${key}" is both excluded (${field}) and given a multiplier (${multipliersField}); it can only be one`;
      problem(`${field}.${index}`, contradiction);
      problem(`${multipliersField}.${key}`, contradiction);
    }
  });
}

function checkCampaign(campaign: Campaign, path: string, rules: EarningRuleDefinition, problem: Report): void {
  if (typeof campaign.id !== 'string' || campaign.id.trim() === '') problem(`${path}.id`, 'must not be empty');
  if (typeof campaign.name !== 'string' || campaign.name.trim() === '') problem(`${path}.name`, 'must not be empty');

  const from = isValidDate(campaign.from);
  const to = isValidDate(campaign.to);
  if (!from) problem(`${path}.from`, 'must be a valid instant');
  if (!to) problem(`${path}.to`, 'must be a valid instant');
  if (from && to && campaign.to.getTime() <= campaign.from.getTime()) {
    problem(`${path}.to`, `must be after ${path}.from: the campaign runs from \`from\` up to, not including, \`to\``);
  }

  if (campaign.weekdays !== undefined) {
    if (!Array.isArray(campaign.weekdays) || campaign.weekdays.length === 0) {
      problem(`${path}.weekdays`, 'must name at least one weekday (0 = Sunday … 6 = Saturday), or be left out for every day');
    } else {
      campaign.weekdays.forEach((weekday: unknown, index) => {
        if (!Number.isInteger(weekday) || (weekday as number) < 0 || (weekday as number) > 6) {
          problem(`${path}.weekdays.${index}`, 'must be a weekday from 0 (Sunday) to 6 (Saturday)');
        }
      });
    }
  }

  checkFilter(`${path}.tenantIds`, 'tenant', campaign.tenantIds, rules.excludedTenants, 'excludedTenants', problem);
  checkFilter(`${path}.categories`, 'category', campaign.categories, rules.excludedCategories, 'excludedCategories', problem);
  checkFilter(`${path}.tiers`, 'tier', campaign.tiers, [], '', problem);

  const hasMultiplier = campaign.multiplierPermille !== undefined;
  const hasExtra = campaign.extraPoints !== undefined;
  if (hasMultiplier && hasExtra) {
    const message = 'a campaign gives either multiplierPermille or extraPoints, not both';
    problem(`${path}.multiplierPermille`, message);
    problem(`${path}.extraPoints`, message);
  } else if (!hasMultiplier && !hasExtra) {
    const message = 'a campaign must give either multiplierPermille or extraPoints';
    problem(`${path}.multiplierPermille`, message);
    problem(`${path}.extraPoints`, message);
  }
  if (hasMultiplier && !isPermille(campaign.multiplierPermille)) {
    problem(`${path}.multiplierPermille`, `must be a whole number of permille from 0 to ${MAX_PERMILLE} (2000 = double points)`);
  }
  if (hasExtra && !isPositiveInteger(campaign.extraPoints)) {
    problem(`${path}.extraPoints`, 'must be a whole number of points greater than 0');
  }
}

/** A campaign filter: absent means "any"; present, it must name something that can earn. */
function checkFilter(
  field: string,
  what: string,
  keys: readonly string[] | undefined,
  excluded: readonly string[],
  excludedField: string,
  problem: Report,
): void {
  if (keys === undefined) return;
  if (!Array.isArray(keys) || keys.length === 0) {
    problem(field, `must name at least one ${what}, or be left out for every ${what}`);
    return;
  }
  keys.forEach((key: unknown, index) => {
    if (typeof key !== 'string' || key.trim() === '') problem(`${field}.${index}`, `must be a non-empty ${what} key`);
    else if (Array.isArray(excluded) && excluded.includes(key)) {
      problem(`${field}.${index}`, `${what} "${key}" is excluded from earning (${excludedField}); a campaign cannot give it a bonus`);
    }
  });
}

/** Array.isArray without widening the elements to `any`: the values may not be what the types say. */
function isList<T>(value: readonly T[] | undefined): value is readonly T[] {
  return Array.isArray(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

function isPositiveInteger(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

function isPermille(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_PERMILLE;
}
