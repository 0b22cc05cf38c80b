import { InvalidInputError } from '@atrium/errors';
import { checkValidityWindow } from './programme-validity';

describe('checkValidityWindow', () => {
  const from = new Date('2026-01-01T00:00:00+08:00');

  it('takes a window that ends after it begins, or one without an end', () => {
    expect(() => checkValidityWindow(from, new Date('2027-01-01T00:00:00+08:00'))).not.toThrow();
    expect(() => checkValidityWindow(from, undefined)).not.toThrow();
  });

  it.each([
    ['an empty window', new Date(from)],
    ['a reversed window', new Date('2025-12-31T00:00:00+08:00')],
  ])('refuses %s naming validUntil', (_case, until) => {
    expect(() => checkValidityWindow(from, until)).toThrow(InvalidInputError);
    try {
      checkValidityWindow(from, until);
    } catch (error) {
      expect((error as InvalidInputError).fields.map((problem) => problem.field)).toEqual(['validUntil']);
    }
  });
});
