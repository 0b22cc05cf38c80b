import { exampleOffer, exampleTerms } from './agreement-terms.examples';
import { agreementStateOnDay, agreementStatus, daysInForce, offersInForce, versionDiff, versionInForce, type Agreement, type AgreementVersion } from './agreement.record';

const at = new Date('2027-01-01T00:00:00Z');

function version(number: number, status: AgreementVersion['status'], percentOff = 10): AgreementVersion {
  return { number, terms: exampleTerms({ offers: [exampleOffer({ benefit: { kind: 'percentage', percentOff } })] }), status, author: 'amy', createdAt: at, updatedAt: at };
}

function agreement(versions: AgreementVersion[], termination?: Agreement['termination']): Agreement {
  return { id: 'a-1', tenantId: 'T-0101', versions, ...(termination ? { termination } : {}), createdAt: at, updatedAt: at };
}

describe('an agreement and its versions', () => {
  it('has the latest signed version in force, while an amendment is drafted', () => {
    const amended = agreement([version(1, 'signed'), version(2, 'draft', 15)]);
    expect(versionInForce(amended)?.number).toBe(1);
    expect(agreementStatus(amended)).toBe('signed');
    expect(agreementStateOnDay(amended, '2027-03-01')).toBe('active');
    expect(agreementStatus(agreement([version(1, 'submitted')]))).toBe('submitted');
  });

  it('diffs a version against the version in force before it, else the one before it', () => {
    const amended = agreement([version(1, 'signed'), version(2, 'approved', 12), version(3, 'draft', 15)]);
    expect(versionDiff(amended, amended.versions[0])).toBeUndefined();
    expect(versionDiff(amended, amended.versions[2])).toEqual([{ path: 'offers.offer-1.benefit.percentOff', change: 'changed', before: 10, after: 15 }]);
    const unsigned = agreement([version(1, 'approved', 12), version(2, 'draft', 15)]);
    expect(versionDiff(unsigned, unsigned.versions[1])).toEqual([{ path: 'offers.offer-1.benefit.percentOff', change: 'changed', before: 12, after: 15 }]);
  });

  it('holds its offers to the termination\'s last day when earlier than validUntil, and none before signing', () => {
    const ended = agreement([version(1, 'signed')], { reason: 'closing', lastDay: '2027-06-30', by: 'sam', at: at.toISOString() });
    expect(daysInForce(ended)).toEqual({ validFrom: '2027-01-01', lastDay: '2027-06-30' });
    expect(offersInForce(ended)).toEqual([{ agreementId: 'a-1', tenantId: 'T-0101', validFrom: '2027-01-01', lastDay: '2027-06-30', offer: ended.versions[0].terms.offers[0] }]);
    expect(agreementStateOnDay(ended, '2027-07-01')).toBe('terminated');
    const endedBeforeStart = agreement([version(1, 'signed')], { reason: 'never opened', lastDay: '2026-12-31', by: 'sam', at: at.toISOString() });
    expect(offersInForce(endedBeforeStart)).toEqual([]);
    expect(offersInForce(agreement([version(1, 'approved')]))).toEqual([]);
  });
});
