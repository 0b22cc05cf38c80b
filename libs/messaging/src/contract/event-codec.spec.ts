import { MemberRegisteredSchema, PointsAccountOpenedSchema, RegistrationChannel, TOPICS } from '@atrium/contracts';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { ContractViolationError } from './contract-violation.error';
import { EventCodec } from './event-codec';

const codec = new EventCodec(Object.values(TOPICS));
const memberId = '0b6f2c1e-8f4d-4a55-9a8e-0d6f1b2c3d4e';
const metadata = {
  eventId: '7d1f2c3e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  key: memberId,
  occurredAt: new Date('2026-11-27T04:00:00Z'),
  producer: 'member',
  traceId: 'trace-1',
};
const registered = {
  memberId,
  phone: '+8613800138000',
  name: '陳大文',
  channel: RegistrationChannel.DESK,
  registeredAt: timestampFromDate(new Date('2026-11-27T04:00:00Z')),
};

function violationOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof ContractViolationError) return error.message;
    throw error;
  }
  throw new Error('expected a contract violation');
}

describe('EventCodec', () => {
  it('round-trips an event through canonical JSON', () => {
    const value = codec.encode(TOPICS.memberEvents, 'member.registered', MemberRegisteredSchema, registered, metadata);
    const json = JSON.parse(value) as Record<string, unknown>;
    expect(json).toMatchObject({
      eventId: metadata.eventId,
      type: 'member.registered',
      occurredAt: '2026-11-27T04:00:00Z',
      schemaVersion: 1,
      payload: { '@type': 'type.googleapis.com/atrium.member.v1.MemberRegistered', phone: '+8613800138000', channel: 'REGISTRATION_CHANNEL_DESK' },
    });
    const decoded = codec.decode(TOPICS.memberEvents, Buffer.from(value));
    expect(decoded).toMatchObject({ eventId: metadata.eventId, type: 'member.registered', key: memberId, producer: 'member' });
    expect(decoded.occurredAt.toISOString()).toBe('2026-11-27T04:00:00.000Z');
    expect(decoded.payload).toMatchObject({ memberId, name: '陳大文', channel: RegistrationChannel.DESK });
  });

  it('refuses to publish a payload that breaks the rules in proto/', () => {
    const message = violationOf(() =>
      codec.encode(TOPICS.memberEvents, 'member.registered', MemberRegisteredSchema, { ...registered, memberId: '', phone: '138' }, metadata),
    );
    expect(message).toContain('payload.memberId is required');
    expect(message).toContain('payload.phone must be a phone number in E.164');
  });

  it('refuses an event type the topic does not carry', () => {
    expect(
      violationOf(() => codec.encode(TOPICS.memberEvents, 'points.account-opened', PointsAccountOpenedSchema, { memberId }, metadata)),
    ).toContain('not registered on topic atrium.member.events.v1');
  });

  it.each([
    ['a value that is not JSON', '{oops', 'not JSON'],
    ['an envelope with an unknown field', JSON.stringify({ eventId: metadata.eventId, surprise: 1 }), 'envelope contract'],
    ['an envelope without its type', JSON.stringify({ eventId: metadata.eventId }), 'type is required'],
  ])('rejects %s on the way in', (_case, value, reason) => {
    expect(violationOf(() => codec.decode(TOPICS.memberEvents, Buffer.from(value)))).toContain(reason);
  });

  it('rejects a payload whose schema does not match the declared type', () => {
    const value = codec.encode(TOPICS.memberEvents, 'member.registered', MemberRegisteredSchema, registered, metadata);
    const tampered = value.replace('atrium.member.v1.MemberRegistered', 'atrium.points.v1.PointsAccountOpened').replace(/"phone":"[^"]+",/, '').replace(/"name":"[^"]+",/, '').replace(/"channel":"[^"]+",/, '').replace(/,"registeredAt":"[^"]+"/, '');
    expect(violationOf(() => codec.decode(TOPICS.memberEvents, tampered))).toContain('must be a atrium.member.v1.MemberRegistered');
  });
});
