import { cardNumberFor } from '../cards/card-number';
import { DEFAULT_TIERS } from '../tiers/tier-definitions';
import { parseCsv } from '@atrium/csv';
import { checkImportRow, repeatedPhones, rowsOfFile, type ImportFileRow } from './import-file';

const file = (text: string) => rowsOfFile(parseCsv(text), 100);
const row = (values: ImportFileRow['values'], extraFields = 0): ImportFileRow => ({ row: 2, values, extraFields });
const check = (values: ImportFileRow['values'], extraFields = 0) => checkImportRow(row(values, extraFields), DEFAULT_TIERS, 'CN');

describe('an import file', () => {
  it('maps the header to columns in any common spelling and numbers rows as a spreadsheet does', () => {
    const { columns, rows } = file('Phone,Name,Card Number,TIER,consent,opening_points\n13800138000,陳大文,,gold,granted,1200\n');
    expect(columns).toEqual(['phone', 'name', 'cardNumber', 'tier', 'consent', 'openingPoints']);
    expect(rows).toEqual([{ row: 2, values: { phone: '13800138000', name: '陳大文', cardNumber: '', tier: 'gold', consent: 'granted', openingPoints: '1200' }, extraFields: 0 }]);
  });

  it.each([
    ['an empty file', '', 'body'],
    ['an unknown column', 'phone,name,email\n1,2,3\n', 'header'],
    ['a missing name column', 'phone,tier\n1,gold\n', 'header'],
    ['a column twice', 'phone,name,mobile\n1,2,3\n', 'header'],
    ['a header without rows', 'phone,name\n', 'body'],
  ])('refuses %s as a whole, naming %s', (_case, text, field) => {
    expect(() => file(text)).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field })] }) as Error);
  });

  it('refuses more rows than one import takes', () => {
    expect(() => rowsOfFile(parseCsv('phone,name\n1,a\n2,b\n3,c\n'), 2)).toThrow('at most 2');
  });
});

describe('an import row', () => {
  it('takes a good row in stored form', () => {
    const card = cardNumberFor('6200', 77);
    expect(check({ phone: '138 0013 8000', name: ' 陳大文 ', cardNumber: `${card.slice(0, 4)} ${card.slice(4)}`, tier: '金卡', consent: 'Granted', openingPoints: '1500' })).toEqual({
      ok: true,
      member: { phone: '+8613800138000', name: '陳大文', cardNumber: card, tier: DEFAULT_TIERS[2], consent: 'granted', openingPoints: 1500 },
    });
  });

  it('leaves blank optional columns out: no card (one is issued), the lowest tier, no consent, no points', () => {
    expect(check({ phone: '+85291234567', name: 'Alice', tier: 'basic' })).toEqual({ ok: true, member: { phone: '+85291234567', name: 'Alice', openingPoints: 0 } });
  });

  it('names every column at fault', () => {
    const result = check({ phone: '12345', name: '', cardNumber: '8800000000000000', tier: 'platinum', consent: 'yes', openingPoints: '-5' }, 1);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((problem) => problem.column)).toEqual(['row', 'phone', 'name', 'cardNumber', 'tier', 'consent', 'openingPoints']);
  });

  it.each(['1.5', '10000001', 'abc'])('refuses %s opening points', (points) => {
    expect(check({ phone: '13800138000', name: 'A', openingPoints: points }).ok).toBe(false);
  });

  it('finds rows repeating an earlier row\'s phone, in any format', () => {
    const rows = [
      { row: 2, values: { phone: '13800138000' }, extraFields: 0 },
      { row: 3, values: { phone: 'bad' }, extraFields: 0 },
      { row: 4, values: { phone: '+86 138-0013-8000' }, extraFields: 0 },
    ];
    expect([...repeatedPhones(rows, 'CN')]).toEqual([[4, 2]]);
  });
});
