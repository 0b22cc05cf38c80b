import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { AGREEMENT_STATUSES, type AgreementState, type AgreementTerms, type CalendarDay } from '../agreement.entity';
import { agreementStateOnDay, agreementStatus, versionDiff, versionInForce, type Agreement, type AgreementVersion } from '../agreement.record';
import { OfferDto } from './offer.dto';

const AGREEMENT_STATES: readonly AgreementState[] = ['draft', 'submitted', 'approved', 'signed-not-yet-valid', 'active', 'expired', 'terminated'];

/** A value of the terms before or after a change: a text, a number, a list or a whole offer. */
const CHANGE_VALUE: ApiPropertyOptions = {
  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: {} }, { type: 'object' }],
};

export class TermsChangeResponse {
  @ApiProperty({ example: 'offers.4f1c….benefit.percentOff', description: 'Dotted path; offers by offer id' })
  path: string;

  @ApiProperty({ enum: ['added', 'removed', 'changed'] })
  change: string;

  @ApiPropertyOptional(CHANGE_VALUE)
  before?: unknown;

  @ApiPropertyOptional(CHANGE_VALUE)
  after?: unknown;
}

export class AgreementTermsResponse {
  @ApiProperty()
  tenantId: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ example: '2027-01-01' })
  validFrom: string;

  @ApiProperty({ example: '2027-12-31' })
  validUntil: string;

  @ApiProperty({ type: [OfferDto], description: 'Each with its offerId' })
  offers: OfferDto[];
}

export class SignOffResponse {
  @ApiProperty()
  signatoryName: string;

  @ApiProperty()
  signatoryRole: string;

  @ApiProperty({ example: '2027-01-05' })
  signedOn: string;

  @ApiProperty()
  documentReference: string;

  @ApiProperty({ description: 'Lowercase hex' })
  documentSha256: string;

  @ApiProperty({ description: 'Staff username' })
  recordedBy: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}

export class AgreementVersionResponse {
  @ApiProperty({ description: '1, 2, ...' })
  version: number;

  @ApiProperty({ enum: ['draft', 'submitted', 'approved', 'signed'] })
  status: string;

  @ApiProperty({ type: AgreementTermsResponse })
  terms: AgreementTermsResponse;

  @ApiProperty({ description: 'Who last wrote the terms (may not approve them)' })
  author: string;

  @ApiPropertyOptional()
  approver?: string;

  @ApiPropertyOptional({ description: 'Why it was last returned to its author' })
  returnComment?: string;

  @ApiPropertyOptional({ type: SignOffResponse })
  signOff?: SignOffResponse;

  @ApiPropertyOptional({ type: [TermsChangeResponse], description: 'From version 2: what it changes against the version in force before it (or the version before it when none was signed)' })
  diff?: TermsChangeResponse[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class TerminationResponse {
  @ApiProperty()
  reason: string;

  @ApiProperty({ example: '2027-06-30' })
  lastDay: string;

  @ApiProperty()
  by: string;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class AgreementResponse {
  @ApiProperty({ format: 'uuid' })
  agreementId: string;

  @ApiProperty()
  tenantId: string;

  @ApiProperty({ enum: AGREEMENT_STATUSES, description: 'Stored: signed once a version is in force, terminated once ended' })
  status: string;

  @ApiProperty({ enum: AGREEMENT_STATES, description: 'What it is on stateOn: a signed agreement is active within its validity, expired after' })
  state: string;

  @ApiProperty({ example: '2027-03-01' })
  stateOn: string;

  @ApiPropertyOptional({ description: 'The version in force (the latest signed one)' })
  versionInForce?: number;

  @ApiProperty({ type: [AgreementVersionResponse] })
  versions: AgreementVersionResponse[];

  @ApiPropertyOptional({ type: TerminationResponse })
  termination?: TerminationResponse;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  static of(agreement: Agreement, day: CalendarDay): AgreementResponse {
    const inForce = versionInForce(agreement);
    return {
      agreementId: agreement.id,
      tenantId: agreement.tenantId,
      status: agreementStatus(agreement),
      state: agreementStateOnDay(agreement, day),
      stateOn: day,
      ...(inForce ? { versionInForce: inForce.number } : {}),
      versions: agreement.versions.map((version) => versionOf(agreement, version)),
      ...(agreement.termination ? { termination: { ...agreement.termination } } : {}),
      createdAt: agreement.createdAt.toISOString(),
      updatedAt: agreement.updatedAt.toISOString(),
    };
  }
}

function versionOf(agreement: Agreement, version: AgreementVersion): AgreementVersionResponse {
  const diff = versionDiff(agreement, version);
  return {
    version: version.number,
    status: version.status,
    terms: termsOf(version.terms),
    author: version.author,
    ...(version.approver ? { approver: version.approver } : {}),
    ...(version.returnComment ? { returnComment: version.returnComment } : {}),
    ...(version.signOff ? { signOff: { ...version.signOff } } : {}),
    ...(diff ? { diff: diff.map((change) => ({ ...change })) } : {}),
    createdAt: version.createdAt.toISOString(),
    updatedAt: version.updatedAt.toISOString(),
  };
}

function termsOf(terms: AgreementTerms): AgreementTermsResponse {
  return { ...terms, offers: terms.offers.map((offer) => JSON.parse(JSON.stringify(offer)) as OfferDto) };
}

export class AgreementPageResponse {
  @ApiProperty({ type: [AgreementResponse] })
  items: AgreementResponse[];

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;

  @ApiProperty({ description: 'Whether a next page has anything' })
  hasMore: boolean;
}
