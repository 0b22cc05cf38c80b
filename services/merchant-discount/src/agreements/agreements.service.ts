import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FieldProblem } from '@atrium/errors';
import { pageFrom, type Page, type PageRequest } from '@atrium/paging';
import type { StaffActor } from '@atrium/staff-identity';
import { TenantNotFoundError } from '../tenants/tenant.errors';
import { TenantsService } from '../tenants/tenants.service';
import type { AgreementTerms, CalendarDay, Offer } from './agreement.entity';
import { AgreementNotFoundError, AgreementTermsInvalidError, AgreementTransitionError, OverlappingOfferError, unknownTenantProblem } from './agreement.errors';
import { checkMayTerminate, nextStatus, type AgreementAction } from './agreement-lifecycle';
import { agreementStatus, latestVersion, offerIdsOf, offersInForce, versionInForce, type Agreement, type AgreementVersion, type VersionStatus } from './agreement.record';
import { AgreementSettings } from './agreement-settings';
import { termsProblems } from './agreement-terms-rules';
import { AgreementsRepository, type AgreementFilter } from './agreements.repository';
import { centreDay } from './centre-day';
import { overlappingOffers } from './offer-overlap';

/** An offer as a client sends it: without offerId it is new and gets one. */
export type OfferInput = Omit<Offer, 'offerId'> & { readonly offerId?: string };

/** The terms a client writes into a draft (the tenant is the agreement's and never changes). */
export interface TermsInput {
  readonly title: string;
  readonly validFrom: CalendarDay;
  readonly validUntil: CalendarDay;
  readonly offers: readonly OfferInput[];
}

export interface NewAgreement extends TermsInput {
  readonly tenantId: string;
}

export interface SignOffInput {
  readonly signatoryName: string;
  readonly signatoryRole: string;
  readonly signedOn: CalendarDay;
  readonly documentReference: string;
  readonly documentSha256: string;
}

@Injectable()
export class AgreementsService {
  constructor(
    private readonly agreements: AgreementsRepository,
    private readonly tenants: TenantsService,
    private readonly settings: AgreementSettings,
  ) {}

  /** Today in the centre's time zone. */
  today(): CalendarDay {
    return centreDay(this.settings.timeZone, new Date());
  }

  /** A new agreement whose version 1 is a draft by the caller; nothing is stored when a rule fails. */
  async create(input: NewAgreement, actor: StaffActor): Promise<Agreement> {
    nextStatus({ status: 'draft', author: actor.staffId }, 'edit', actor);
    const { terms, problems } = this.termsOf(input.tenantId, input, new Set());
    if (!(await this.tenantKnown(input.tenantId))) problems.unshift(unknownTenantProblem(input.tenantId));
    if (problems.length > 0) throw new AgreementTermsInvalidError(problems);
    const now = new Date();
    const agreement: Agreement = {
      id: randomUUID(),
      tenantId: input.tenantId,
      versions: [{ number: 1, terms, status: 'draft', author: actor.staffId, createdAt: now, updatedAt: now }],
      createdAt: now,
      updatedAt: now,
    };
    await this.agreements.insert(agreement);
    return agreement;
  }

  /**
   * Writes the terms of the draft version, or, when the latest version is approved or signed,
   * starts an amendment: a new draft version (its diff against the version in force is shown
   * with it). The caller becomes the version's author.
   */
  async editDraft(id: string, input: TermsInput, actor: StaffActor): Promise<Agreement> {
    return this.agreements.change(id, (agreement) => {
      this.checkNotTerminated(agreement, 'edited');
      const latest = latestVersion(agreement);
      const amends = latest.status === 'approved' || latest.status === 'signed';
      nextStatus(amends ? { status: 'draft', author: latest.author } : latest, 'edit', actor);
      const { terms, problems } = this.termsOf(agreement.tenantId, input, offerIdsOf(agreement));
      if (problems.length > 0) throw new AgreementTermsInvalidError(problems);
      const now = new Date();
      const draft: AgreementVersion = amends
        ? { number: latest.number + 1, terms, status: 'draft', author: actor.staffId, createdAt: now, updatedAt: now }
        : { ...latest, terms, author: actor.staffId, updatedAt: now };
      return withLatest(agreement, draft, amends, now);
    });
  }

