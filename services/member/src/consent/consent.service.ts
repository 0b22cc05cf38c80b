import { Inject, Injectable } from '@nestjs/common';
import { timestampDate, type Timestamp } from '@bufbuild/protobuf/wkt';
import { LOGGER, type Logger } from '@atrium/observability';
import { auditEntryOf } from '../audit/audit-entries';
import { auditChange } from '../audit/audit-masking';
import type { ConsentChannel, ConsentRecord, Member } from '../members/member.entity';
import { MemberNotFoundError } from '../members/member.errors';
import { MemberEvents } from '../members/member-events';
import { MembersRepository, type MemberChange, type MemberRecord } from '../members/members.repository';
import type { StaffActor } from '@atrium/staff-identity';
import { acrossMergedRecords, type FromRecord } from '../merge/merged-histories';
import { changesConsent, checkConsentInput } from './consent-rules';

/** A decision a merge copied onto the survivor and the one it copied: same time, same answer. */
const sameDecision = (copy: ConsentRecord, original: ConsentRecord): boolean => copy.at.getTime() === original.at.getTime() && copy.granted === original.granted;

/** What the SMS service reports about a shopper's keyword reply (opt-out or opt-in). */
export interface SmsKeywordReply {
  readonly memberId: string;
  readonly phone: string;
  readonly keyword: string;
  readonly receivedAt?: Timestamp;
  readonly messageSid: string;
}

@Injectable()
export class ConsentService {
  private readonly log: Logger;

  constructor(
    private readonly members: MembersRepository,
    private readonly events: MemberEvents,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'consent' });
  }

  /**
   * The member's consent and its history, newest first, with the decisions of the records merged
   * into it (marked `fromMemberId`): the desk sees one person. A decision a merge handed to the
   * member shows once.
   */
  async history(memberId: string): Promise<{ current?: ConsentRecord; history: FromRecord<ConsentRecord>[] }> {
    const found = await this.members.findConsentHistory(memberId);
    if (!found) throw new MemberNotFoundError(memberId);
    const mergedIn = found.mergedFrom.length > 0 ? await this.members.findConsentHistories(found.mergedFrom) : new Map<string, ConsentRecord[]>();
    const history = acrossMergedRecords(found.history, mergedIn, (record) => record.at, sameDecision);
    return { ...(found.current ? { current: found.current } : {}), history };
  }

  /**
   * Staff record a member's consent. A record that changes nothing (a second withdrawal, a
   * grant under the same wording) is not added; the member's consent is answered either way.
   */
  async record(memberId: string, input: { granted: boolean; channel: ConsentChannel; wordingVersion?: string }, actor: StaffActor): Promise<Member> {
    checkConsentInput(input.granted, input.channel, input.wordingVersion);
    const record: ConsentRecord = {
      granted: input.granted,
      channel: input.channel,
      ...(input.wordingVersion?.trim() ? { wordingVersion: input.wordingVersion.trim() } : {}),
      at: new Date(),
      recordedBy: actor.staffId,
    };
    return this.members.change(memberId, (current) => this.apply(current, record, actor));
  }

  /**
   * A shopper's keyword reply from the SMS service. The member is found by id when the SMS
   * service knew it (a merged record's reply goes to the member it was merged into; an erased
   * member's to nobody), else by phone; a phone no member has is logged and acknowledged (the
   * reply is not an error, and a retry would not find a member either). The same inbound
   * message (its SID) changes consent once, however often it is delivered.
   */
  async fromSmsReply(reply: SmsKeywordReply, granted: boolean): Promise<void> {
    // By id the record may be merged (its member takes the reply) or erased (nobody does).
    const byId = reply.memberId ? await this.members.findById(reply.memberId) : undefined;
    const member = byId ? await this.members.resolveLive(byId) : await this.members.findByPhone(reply.phone);
    if (!member) {
      this.log.info({ phone: reply.phone, messageSid: reply.messageSid, granted }, 'SMS consent reply from a phone no member has; acknowledged');
      return;
    }
    const record: ConsentRecord = {
      granted,
      channel: 'sms-reply',
      at: reply.receivedAt ? timestampDate(reply.receivedAt) : new Date(),
      messageSid: reply.messageSid,
      keyword: reply.keyword,
    };
    await this.members.change(member.id, (current) =>
      current.consentHistory.some((earlier) => earlier.messageSid === reply.messageSid) ? undefined : this.apply(current, record),
    );
  }

  private apply({ member, consentHistory }: MemberRecord, record: ConsentRecord, actor?: StaffActor): MemberChange | undefined {
    if (!changesConsent(member.consent ?? consentHistory.at(-1), record)) return undefined;
    const next: Member = { ...member, consent: record };
    const audit = actor
      ? auditEntryOf(
          actor,
          'consent.changed',
          [
            auditChange('granted', member.consent?.granted, record.granted),
            auditChange('channel', member.consent?.channel, record.channel),
            auditChange('wordingVersion', member.consent?.wordingVersion, record.wordingVersion),
          ],
          record.at,
        )
      : undefined;
    return { member: next, consentRecord: record, ...(audit ? { audit } : {}), events: [this.events.consentChanged(next, record)] };
  }
}
