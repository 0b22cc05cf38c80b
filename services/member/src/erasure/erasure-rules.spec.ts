import type { AuditEntry } from '../audit/audit-entry.entity';
import type { Member } from '../members/member.entity';
import { ERASED_NAME, erasedAuditEntry, erasedMember, erasedPhoneOf } from './erasure-rules';

const at = new Date('2026-11-27T04:00:00Z');
const member: Member = {
  id: '7d4f1a52-9a3e-4c1b-8f00-2b7c9d1e0a11',
  status: 'active',
  mergedFrom: ['1d4f1a52-9a3e-4c1b-8f00-2b7c9d1e0a11'],
  phone: '+8613800138000',
  name: '陳大文',
  cardNumber: '8800000000000025',
  channel: 'activity',
  sourceRef: 'act-1',
  registeredAt: new Date('2025-01-01T00:00:00Z'),
  gender: 'male',
  birthday: { month: 5, day: 12, year: 1990 },
  district: '天河區',
  preferredLanguage: 'zh-Hant',
  interests: ['food'],
  tags: ['vip-lounge'],
  cards: [
    { number: '8800000000000017', state: 'lost', issuedAt: new Date('2025-01-01T00:00:00Z'), stateReason: 'lost at 陳 home', replacedBy: '8800000000000025' },
    { number: '8800000000000025', state: 'active', issuedAt: new Date('2025-06-01T00:00:00Z') },
  ],
  consent: { granted: true, channel: 'desk', wordingVersion: 'v1', at: new Date('2025-01-01T00:00:00Z') },
  tier: 'gold',
};

describe('erasure', () => {
  it('keeps nothing that says who the person is, and keeps what the record needs', () => {
    const { member: erased, consentRecord } = erasedMember(member, at, 'sup-1');
    expect(erased).toEqual({
      id: member.id,
      status: 'erased',
      closedAt: at,
      mergedFrom: member.mergedFrom,
      phone: erasedPhoneOf(member.id),
      name: ERASED_NAME,
      cardNumber: member.cardNumber,
      channel: 'activity',
      registeredAt: member.registeredAt,
      interests: [],
      tags: [],
      cards: [
        { number: '8800000000000017', state: 'closed', issuedAt: member.cards[0].issuedAt, stateChangedAt: at, replacedBy: '8800000000000025' },
        { number: '8800000000000025', state: 'closed', issuedAt: member.cards[1].issuedAt, stateChangedAt: at },
      ],
      consent: { granted: false, channel: 'erasure', at, recordedBy: 'sup-1' },
      tier: 'gold',
    });
    expect(consentRecord).toEqual(erased.consent);
    expect(JSON.stringify(erased)).not.toMatch(/陳|138001|天河|vip-lounge|1990/);
  });

  it('adds no consent record when consent was withdrawn already', () => {
    const withdrawn = { ...member, consent: { granted: false, channel: 'sms-reply' as const, at } };
    const { member: erased, consentRecord } = erasedMember(withdrawn, at, 'sup-1');
    expect(consentRecord).toBeUndefined();
    expect(erased.consent).toEqual(withdrawn.consent);
  });

  it('masks every audit value and drops staff\'s free text, keeping who, when and which field', () => {
    const entry: AuditEntry = {
      id: 'a1',
      at,
      staffId: 'desk-amy',
      staffRoles: ['desk'],
      action: 'profile.updated',
      changes: [
        { field: 'district', from: null, to: '天河區' },
        { field: 'tags', from: [], to: ['vip-lounge'] },
        { field: 'granted', from: false, to: true },
      ],
      reason: 'asked by 陳大文',
    };
    expect(erasedAuditEntry(entry)).toEqual({
      id: 'a1',
      at,
      staffId: 'desk-amy',
      staffRoles: ['desk'],
      action: 'profile.updated',
      changes: [
        { field: 'district', from: null, to: '***' },
        { field: 'tags', from: '***', to: '***' },
        { field: 'granted', from: false, to: true },
      ],
    });
  });
});
