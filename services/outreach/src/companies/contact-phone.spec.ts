import { InvalidInputError } from '@atrium/errors';
import { normalizeContactPhone } from './contact-phone';

describe('normalizeContactPhone', () => {
  it.each([
    ['020 3800 1234', 'CN', '+862038001234'],
    ['138 0013 8000', 'CN', '+8613800138000'],
    ['+852 9123 4567', 'CN', '+85291234567'],
  ])('reads %s (region %s) as %s', (raw, region, expected) => {
    expect(normalizeContactPhone(raw, region)).toBe(expected);
  });

  it('refuses what is no phone number, naming the field', () => {
    expect(() => normalizeContactPhone('12345', 'CN')).toThrow(InvalidInputError);
    try {
      normalizeContactPhone('12345', 'CN');
    } catch (error) {
      expect((error as InvalidInputError).fields).toEqual([expect.objectContaining({ field: 'contactPhone' })]);
    }
  });
});
