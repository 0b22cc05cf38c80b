import { agreementStateOn, checkMayTerminate, nextStatus } from './agreement-lifecycle';
import { AgreementRoleError, AgreementTransitionError, AuthorCannotApproveError } from './agreement.errors';

const amy = { staffId: 'amy', roles: ['specialist'] };
const sam = { staffId: 'sam', roles: ['supervisor'] };
const desk = { staffId: 'dee', roles: ['desk'] };

describe('an agreement version through its life cycle', () => {
  it('goes draft → submitted → approved → signed by the right people', () => {
    expect(nextStatus({ status: 'draft', author: 'amy' }, 'submit', amy)).toBe('submitted');
    expect(nextStatus({ status: 'submitted', author: 'amy' }, 'approve', sam)).toBe('approved');
    expect(nextStatus({ status: 'approved', author: 'amy' }, 'sign', amy)).toBe('signed');
    expect(nextStatus({ status: 'submitted', author: 'amy' }, 'return', sam)).toBe('draft');
  });

  it('is never approved or returned by its author, even a supervisor', () => {
    expect(() => nextStatus({ status: 'submitted', author: 'sam' }, 'approve', sam)).toThrow(AuthorCannotApproveError);
    expect(() => nextStatus({ status: 'submitted', author: 'sam' }, 'return', sam)).toThrow(AuthorCannotApproveError);
  });

  it('is approved by supervisors only, and written by specialists or supervisors only', () => {
    expect(() => nextStatus({ status: 'submitted', author: 'amy' }, 'approve', { staffId: 'bob', roles: ['specialist'] })).toThrow(AgreementRoleError);
    expect(() => nextStatus({ status: 'draft', author: 'amy' }, 'edit', desk)).toThrow(AgreementRoleError);
  });

  it('cannot be signed off before approval, nor edited once submitted', () => {
    for (const status of ['draft', 'submitted', 'signed'] as const) {
      expect(() => nextStatus({ status, author: 'amy' }, 'sign', amy)).toThrow(AgreementTransitionError);
    }
    expect(() => nextStatus({ status: 'submitted', author: 'amy' }, 'edit', amy)).toThrow(AgreementTransitionError);
    expect(() => nextStatus({ status: 'approved', author: 'amy' }, 'submit', amy)).toThrow(AgreementTransitionError);
  });

  it('is ended early by a supervisor only, and only while in force', () => {
    expect(() => checkMayTerminate(amy, true, 'signed')).toThrow(AgreementRoleError);
    expect(() => checkMayTerminate(sam, false, 'approved')).toThrow(AgreementTransitionError);
    expect(() => checkMayTerminate(sam, true, 'signed')).not.toThrow();
  });
});

describe('what an agreement is on a day', () => {
  const signed = { status: 'signed' as const, validFrom: '2027-01-01', validUntil: '2027-06-30' };

  it.each([
    ['2026-12-31', 'signed-not-yet-valid'],
    ['2027-01-01', 'active'],
    ['2027-06-30', 'active'],
    ['2027-07-01', 'expired'],
  ])('a signed agreement on %s is %s', (day, state) => {
    expect(agreementStateOn(signed, day)).toBe(state);
  });

  it('a terminated one holds until its last day, then leaves the active set', () => {
    const terminated = { ...signed, status: 'terminated' as const, termination: { reason: 'closing', lastDay: '2027-03-15', by: 'sam', at: '2027-03-01T02:00:00Z' } };
    expect(agreementStateOn(terminated, '2027-03-15')).toBe('active');
    expect(agreementStateOn(terminated, '2027-03-16')).toBe('terminated');
  });

  it('before signing it is its status, whatever the date', () => {
    expect(agreementStateOn({ ...signed, status: 'approved' }, '2027-02-01')).toBe('approved');
  });
});
