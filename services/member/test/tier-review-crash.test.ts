import { Kafka } from 'kafkajs';
import { TOPICS } from '@atrium/contracts';
import { infraEnv, TopicRecorder, waitFor, testPort } from '@atrium/testing';
import { MemberServiceUnderTest, uniqueMobile, type TestStaff } from './support/member-service';
import { payloadOf } from './support/points-events';

interface RunAnswer {
  id: string;
  year: number;
  status: string;
  total: number;
  processed: number;
  downgraded: number;
  kept: number;
  alreadyReviewed: number;
  closed: number;
}

/** Members in the review: enough that it is still running when the process is killed. */
const MEMBERS = 40;

/**
 * The yearly review survives its process being killed (SIGKILL, nothing flushed): BullMQ hands
 * the job to the restarted process once the dead worker's claim expires (JOB_LOCK_SECONDS),
 * the run resumes after the last member it saved, and every member ends reviewed exactly once.
 */
describe('a yearly tier review killed mid-run', () => {
  const service = new MemberServiceUnderTest(testPort(13284));
  const supervisor: TestStaff = { id: 'sup-review-crash', roles: ['supervisor'] };
  const env = { JOB_LOCK_SECONDS: '3' };
  let memberEvents: TopicRecorder;

  beforeAll(async () => {
    await service.start(env);
    memberEvents = await new TopicRecorder(new Kafka({ clientId: 'member-review-crash-test', brokers: infraEnv().kafkaBrokers, logLevel: 1 }), [TOPICS.memberEvents.name]).start(false);
  }, 120_000);

  afterAll(async () => {
    await memberEvents?.stop();
    await service.stop();
  });

  it('resumes after the restart and reviews each member once', async () => {
    // Gold members with no spend: the review takes each down to silver.
    const csv = ['phone,name,tier', ...Array.from({ length: MEMBERS }, (_, index) => `${uniqueMobile()},Review ${service.run} ${String(index).padStart(3, '0')},gold`)].join('\n');
    const upload = await service.send<{ id: string }>('POST', '/imports', csv, 'text/csv', supervisor);
    expect(upload.status).toBe(202);
    await waitFor('the import to complete', async () => {
      const answer = (await service.call<{ status: string; created: number }>('GET', `/imports/${upload.body.id}`)).body;
      return answer.status === 'completed' ? answer : undefined;
    }, 120_000);

    const started = await service.call<RunAnswer>('POST', '/tier-reviews', { body: { asOf: new Date().toISOString() }, staff: supervisor });
    expect(started.status).toBe(202);
    const runUrl = `/tier-reviews/${started.body.id}`;
    const midway = await waitFor('the review to be under way', async () => {
      const run = (await service.call<RunAnswer>('GET', runUrl)).body;
      return run.status === 'running' && run.processed > 0 ? run : undefined;
    }, 60_000, 20);
    await service.kill();
    expect(midway.processed).toBeLessThan(MEMBERS);

    await service.start(env);
    const done = await waitFor('the resumed review to complete', async () => {
      const run = (await service.call<RunAnswer>('GET', runUrl)).body;
      return run.status === 'completed' ? run : undefined;
    }, 120_000, 250);
    expect(done).toMatchObject({ total: MEMBERS, processed: MEMBERS, downgraded: MEMBERS, kept: 0, alreadyReviewed: 0, closed: 0 });

    const members: { id: string }[] = [];
    for (let offset = 0; offset < MEMBERS; offset += 100) {
      const page = await service.call<{ items: { id: string }[] }>('GET', `/members?name=${encodeURIComponent(`Review ${service.run}`)}&limit=100&offset=${offset}`);
      members.push(...page.body.items);
    }
    expect(members).toHaveLength(MEMBERS);
    for (const member of members) {
      const tier = (await service.call<{ tier: { code: string }; reviews: { runId: string }[]; history: { reason: string }[] }>('GET', `/members/${member.id}/tier`)).body;
      expect({ id: member.id, tier: tier.tier.code, reviews: tier.reviews.map((review) => review.runId), downgrades: tier.history.filter((change) => change.reason === 'yearly-review').length }).toEqual({
        id: member.id,
        tier: 'silver',
        reviews: [started.body.id],
        downgrades: 1,
      });
    }

    // One member.tier-changed per member for the review (the relay may publish a copy after a crash: same event id).
    const reviewEvents = await waitFor('every review event', () => {
      const events = memberEvents.messages.map((message) => payloadOf<{ memberId: string; reason: string; reviewRunId?: string }>(message.value)).filter((event) => event.type === 'member.tier-changed' && event.payload.reviewRunId === started.body.id);
      return Promise.resolve(new Set(events.map((event) => event.payload.memberId)).size >= MEMBERS ? events : undefined);
    }, 120_000);
    const eventIdsByMember = new Map<string, Set<string>>();
    for (const event of reviewEvents) eventIdsByMember.set(event.payload.memberId, (eventIdsByMember.get(event.payload.memberId) ?? new Set()).add(event.eventId));
    expect([...eventIdsByMember.values()].filter((ids) => ids.size !== 1)).toEqual([]);
  }, 420_000);
});
