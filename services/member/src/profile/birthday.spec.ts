import { InvalidInputError } from '@atrium/errors';
import { birthdayProblems, checkBirthday, daysInMonth } from './birthday';

const today = new Date('2026-11-27T00:00:00Z');
const fieldsOf = (birthday: { month: number; day: number; year?: number }) => birthdayProblems(birthday, today).map((problem) => problem.field);

describe('birthdays', () => {
  it.each([
    [{ month: 1, day: 31 }],
    [{ month: 4, day: 30 }],
    [{ month: 2, day: 29 }],
    [{ month: 2, day: 29, year: 2000 }],
    [{ month: 2, day: 29, year: 2024 }],
    [{ month: 12, day: 31, year: 1900 }],
    [{ month: 11, day: 27, year: 2026 }],
  ])('accepts %j', (birthday) => {
    expect(fieldsOf(birthday)).toEqual([]);
    expect(checkBirthday(birthday, today)).toEqual(birthday);
  });

  it.each([
    [{ month: 2, day: 29, year: 2023 }, ['birthday.day']],
    [{ month: 2, day: 29, year: 1900 }, ['birthday.day']],
    [{ month: 2, day: 30 }, ['birthday.day']],
    [{ month: 4, day: 31 }, ['birthday.day']],
    [{ month: 6, day: 0 }, ['birthday.day']],
    [{ month: 13, day: 1 }, ['birthday.month']],
    [{ month: 0, day: 1 }, ['birthday.month']],
    [{ month: 1.5, day: 1 }, ['birthday.month']],
    [{ month: 1, day: 1, year: 1899 }, ['birthday.year']],
    [{ month: 1, day: 1, year: 2027 }, ['birthday.year']],
    [{ month: 11, day: 28, year: 2026 }, ['birthday']],
  ])('refuses %j naming %j', (birthday, fields) => {
    expect(fieldsOf(birthday)).toEqual(fields);
  });

  it('throws an InvalidInputError naming the field, under the name the caller gives', () => {
    expect(() => checkBirthday({ month: 2, day: 30 }, today)).toThrow(InvalidInputError);
    try {
      checkBirthday({ month: 4, day: 31 }, today, 'profile.birthday');
    } catch (error) {
      expect((error as InvalidInputError).fields).toEqual([{ field: 'profile.birthday.day', message: 'must be a day from 1 to 30 in month 4' }]);
    }
  });

  it('gives February 29 days without a year and in leap years only', () => {
    expect(daysInMonth(2)).toBe(29);
    expect(daysInMonth(2, 2024)).toBe(29);
    expect(daysInMonth(2, 2100)).toBe(28);
    expect(daysInMonth(2, 2000)).toBe(29);
    expect(daysInMonth(9)).toBe(30);
  });

  it('drops an undefined year rather than storing it', () => {
    expect(Object.keys(checkBirthday({ month: 5, day: 6, year: undefined }, today))).toEqual(['month', 'day']);
  });
});
