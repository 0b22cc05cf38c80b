import {
  applyMemberChange,
  applyPointsChanges,
  monthOf,
  profileOf,
  rollSpendWindow,
  type MemberChange,
  type ProjectedMember,
  type ProjectionSettings,
} from './member-projection';

const settings: ProjectionSettings = { defaultLanguage: 'zh-Hant', timeZone: 'Asia/Shanghai', lowestTier: 'basic' };
const at = (iso: string): Date => new Date(iso);

const registered: MemberChange = {
  kind: 'registered',
  phone: '+85291234567',
  name: '陳大文',
  channel: 'corporate',
  sourceRef: 'ACME',
  registeredAt: at('2025-01-10T02:00:00Z'),
};

/** Applies changes in order, as the consumer does; a change that changes nothing keeps the member. */
function project(...changes: MemberChange[]): ProjectedMember | undefined {
  return changes.reduce<ProjectedMember | undefined>((member, change) => applyMemberChange(member, change, settings) ?? member, undefined);
}

describe('applyMemberChange', () => {
  it('makes a profile of a registration: defaults for what registration does not say (the lowest tier), the company from a corporate code', () => {
    const member = project(registered)!;
    expect(profileOf('m1', member, settings)).toEqual({
      memberId: 'm1',
      name: '陳大文',
      phone: '+85291234567',
      language: 'zh-Hant',
      tier: 'basic',
      registeredAt: at('2025-01-10T02:00:00Z'),
      registrationChannel: 'corporate',
      companyCode: 'ACME',
      tags: [],
      marketingConsent: { granted: false },
      smsOptedOut: false,
      cardState: 'active',
      erased: false,
      pointsBalance: 0,
      spendLast12MonthsMinor: 0,
      phoneInvalid: false,
    });
  });

  it('takes the language chosen at registration, and the default only when none was chosen', () => {
    expect(profileOf('m1', project({ ...registered, language: 'en' })!, settings)?.language).toBe('en');
    expect(profileOf('m1', project(registered)!, settings)?.language).toBe('zh-Hant');
  });

  it('leaves fields it does not know absent, never undefined or null', () => {
    const member = project(registered, { kind: 'profile-updated', phone: '+85291234567', name: 'Dai Man', tags: [], at: at('2025-02-01T00:00:00Z') })!;
    const profile = profileOf('m1', member, settings)!;
    expect(Object.hasOwn(profile, 'birthday')).toBe(false);
    expect(Object.hasOwn(profile, 'lastPurchaseAt')).toBe(false);
    expect(Object.values(profile)).not.toContain(undefined);
  });

  it('is no profile before its registration (points may come first), and keeps what came first', () => {
    const spendOnly = applyPointsChanges(undefined, [{ eventId: 'e1', kind: 'earned', amountMinor: 500, at: at('2025-06-01T04:00:00Z') }], at('2025-06-15T04:00:00Z'), settings.timeZone)!;
    expect(profileOf('m1', spendOnly, settings)).toBeUndefined();
    const member = applyMemberChange(spendOnly, registered, settings)!;
    expect(profileOf('m1', member, settings)).toMatchObject({ spendLast12MonthsMinor: 500, lastPurchaseAt: at('2025-06-01T04:00:00Z') });
  });

  it('ignores a second registration and events older than what it knows', () => {
    const member = project(registered, { kind: 'consent-changed', granted: true, at: at('2025-03-01T00:00:00Z') })!;
    expect(applyMemberChange(member, registered, settings)).toBeUndefined();
    expect(applyMemberChange(member, { kind: 'consent-changed', granted: false, at: at('2025-02-01T00:00:00Z') }, settings)).toBeUndefined();
    expect(applyMemberChange(member, { kind: 'consent-changed', granted: false, at: at('2025-03-02T00:00:00Z') }, settings)?.marketingConsent).toEqual({
      granted: false,
      at: at('2025-03-02T00:00:00Z'),
    });
  });

  it('overwrites the profile with the latest values; a new number clears STOP and an invalid number', () => {
    const stopped = project(
      registered,
      { kind: 'sms-opted-out', at: at('2025-02-01T00:00:00Z') },
      { kind: 'phone-invalid', phone: '+85291234567' },
    )!;
    expect(stopped).toMatchObject({ smsOptedOut: true, phoneInvalid: true });
    const moved = applyMemberChange(
      stopped,
      { kind: 'profile-updated', phone: '+85298765432', name: '陳大文', language: 'en', birthday: { month: 6, day: 20 }, tags: ['vip-room', 'vip-room'], at: at('2025-03-01T00:00:00Z') },
      settings,
    )!;
    expect(profileOf('m1', moved, settings)).toMatchObject({
      phone: '+85298765432',
      language: 'en',
      birthday: { month: 6, day: 20 },
      tags: ['vip-room'],
      smsOptedOut: false,
      phoneInvalid: false,
    });
    expect(Object.hasOwn(moved, 'smsOptedOutAt')).toBe(false);
  });

  it('follows the current card: frozen, unfrozen, lost, replaced; events about an old card change nothing', () => {
    const issued = project(registered, { kind: 'card-issued', cardNumber: '8800000000000013', at: at('2025-01-10T02:00:00Z') })!;
    const frozen = applyMemberChange(issued, { kind: 'card-state-changed', cardNumber: '8800000000000013', state: 'frozen', at: at('2025-02-01T00:00:00Z') }, settings)!;
    expect(frozen.cardState).toBe('frozen');
    const replaced = applyMemberChange(
      applyMemberChange(frozen, { kind: 'card-state-changed', cardNumber: '8800000000000013', state: 'active', at: at('2025-02-02T00:00:00Z') }, settings),
      { kind: 'card-replaced', newCardNumber: '8800000000000021', at: at('2025-02-03T00:00:00Z') },
      settings,
    )!;
    expect(replaced).toMatchObject({ cardNumber: '8800000000000021', cardState: 'active' });
    expect(applyMemberChange(replaced, { kind: 'card-state-changed', cardNumber: '8800000000000013', state: 'lost', at: at('2025-02-04T00:00:00Z') }, settings)).toBeUndefined();
    expect(applyMemberChange(replaced, { kind: 'card-state-changed', cardNumber: '8800000000000021', state: 'lost', at: at('2025-02-04T00:00:00Z') }, settings)?.cardState).toBe('lost');
  });

  it('keeps STOP until a later START, and a START older than the STOP changes nothing', () => {
    const stopped = project(registered, { kind: 'sms-opted-out', at: at('2025-02-01T00:00:00Z') })!;
    expect(applyMemberChange(stopped, { kind: 'sms-opted-in', at: at('2025-01-31T00:00:00Z') }, settings)).toBeUndefined();
    const started = applyMemberChange(stopped, { kind: 'sms-opted-in', at: at('2025-02-02T00:00:00Z') }, settings)!;
    expect(started.smsOptedOut).toBe(false);
    expect(applyMemberChange(started, { kind: 'sms-opted-out', at: at('2025-02-01T12:00:00Z') }, settings)).toBeUndefined();
  });

  it('marks a number invalid only while the member still has it', () => {
    const member = project(registered)!;
    expect(applyMemberChange(member, { kind: 'phone-invalid', phone: '+85290000000' }, settings)).toBeUndefined();
    expect(applyMemberChange(member, { kind: 'phone-invalid' }, settings)?.phoneInvalid).toBe(true);
  });

  it('erases to a tombstone without personal data that no later event brings back', () => {
    const erased = project(registered, { kind: 'profile-updated', phone: '+85291234567', name: '陳大文', tags: ['staff'], at: at('2025-02-01T00:00:00Z') }, { kind: 'erased', at: at('2025-03-01T00:00:00Z') })!;
    expect(erased.name).toBeUndefined();
    expect(erased.phone).toBeUndefined();
    expect(erased.tags).toEqual([]);
    expect(profileOf('m1', erased, settings)).toMatchObject({ erased: true, name: '', phone: '' });
    expect(applyMemberChange(erased, { ...registered, registeredAt: at('2025-04-01T00:00:00Z') }, settings)).toBeUndefined();
    expect(applyMemberChange(erased, { kind: 'profile-updated', phone: '+85291234567', name: 'Back', tags: [], at: at('2025-04-01T00:00:00Z') }, settings)).toBeUndefined();
    expect(applyPointsChanges(erased, [{ eventId: 'e9', kind: 'earned', amountMinor: 100, at: at('2025-04-01T00:00:00Z') }], at('2025-04-01T00:00:00Z'), settings.timeZone)).toBeUndefined();
  });

  it('keeps the latest notification preferences, and none of an erased member', () => {
    const wants = (pointsEarned: boolean, iso: string): MemberChange => ({ kind: 'notifications-changed', notifications: { pointsEarned }, at: at(iso) });
    expect(Object.hasOwn(profileOf('m1', project(registered)!, settings)!, 'notifications')).toBe(false);
    const on = project(registered, wants(true, '2025-02-01T00:00:00Z'))!;
    expect(profileOf('m1', on, settings)?.notifications).toEqual({ pointsEarned: true });
    // A change older than the one applied (a late event) changes nothing; a repeat neither.
    expect(applyMemberChange(on, wants(false, '2025-01-31T00:00:00Z'), settings)).toBeUndefined();
    expect(applyMemberChange(on, wants(true, '2025-02-01T00:00:00Z'), settings)).toBeUndefined();
    expect(profileOf('m1', applyMemberChange(on, wants(false, '2025-02-02T00:00:00Z'), settings)!, settings)?.notifications).toEqual({ pointsEarned: false });
    // Chosen before the registration was applied (events from two sources): kept through it.
    expect(profileOf('m1', project(wants(true, '2025-01-01T00:00:00Z'), registered)!, settings)?.notifications).toEqual({ pointsEarned: true });
    const erased = applyMemberChange(on, { kind: 'erased', at: at('2025-03-01T00:00:00Z') }, settings)!;
    expect(erased.notifications).toBeUndefined();
    expect(profileOf('m1', erased, settings)?.notifications).toBeUndefined();
    expect(applyMemberChange(erased, wants(true, '2025-04-01T00:00:00Z'), settings)).toBeUndefined();
  });
});

