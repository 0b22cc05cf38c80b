import { InvalidInputError, type FieldProblem } from '@atrium/errors';
import type { Birthday } from '../members/member.entity';

/** The earliest birth year the desk can enter; anything before is a typing mistake. */
export const EARLIEST_BIRTH_YEAR = 1900;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Days in a month; without a year February has 29, so a member born on 29 February can say
 * so without giving the year (their birthday greeting goes out on 28 February in other years).
 */
export function daysInMonth(month: number, year?: number): number {
  if (month === 2) return year === undefined || isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** What is wrong with a birthday, by field, against `today` (a birthday cannot be in the future). */
export function birthdayProblems(birthday: Birthday, today: Date, field = 'birthday'): FieldProblem[] {
  const { month, day, year } = birthday;
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(month) || month < 1 || month > 12) problems.push({ field: `${field}.month`, message: 'must be a month from 1 to 12' });
  if (year !== undefined) {
    const thisYear = today.getUTCFullYear();
    if (!Number.isInteger(year) || year < EARLIEST_BIRTH_YEAR || year > thisYear) {
      problems.push({ field: `${field}.year`, message: `must be a year from ${EARLIEST_BIRTH_YEAR} to ${thisYear}` });
    }
  }
  if (problems.length > 0) return problems;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(month, year)) {
    const context = year === undefined ? `month ${month}` : `${year}-${String(month).padStart(2, '0')}`;
    return [{ field: `${field}.day`, message: `must be a day from 1 to ${daysInMonth(month, year)} in ${context}` }];
  }
  if (year !== undefined && Date.UTC(year, month - 1, day) > today.getTime()) {
    return [{ field, message: 'must not be in the future' }];
  }
  return [];
}

/** A birthday as staff entered it, checked to be a real date; throws naming the field at fault. */
export function checkBirthday(birthday: Birthday, today = new Date(), field = 'birthday'): Birthday {
  const problems = birthdayProblems(birthday, today, field);
  if (problems.length > 0) throw new InvalidInputError('member.birthday-invalid', 'The birthday is not a real date.', problems);
  return { month: birthday.month, day: birthday.day, ...(birthday.year !== undefined ? { year: birthday.year } : {}) };
}
