// Segments through the service's HTTP API on the real FerretDB: a live count and a sample
// before saving, rules validated with the path at fault named, saved segments counted now,
// and a segment a campaign still uses cannot be deleted.
import { CampaignSideApp, putMember, SPECIALIST, SUPERVISOR, type Problem, type TestMember } from './support/campaign-side';

interface SegmentView {
  id: string;
  name: string;
  description?: string;
  rule: unknown;
  createdBy: string;
  updatedBy: string;
  usedBy: string[];
  count?: number;
}

interface PreviewView {
  count: number;
  sample: { memberId: string; phoneMasked: string; language: string; tags: string[]; marketingConsent: boolean }[];
}

describe('segments', () => {
  const service = new CampaignSideApp();
  let tag: string;
  let members: TestMember[];

  beforeAll(async () => {
    await service.start();
    // A tag of this run's own: the run's database holds only these members anyway.
    tag = `vip-${service.run}`;
    members = [
      await putMember(service.profiles, { tags: [tag], language: 'zh-Hant', consent: true }),
      await putMember(service.profiles, { tags: [tag, 'staff'], language: 'en', consent: true }),
      await putMember(service.profiles, { tags: [tag], language: 'en', consent: false }),
      await putMember(service.profiles, { tags: [], language: 'en', consent: true }),
    ];
  }, 60_000);

  afterAll(async () => {
    await service.stop();
  });

  it('previews a rule: the live count and a sample with masked phones, nothing saved', async () => {
    const preview = await service.expect<PreviewView>(200, 'POST', '/segments/preview', {
      body: { rule: { all: [{ hasTag: tag }, { consent: 'granted' }] }, sampleSize: 5 },
    });
    expect(preview.count).toBe(2);
    expect(preview.sample.map((member) => member.memberId).sort()).toEqual([members[0].memberId, members[1].memberId].sort());
    for (const sampled of preview.sample) {
      const member = members.find((candidate) => candidate.memberId === sampled.memberId)!;
      expect(sampled.phoneMasked).toMatch(/^\+85\*+\d{4}$/);
      expect(sampled.phoneMasked.slice(-4)).toBe(member.phone.slice(-4));
      expect(sampled.phoneMasked).not.toContain(member.phone.slice(3, 8));
      expect(sampled).toMatchObject({ language: member.language, marketingConsent: true });
    }
    const none = await service.expect<PreviewView>(200, 'POST', '/segments/preview', { body: { rule: { all: [{ hasTag: tag }, { not: { hasTag: tag } }] } } });
    expect(none).toMatchObject({ count: 0, sample: [] });
    expect(await service.expect<SegmentView[]>(200, 'GET', '/segments')).toEqual([]);
  });

  it('refuses a rule on an unknown field or with a wrong value, naming the path at fault (400), in preview and save alike', async () => {
    const rule = { all: [{ hasTag: tag }, { field: 'favouriteColour', op: 'eq', value: 'red' }, { field: 'birthday.month', op: 'eq', value: 13 }] };
    const preview = await service.call<Problem>('POST', '/segments/preview', { body: { rule } });
    expect(preview.status).toBe(400);
    expect(preview.contentType).toContain('application/problem+json');
    expect(preview.body.code).toBe('segment.rule-invalid');
    expect(preview.body.errors?.map((problem) => problem.field)).toEqual(['rule.all.1.field', 'rule.all.2.value']);
    expect(preview.body.errors?.[0].message).toContain('unknown field "favouriteColour"');

    const save = await service.call<Problem>('POST', '/segments', { body: { name: `bad ${service.run}`, rule }, headers: SPECIALIST });
    expect(save.status).toBe(400);
    expect(save.body.errors?.map((problem) => problem.field)).toEqual(['rule.all.1.field', 'rule.all.2.value']);
    const missing = await service.call<Problem>('POST', '/segments', { body: { name: `no rule ${service.run}` }, headers: SPECIALIST });
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.map((problem) => problem.field)).toEqual(['rule']);
    expect(await service.expect<SegmentView[]>(200, 'GET', '/segments')).toEqual([]);
  });

  it('saves, lists, counts now, replaces and deletes a segment; a write without staff identity is refused', async () => {
    const anonymous = await service.call<Problem>('POST', '/segments', { body: { name: `anon ${service.run}`, rule: { hasTag: tag } } });
    expect(anonymous.status).toBe(401);

    const saved = await service.expect<SegmentView>(201, 'POST', '/segments', {
      body: { name: ` VIP room ${service.run} `, description: 'Tagged by the desk', rule: { hasTag: tag } },
      headers: SPECIALIST,
    });
    expect(saved).toMatchObject({ name: `VIP room ${service.run}`, description: 'Tagged by the desk', rule: { hasTag: tag }, createdBy: 'sam', usedBy: [] });
    expect(await service.expect<SegmentView>(200, 'GET', `/segments/${saved.id}`)).toMatchObject({ id: saved.id, count: 3 });
    expect((await service.expect<SegmentView[]>(200, 'GET', '/segments')).map((segment) => segment.id)).toEqual([saved.id]);

    const duplicate = await service.call<Problem>('POST', '/segments', { body: { name: `VIP room ${service.run}`, rule: { hasTag: 'x' } }, headers: SPECIALIST });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('segment.name-taken');

    const replaced = await service.expect<SegmentView>(200, 'PUT', `/segments/${saved.id}`, {
      body: { name: `VIP room ${service.run}`, rule: { all: [{ hasTag: tag }, { field: 'language', op: 'eq', value: 'en' }] } },
      headers: SUPERVISOR,
    });
    expect(replaced).toMatchObject({ updatedBy: 'sue', createdBy: 'sam' });
    expect(replaced.description).toBeUndefined();
    expect(await service.expect<SegmentView>(200, 'GET', `/segments/${saved.id}`)).toMatchObject({ count: 2 });

    const badReplace = await service.call<Problem>('PUT', `/segments/${saved.id}`, { body: { name: 'x', rule: { any: [] } }, headers: SPECIALIST });
    expect(badReplace.status).toBe(400);
    expect(badReplace.body.errors?.map((problem) => problem.field)).toEqual(['rule.any']);

    await service.expect(204, 'DELETE', `/segments/${saved.id}`, { headers: SPECIALIST });
    expect((await service.call('GET', `/segments/${saved.id}`)).status).toBe(404);
  });

  it('refuses to delete a segment a campaign that has not finished uses, and allows it once the campaign is cancelled', async () => {
    const segment = await service.expect<SegmentView>(201, 'POST', '/segments', { body: { name: `in use ${service.run}`, rule: { hasTag: tag } }, headers: SPECIALIST });
    const template = await service.expect<{ id: string }>(201, 'POST', '/templates', {
      body: { name: `in use ${service.run}`, kind: 'transactional', bodies: { en: 'Hello {{name}}' } },
      headers: SPECIALIST,
    });
    const campaign = await service.expect<{ id: string }>(201, 'POST', '/campaigns', {
      body: { name: 'uses the segment', segmentId: segment.id, templateId: template.id, kind: 'transactional' },
      headers: SPECIALIST,
    });
    expect(await service.expect<SegmentView>(200, 'GET', `/segments/${segment.id}`)).toMatchObject({ usedBy: [campaign.id] });

    const refused = await service.call<Problem>('DELETE', `/segments/${segment.id}`, { headers: SPECIALIST });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'segment.in-use', campaignIds: [campaign.id] });
    const templateRefused = await service.call<Problem>('DELETE', `/templates/${template.id}`, { headers: SPECIALIST });
    expect(templateRefused.status).toBe(409);

    await service.expect(200, 'POST', `/campaigns/${campaign.id}/cancel`, { headers: SPECIALIST });
    await service.expect(204, 'DELETE', `/segments/${segment.id}`, { headers: SPECIALIST });
    await service.expect(204, 'DELETE', `/templates/${template.id}`, { headers: SPECIALIST });
  });
});
