/** What a printed redemption slip shows, pure: built from the redemption and the member's account. */
import { maskPhone } from '@atrium/observability';
import type { PointsAccount } from '../accounts/account.entity';
import type { Redemption } from './redemption.entity';

export interface SlipLine {
  readonly description: string;
  readonly quantity: number;
  readonly pointsEach: number;
  readonly points: number;
}

export interface RedemptionSlip {
  readonly title: string;
  readonly code: string;
  readonly status: Redemption['status'];
  readonly channel: Redemption['channel'];
  /** UTC, and as the centre's clock read it (for the printed line). */
  readonly redeemedAt: string;
  readonly redeemedAtLocal: string;
  readonly timeZone: string;
  readonly location?: string;
  readonly servedBy?: string;
  /** The member as a slip may show them: card and phone masked but for their last four digits. */
  readonly member: { readonly memberId: string; readonly card?: string; readonly phone?: string };
  readonly lines: readonly SlipLine[];
  readonly totalPoints: number;
  readonly availableAfter: number;
  readonly voucherCodes?: readonly string[];
  readonly parking?: { readonly plate: string; readonly hours: number; readonly day: string };
  readonly cancellableUntil?: string;
  readonly reservation?: { readonly expiresAt?: string; readonly collectedAt?: string; readonly collectedBy?: string };
  readonly cancellation?: { readonly at: string; readonly reason: string; readonly staffId?: string };
}

const TITLES: Readonly<Record<Redemption['rewardKind'], string>> = {
  gift: '積分換禮 Points redemption',
  voucher: '積分換禮 Voucher redemption',
  parking: '停車優惠 Parking redemption',
};

export function slipOf(redemption: Redemption, account: PointsAccount | undefined, timeZone: string, cancellableUntil?: Date): RedemptionSlip {
  const { parking, cancellation } = redemption;
  const card = account?.cardNumbers.at(-1);
  return {
    title: TITLES[redemption.rewardKind],
    code: redemption.code,
    status: redemption.status,
    channel: redemption.channel,
    redeemedAt: redemption.createdAt.toISOString(),
    redeemedAtLocal: localTimeText(redemption.createdAt, timeZone),
    timeZone,
    ...(redemption.location ? { location: redemption.location } : {}),
    ...(redemption.staffId ? { servedBy: redemption.staffId } : {}),
    member: {
      memberId: redemption.memberId,
      ...(card ? { card: `${'*'.repeat(Math.max(card.length - 4, 0))}${card.slice(-4)}` } : {}),
      ...(account?.phone ? { phone: maskPhone(account.phone) } : {}),
    },
    lines: [
      {
        description: parking ? `${redemption.rewardName} · ${parking.plate} · ${parking.hours} h` : redemption.rewardName,
        quantity: parking ? parking.hours : redemption.quantity,
        pointsEach: redemption.pointsPrice,
        points: redemption.points,
      },
    ],
    totalPoints: redemption.points,
    availableAfter: redemption.availableAfter,
    ...(redemption.voucherCodes ? { voucherCodes: redemption.voucherCodes } : {}),
    ...(parking ? { parking: { plate: parking.plate, hours: parking.hours, day: parking.day } } : {}),
    ...(cancellableUntil ? { cancellableUntil: cancellableUntil.toISOString() } : {}),
    ...(redemption.channel === 'online'
      ? {
          reservation: {
            ...(redemption.expiresAt ? { expiresAt: redemption.expiresAt.toISOString() } : {}),
            ...(redemption.collectedAt ? { collectedAt: redemption.collectedAt.toISOString() } : {}),
            ...(redemption.collectedBy ? { collectedBy: redemption.collectedBy } : {}),
          },
        }
      : {}),
    ...(cancellation ? { cancellation: { at: cancellation.at.toISOString(), reason: cancellation.reason, ...(cancellation.staffId ? { staffId: cancellation.staffId } : {}) } } : {}),
  };
}

/** "2026-11-27 14:05" on the centre's clock. */
export function localTimeText(at: Date, timeZone: string): string {
  const parts: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(at)) {
    parts[part.type] = part.value;
  }
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
