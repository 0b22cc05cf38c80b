import type { AgreementStatus, AgreementState, AgreementTerms, AgreementTermination, CalendarDay, TenantSignOff } from './agreement.entity';
import { agreementStateOn } from './agreement-lifecycle';
import { termsDiff } from './agreement-diff';
import type { OfferInForce } from './offer-overlap';
import type { PlainChange } from './plain-diff';

export type VersionStatus = Exclude<AgreementStatus, 'terminated'>;

/** One version of an agreement's terms and where it stands in its approval. */
export interface AgreementVersion {
  /** 1, 2, ... in the order the versions were started. */
  readonly number: number;
  readonly terms: AgreementTerms;
  readonly status: VersionStatus;
  /** Who last wrote the terms: they may not approve or return this version. */
  readonly author: string;
  readonly approver?: string;
  /** Why a supervisor returned it to its author, the last time they did. */
  readonly returnComment?: string;
  readonly signOff?: TenantSignOff;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A discount agreement with one tenant: every version it has had, and its end if terminated. */
export interface Agreement {
  readonly id: string;
  readonly tenantId: string;
  readonly versions: readonly AgreementVersion[];
  readonly termination?: AgreementTermination;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export function latestVersion(agreement: Agreement): AgreementVersion {
  return agreement.versions[agreement.versions.length - 1];
}

/** The version in force: the latest signed one. */
export function versionInForce(agreement: Agreement): AgreementVersion | undefined {
  return [...agreement.versions].reverse().find((version) => version.status === 'signed');
}

/** The agreement's stored status: terminated, else signed once a version is in force, else its latest version's. */
export function agreementStatus(agreement: Agreement): AgreementStatus {
  if (agreement.termination) return 'terminated';
  return versionInForce(agreement) ? 'signed' : latestVersion(agreement).status;
}

/** The days the version in force holds (to the termination's last day when earlier); none before signing. */
export function daysInForce(agreement: Agreement): { readonly validFrom: CalendarDay; readonly lastDay: CalendarDay } | undefined {
  const inForce = versionInForce(agreement);
  if (!inForce) return undefined;
  const { validFrom, validUntil } = inForce.terms;
  const lastDay = agreement.termination && agreement.termination.lastDay < validUntil ? agreement.termination.lastDay : validUntil;
  return { validFrom, lastDay };
}

/** What the agreement is on a day: the version in force read against the day, else the latest version's status. */
export function agreementStateOnDay(agreement: Agreement, day: CalendarDay): AgreementState {
  const terms = (versionInForce(agreement) ?? latestVersion(agreement)).terms;
  return agreementStateOn({ status: agreementStatus(agreement), validFrom: terms.validFrom, validUntil: terms.validUntil, ...(agreement.termination ? { termination: agreement.termination } : {}) }, day);
}

/**
 * What a version changes for its approver: against the version in force before it, or the
 * version before it when none was signed yet; nothing for the first version.
 */
export function versionDiff(agreement: Agreement, version: AgreementVersion): PlainChange[] | undefined {
  const earlier = agreement.versions.filter((other) => other.number < version.number);
  const base = [...earlier].reverse().find((other) => other.status === 'signed') ?? earlier[earlier.length - 1];
  return base ? termsDiff(base.terms, version.terms) : undefined;
}

/** The offers of the version in force, with the days they hold, as the overlap rule reads them. */
export function offersInForce(agreement: Agreement): OfferInForce[] {
  const days = daysInForce(agreement);
  const inForce = versionInForce(agreement);
  if (!days || !inForce || days.lastDay < days.validFrom) return [];
  return inForce.terms.offers.map((offer) => ({ agreementId: agreement.id, tenantId: agreement.tenantId, validFrom: days.validFrom, lastDay: days.lastDay, offer }));
}

/** The offer ids any version of the agreement has used: a client editing terms may keep only these. */
export function offerIdsOf(agreement: Agreement): Set<string> {
  return new Set(agreement.versions.flatMap((version) => version.terms.offers.map((offer) => offer.offerId)));
}
