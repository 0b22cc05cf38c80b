import { z } from 'zod';
import type { TierDefinition } from './tier.entity';

/**
 * The programme's tiers when MEMBER_TIERS is not set: 普卡, 銀卡, 金卡, VIP, reached with
 * 0, 5,000.00, 20,000.00 and 80,000.00 of qualifying spend over a rolling 12 months and kept at
 * the yearly review with 3,000.00, 12,000.00 and 50,000.00 (amounts in minor units: fen).
 */
export const DEFAULT_TIERS: readonly TierDefinition[] = [
  { code: 'basic', zh: '普卡', en: 'Basic', qualifyMinor: 0, keepMinor: 0 },
  { code: 'silver', zh: '銀卡', en: 'Silver', qualifyMinor: 500_000, keepMinor: 300_000 },
  { code: 'gold', zh: '金卡', en: 'Gold', qualifyMinor: 2_000_000, keepMinor: 1_200_000 },
  { code: 'vip', zh: 'VIP', en: 'VIP', qualifyMinor: 8_000_000, keepMinor: 5_000_000 },
];

const amount = z.number().int('must be a whole number of minor units').min(0, 'must not be negative').max(Number.MAX_SAFE_INTEGER);

const tierSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be 1 to 32 lowercase letters, digits or "-", starting with a letter'),
  zh: z.string().trim().min(1, 'must not be empty').max(32),
  en: z.string().trim().min(1, 'must not be empty').max(32),
  qualifyMinor: amount,
  keepMinor: amount,
});

/**
 * Tiers from lowest to highest, as a contradiction-free ladder: everyone is at least in the
 * first (reached and kept with 0), each tier needs strictly more spend to reach than the one
 * below, keeping a tier never needs more than reaching it, and keeping a higher tier never
 * needs less than keeping a lower one (else a member could keep gold with a spend that loses
 * silver).
 */
export const tierDefinitionsSchema = z
  .array(tierSchema)
  .min(1, 'must define at least one tier')
  .max(20, 'must define at most 20 tiers')
  .superRefine((tiers, context) => {
    const problem = (index: number, field: string, message: string) =>
      context.addIssue({ code: 'custom', path: [index, field], message: `tier ${index + 1} (${tiers[index].code}): ${message}` });
    const seen = new Set<string>();
    tiers.forEach((tier, index) => {
      if (seen.has(tier.code)) problem(index, 'code', 'the code is used by another tier');
      seen.add(tier.code);
      if (tier.keepMinor > tier.qualifyMinor) problem(index, 'keepMinor', 'keeping the tier must not need more than reaching it (keepMinor <= qualifyMinor)');
      if (index === 0) {
        if (tier.qualifyMinor !== 0 || tier.keepMinor !== 0) problem(index, 'qualifyMinor', 'the first tier is everyone\'s: qualifyMinor and keepMinor must be 0');
        return;
      }
      const below = tiers[index - 1];
      if (tier.qualifyMinor <= below.qualifyMinor) problem(index, 'qualifyMinor', `must be more than ${below.code}'s ${below.qualifyMinor} (thresholds strictly increase)`);
      if (tier.keepMinor < below.keepMinor) problem(index, 'keepMinor', `must not be less than ${below.code}'s ${below.keepMinor}`);
    });
  });

/** MEMBER_TIERS: a JSON array of tiers, lowest first; the defaults above when unset. */
export const tierDefinitionsVariable = z
  .string()
  .default(JSON.stringify(DEFAULT_TIERS))
  .transform((text, context): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      context.addIssue({ code: 'custom', message: 'must be a JSON array of {code, zh, en, qualifyMinor, keepMinor}' });
      return z.NEVER;
    }
  })
  .pipe(tierDefinitionsSchema);
