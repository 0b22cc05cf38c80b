import { InvalidInputError } from '@atrium/errors';
import { normalizePhone } from './phone-number';

describe('normalizePhone', () => {
  it.each([
    ['13800138000', 'CN', '+8613800138000'],
    ['138 0013 8000', 'CN', '+8613800138000'],
    ['+86 138-0013-8000', 'HK', '+8613800138000'],
    ['9123 4567', 'HK', '+85291234567'],
    ['  +852 9123 4567 ', 'CN', '+85291234567'],
  ])('reads %s (region %s) as %s', (raw, region, expected) => {
    expect(normalizePhone(raw, region)).toBe(expected);
  });

  it.each(['12345', 'not a number', '+86 999'])('rejects %s naming the field', (raw) => {
    expect(() => normalizePhone(raw, 'CN')).toThrow(InvalidInputError);
    try {
      normalizePhone(raw, 'CN');
    } catch (error) {
      expect((error as InvalidInputError).fields[0].field).toBe('phone');
    }
  });
});