  /** submit, approve or return the latest version; submit and approve (and sign) check offers against those in force. */
  async act(id: string, action: Exclude<AgreementAction, 'edit' | 'sign'>, actor: StaffActor, comment?: string): Promise<Agreement> {
    return this.agreements.change(id, async (agreement) => {
      this.checkNotTerminated(agreement, action === 'return' ? 'returned' : `${action}d`);
      const latest = latestVersion(agreement);
      const status = versionStatusAfter(latest, action, actor);
      if (action !== 'return') await this.checkNoOverlap(agreement, latest.terms);
      const now = new Date();
      const { returnComment: _previous, ...rest } = latest;
      const version: AgreementVersion = {
        ...(action === 'return' ? rest : latest),
        status,
        ...(action === 'approve' ? { approver: actor.staffId } : {}),
        ...(action === 'return' && comment ? { returnComment: comment } : {}),
        updatedAt: now,
      };
      return withLatest(agreement, version, false, now);
    });
  }

  /** Records the tenant's sign-off of the approved latest version, which comes into force. */
  async sign(id: string, signOff: SignOffInput, actor: StaffActor): Promise<Agreement> {
    return this.agreements.change(id, async (agreement) => {
      this.checkNotTerminated(agreement, 'signed off by the tenant');
      const latest = latestVersion(agreement);
      const status = versionStatusAfter(latest, 'sign', actor);
      // Two overlapping versions may both be approved while neither is in force: the second to be signed is refused.
      await this.checkNoOverlap(agreement, latest.terms);
      const now = new Date();
      const version: AgreementVersion = {
        ...latest,
        status,
        signOff: { ...signOff, documentSha256: signOff.documentSha256.toLowerCase(), recordedBy: actor.staffId, recordedAt: now.toISOString() },
        updatedAt: now,
      };
      return withLatest(agreement, version, false, now);
    });
  }

  /** Ends an agreement in force early: its offers hold to lastDay (or validUntil, when earlier). */
  async terminate(id: string, reason: string, lastDay: CalendarDay, actor: StaffActor): Promise<Agreement> {
    return this.agreements.change(id, (agreement) => {
      checkMayTerminate(actor, versionInForce(agreement) !== undefined && !agreement.termination, agreementStatus(agreement));
      const now = new Date();
      return { ...agreement, termination: { reason, lastDay, by: actor.staffId, at: now.toISOString() }, updatedAt: now };
    });
  }

  async get(id: string): Promise<Agreement> {
    const agreement = await this.agreements.findById(id);
    if (!agreement) throw new AgreementNotFoundError(id);
    return agreement;
  }

  async list(filter: AgreementFilter, page: PageRequest): Promise<Page<Agreement>> {
    return pageFrom(await this.agreements.list(filter, { ...page, limit: page.limit + 1 }), page);
  }

  private termsOf(tenantId: string, input: TermsInput, knownOfferIds: ReadonlySet<string>): { terms: AgreementTerms; problems: FieldProblem[] } {
    const problems: FieldProblem[] = [];
    const offers = input.offers.map((offer, index): Offer => {
      if (offer.offerId === undefined) return { ...offer, offerId: randomUUID() };
      if (!knownOfferIds.has(offer.offerId)) problems.push({ field: `offers.${index}.offerId`, message: 'is not an offer of this agreement (leave it out for a new offer)' });
      return { ...offer, offerId: offer.offerId };
    });
    const terms: AgreementTerms = { tenantId, title: input.title.trim(), validFrom: input.validFrom, validUntil: input.validUntil, offers };
    return { terms, problems: [...problems, ...termsProblems(terms, this.settings.tierCodes)] };
  }

  private async tenantKnown(tenantId: string): Promise<boolean> {
    try {
      await this.tenants.get(tenantId);
      return true;
    } catch (error) {
      if (error instanceof TenantNotFoundError) return false;
      throw error;
    }
  }

  private async checkNoOverlap(agreement: Agreement, terms: AgreementTerms): Promise<void> {
    const inForce = (await this.agreements.inForceOfTenant(agreement.tenantId)).flatMap(offersInForce);
    const problems = overlappingOffers({ agreementId: agreement.id, terms }, inForce);
    if (problems.length > 0) throw new OverlappingOfferError(problems, { agreementId: agreement.id });
  }

  private checkNotTerminated(agreement: Agreement, words: string): void {
    if (agreement.termination) throw new AgreementTransitionError(words, 'terminated', ['draft', 'submitted', 'approved']);
  }
}

/** The agreement with its latest version replaced, or a new version added after it. */
function withLatest(agreement: Agreement, version: AgreementVersion, added: boolean, now: Date): Agreement {
  const versions = added ? [...agreement.versions, version] : [...agreement.versions.slice(0, -1), version];
  return { ...agreement, versions, updatedAt: now };
}

/** nextStatus for a version: no action on a version terminates it (termination is the agreement's). */
function versionStatusAfter(version: AgreementVersion, action: AgreementAction, actor: StaffActor): VersionStatus {
  return nextStatus(version, action, actor) as VersionStatus;
}
