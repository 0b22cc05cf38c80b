/**
 * Licence plates the car park accepts for parking rewards (停車優惠), normalised so one car is
 * one plate however the desk typed it. Pure.
 *
 * - Mainland China, ordinary (7 characters): province abbreviation, the issuing office's letter
 *   (A–Z but I and O), then 5 letters or digits (no I or O); the last may be 挂 (trailer),
 *   学 (driving school), 警 (police), or 港 / 澳 (Guangdong's cross-border plates, 粤Z…港).
 *   Example: 粤B12345, 京A·8K88Q.
 * - Mainland China, new energy (8 characters): province, office letter, then either a small
 *   car's D…K class letter (A–K but I: D/A/B/C/E electric, F/G/H/J/K hybrid) followed by a
 *   letter or digit and 4 digits (粤BD12345, 沪AFA1234), or a large vehicle's 5 digits followed
 *   by D or F (粤B12345D).
 * - Hong Kong: 2 letters (no I, O or Q) and 1–4 digits without a leading zero (AB1234, KT8).
 *   Personalised marks are not accepted.
 * - Macau: 1–2 letters and two pairs of digits written with their dashes (MA-12-34, AA-12-34);
 *   the dashes tell a Macau plate from a Hong Kong one.
 *
 * Spaces and the middle dot are ignored; letters are upper-cased; traditional forms of the
 * province characters (粵, 滬, 遼, …) are read as their simplified forms, as plates print them.
 * Military, embassy and consulate plates are not accepted.
 */

export type PlateRegion = 'mainland' | 'mainland-new-energy' | 'hong-kong' | 'macau';

export interface LicencePlate {
  /** The normalised plate, e.g. "粤B12345", "AB1234", "MA-12-34". */
  readonly plate: string;
  readonly region: PlateRegion;
}

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const TRADITIONAL: Readonly<Record<string, string>> = {
  粵: '粤', 滬: '沪', 遼: '辽', 雲: '云', 魯: '鲁', 蘇: '苏', 贛: '赣', 晉: '晋', 陝: '陕', 閩: '闽', 貴: '贵', 寧: '宁', 瓊: '琼', 學: '学', 掛: '挂',
};
/** Letters on mainland plates: I and O are never used (they read as 1 and 0). */
const LETTER = 'A-HJ-NP-Z';

const MAINLAND = new RegExp(`^[${PROVINCES}][${LETTER}][${LETTER}0-9]{4}[${LETTER}0-9挂学警港澳]$`);
const MAINLAND_NEW_ENERGY = new RegExp(`^[${PROVINCES}][${LETTER}](?:[A-HJK][${LETTER}0-9][0-9]{4}|[0-9]{5}[DF])$`);
const HONG_KONG = /^[A-HJ-NPR-Z]{2}[1-9][0-9]{0,3}$/;
const MACAU = /^[A-Z]{1,2}-[0-9]{2}-[0-9]{2}$/;

/** The plate normalised with its region, or undefined when it is no format above. */
export function parseLicencePlate(text: string): LicencePlate | undefined {
  const compact = Array.from(text.trim().toUpperCase().replace(/[\s·•．.]/g, ''))
    .map((character) => TRADITIONAL[character] ?? character)
    .join('');
  if (MACAU.test(compact)) return { plate: compact, region: 'macau' };
  if (MAINLAND_NEW_ENERGY.test(compact)) return { plate: compact, region: 'mainland-new-energy' };
  if (MAINLAND.test(compact)) return { plate: compact, region: 'mainland' };
  if (HONG_KONG.test(compact)) return { plate: compact, region: 'hong-kong' };
  return undefined;
}

/** What the desk is told when a plate is refused. */
export const PLATE_FORMATS_HINT =
  'must be a mainland plate (粤B12345, new energy 粤BD12345 or 粤B12345D), a Hong Kong plate (AB1234) or a Macau plate (MA-12-34)';