describe('applyPointsChanges and the 12-month spend', () => {
  const now = at('2025-06-15T04:00:00Z');
  const member = project(registered)!;

  it('adds spend by the centre-local month of the sale and keeps the latest purchase', () => {
    const next = applyPointsChanges(
      member,
      [
        { eventId: '3b1f5d2e-8c4a-4f7e-9d1a-2b3c4d5e6f70', kind: 'earned', amountMinor: 10_000, at: at('2025-05-31T17:00:00Z') }, // 1 June in Shanghai
        { eventId: 'a1', kind: 'earned', amountMinor: 2_500, at: at('2025-03-01T04:00:00Z') },
        { eventId: 'a2', kind: 'refunded', amountMinor: 1_000, at: at('2025-06-02T04:00:00Z') },
      ],
      now,
      settings.timeZone,
    )!;
    expect(next.spendByMonth).toEqual({ '2025-06': 9_000, '2025-03': 2_500 });
    expect(next.spendLast12MonthsMinor).toBe(11_500);
    expect(next.lastPurchaseAt).toEqual(at('2025-05-31T17:00:00Z'));
    expect(next.spendMonth).toBe('2025-06');
  });

  it('applies a redelivered event once', () => {
    const change = { eventId: '3b1f5d2e-8c4a-4f7e-9d1a-2b3c4d5e6f70', kind: 'earned' as const, amountMinor: 10_000, at: at('2025-06-01T04:00:00Z') };
    const once = applyPointsChanges(member, [change], now, settings.timeZone)!;
    expect(applyPointsChanges(once, [change], now, settings.timeZone)).toBeUndefined();
    expect(applyPointsChanges(member, [change, change], now, settings.timeZone)?.spendLast12MonthsMinor).toBe(10_000);
  });

  it('lets months leave the window as time passes, and never goes below zero', () => {
    const spent = applyPointsChanges(
      member,
      [
        { eventId: 'b1', kind: 'earned', amountMinor: 7_000, at: at('2024-07-10T04:00:00Z') },
        { eventId: 'b2', kind: 'earned', amountMinor: 3_000, at: at('2025-06-10T04:00:00Z') },
      ],
      now,
      settings.timeZone,
    )!;
    expect(spent.spendLast12MonthsMinor).toBe(10_000);
    const august = rollSpendWindow(spent, at('2025-08-01T04:00:00Z'), settings.timeZone);
    expect(august.spendLast12MonthsMinor).toBe(3_000);
    expect(august.spendByMonth).toEqual({ '2025-06': 3_000 });
    const refundedMore = applyPointsChanges(august, [{ eventId: 'b3', kind: 'refunded', amountMinor: 5_000, at: at('2025-08-02T04:00:00Z') }], at('2025-08-02T04:00:00Z'), settings.timeZone)!;
    expect(refundedMore.spendLast12MonthsMinor).toBe(0);
  });

  it('names months by the centre calendar', () => {
    expect(monthOf(at('2025-12-31T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-01');
    expect(monthOf(at('2025-12-31T16:00:00Z'), 'UTC')).toBe('2025-12');
  });
});

describe('tier', () => {
  it('is the lowest tier from registration, then what the latest tier change says (an older one arriving late changes nothing)', () => {
    const member = applyMemberChange(undefined, registered, settings)!;
    expect(member.tier).toBe('basic');
    const gold = applyMemberChange(member, { kind: 'tier-changed', tier: 'gold', at: at('2025-06-02T00:00:00Z') }, settings)!;
    expect(gold.tier).toBe('gold');
    expect(applyMemberChange(gold, { kind: 'tier-changed', tier: 'silver', at: at('2025-06-01T00:00:00Z') }, settings)).toBeUndefined();
    expect(applyMemberChange(gold, { kind: 'tier-changed', tier: 'gold', at: at('2025-06-02T00:00:00Z') }, settings)).toBeUndefined();
  });

  it('keeps a tier change replayed before its registration', () => {
    const early = applyMemberChange(undefined, { kind: 'tier-changed', tier: 'vip', at: at('2025-06-02T00:00:00Z') }, settings)!;
    expect(applyMemberChange(early, registered, settings)!.tier).toBe('vip');
  });
});

describe('points balance', () => {
  const position = (offset: string, partition = 2) => ({ partition, offset });
  const now = at('2025-06-15T04:00:00Z');

  it('is the balance of the latest event on the topic, whatever the kind, and not moved by an earlier event read later', () => {
    const earned = applyPointsChanges(undefined, [{ eventId: 'p1', kind: 'earned', amountMinor: 500, at: now, balance: { available: 800, position: position('10') } }], now, settings.timeZone)!;
    expect(earned.pointsBalance).toBe(800);
    const redeemed = applyPointsChanges(earned, [{ eventId: 'p2', kind: 'balance-changed', amountMinor: 0, at: now, balance: { available: 300, position: position('11') } }], now, settings.timeZone)!;
    expect(redeemed.pointsBalance).toBe(300);
    expect(redeemed.spendLast12MonthsMinor).toBe(500);
    const stale = applyPointsChanges(redeemed, [{ eventId: 'p0', kind: 'earned', amountMinor: 100, at: now, balance: { available: 700, position: position('9') } }], now, settings.timeZone)!;
    expect(stale.pointsBalance).toBe(300);
    expect(stale.spendLast12MonthsMinor).toBe(600);
  });

  it('stays as it is for an event that carries no balance', () => {
    const earned = applyPointsChanges(undefined, [{ eventId: 'p1', kind: 'earned', amountMinor: 500, at: now, balance: { available: 800, position: position('10') } }], now, settings.timeZone)!;
    expect(applyPointsChanges(earned, [{ eventId: 'p2', kind: 'refunded', amountMinor: 100, at: now }], now, settings.timeZone)!.pointsBalance).toBe(800);
  });
});
