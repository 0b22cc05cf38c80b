import { Injectable } from '@nestjs/common';
import { normalizeCardNumber } from '../cards/card-number';
import type { Member } from '../members/member.entity';
import { MemberSettings } from '../members/member-settings';
import { MembersRepository } from '../members/members.repository';
import { normalizePhone } from '../members/phone-number';
import { pageFrom, type Page, type PageRequest } from '@atrium/paging';
import { nameSearchKey } from '../profile/name-search-key';
import { LookupCriterionError, NameKeyEmptyError } from './lookup.errors';

export interface LookupCriteria {
  readonly phone?: string;
  readonly card?: string;
  readonly name?: string;
}

/** A look-up by card: the card typed and the record that has it (a merged duplicate's card finds the member it was merged into). */
export interface MatchedCard {
  readonly number: string;
  readonly holder: Member;
}

/** A look-up's members, and (by card) the card that found them. */
export interface LookupResult extends Page<Member> {
  readonly matchedCard?: MatchedCard;
}

/**
 * The desk's look-up: by phone or card (one member at most), or a page of members by name
 * prefix. Only active members are found: a merged record's phone and cards find the member it
 * was merged into; an erased member is found by nothing.
 */
@Injectable()
export class LookupService {
  constructor(
    private readonly members: MembersRepository,
    private readonly settings: MemberSettings,
  ) {}

  async find(criteria: LookupCriteria, page: PageRequest): Promise<LookupResult> {
    const given = (['phone', 'card', 'name'] as const).filter((field) => criteria[field] !== undefined);
    if (given.length !== 1) throw new LookupCriterionError(given);
    if (criteria.phone !== undefined) {
      const member = await this.members.findByPhone(normalizePhone(criteria.phone, this.settings.defaultRegion));
      return pageFrom(page.offset === 0 && member ? [member] : [], page);
    }
    if (criteria.card !== undefined) {
      const card = normalizeCardNumber(criteria.card, 'card');
      const holder = await this.members.findCardHolder(card);
      const member = holder ? await this.members.resolveLive(holder) : undefined;
      return { ...pageFrom(page.offset === 0 && member ? [member] : [], page), ...(holder ? { matchedCard: { number: card, holder } } : {}) };
    }
    const key = nameSearchKey(criteria.name ?? '');
    if (!key) throw new NameKeyEmptyError();
    return pageFrom(await this.members.findByNameKeyPrefix(key, { limit: page.limit + 1, offset: page.offset }), page);
  }
}
