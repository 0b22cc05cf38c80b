// Templates through the service's HTTP API on the real FerretDB and Redis: saved only when
// their syntax and variables are right, approved only by another supervisor and only when the
// marketing rules hold (the centre's signature and each language's opt-out instruction),
// previewed for a real member of the projection.
import { CampaignSideApp, OTHER_SUPERVISOR, putMember, SPECIALIST, SUPERVISOR, staff, type Problem } from './support/campaign-side';

interface TemplateView {
  id: string;
  status: string;
  version: number;
  approvedBy?: string;
  complianceProblems: { field: string; message: string }[];
  analysis: Record<string, { encoding: string; characters: number; segments: number }>;
}

const SIGNATURE = '【Atrium】';

describe('templates', () => {
  const service = new CampaignSideApp();

  beforeAll(async () => {
    await service.start({ env: { SMS_CENTRE_SIGNATURE: SIGNATURE, SMS_PRICE_PER_SEGMENT_MINOR: '5', SMS_PRICE_CURRENCY: 'CNY' } });
  }, 60_000);

  afterAll(async () => {
    await service.stop();
  });

  const name = (label: string): string => `${label} ${service.run}`;

  it('refuses unknown variables and languages, naming the field, and saves nothing', async () => {
    const answer = await service.call<Problem>('POST', '/templates', {
      body: { name: name('bad'), kind: 'marketing', bodies: { 'zh-Hant': '{{Name}}，您好', fr: 'Bonjour' } },
      headers: SPECIALIST,
    });
    expect(answer.status).toBe(400);
    expect(answer.contentType).toContain('application/problem+json');
    expect(answer.body.errors?.map((problem) => problem.field).sort()).toEqual(['bodies.fr', 'bodies.zh-Hant']);
    expect(answer.body.errors?.find((problem) => problem.field === 'bodies.zh-Hant')?.message).toContain('did you mean {{name}}');
    const list = await service.expect<{ name: string }[]>(200, 'GET', '/templates');
    expect(list.map((template) => template.name)).not.toContain(name('bad'));
  });

  it('refuses a write without the gateway’s staff identity (401)', async () => {
    const answer = await service.call<Problem>('POST', '/templates', { body: { name: name('anonymous'), kind: 'transactional', bodies: { en: 'Hello' } } });
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe('sms.staff-unknown');
  });

  it('lists compliance problems and refuses approval until the template is compliant, by a supervisor who did not write it', async () => {
    const created = await service.expect<TemplateView>(201, 'POST', '/templates', {
      body: {
        name: name('birthday'),
        kind: 'marketing',
        bodies: { 'zh-Hant': `${SIGNATURE}{{name}}，生日快樂！`, en: `${SIGNATURE}Happy birthday, {{name}}! Reply STOP to opt out` },
      },
      headers: SPECIALIST,
    });
    expect(created.status).toBe('draft');
    expect(created.complianceProblems.map((problem) => problem.field)).toEqual(['bodies.zh-Hant']);
    expect(created.complianceProblems[0].message).toContain('回T退訂');
    // 【 and 】 are not GSM-7 characters: the signature makes even the English version UCS-2.
    expect(created.analysis['zh-Hant'].encoding).toBe('UCS-2');
    expect(created.analysis.en.encoding).toBe('UCS-2');

    // Not compliant: a supervisor who did not write it still cannot approve it.
    const notCompliant = await service.call<Problem>('POST', `/templates/${created.id}/approve`, { headers: SUPERVISOR });
    expect(notCompliant.status).toBe(400);
    expect(notCompliant.body.code).toBe('template.not-compliant');
    expect(notCompliant.body.errors?.map((problem) => problem.field)).toEqual(['bodies.zh-Hant']);

    // The supervisor fixes it: now an author, so another supervisor must approve.
    const fixed = await service.expect<TemplateView>(200, 'PUT', `/templates/${created.id}`, {
      body: {
        name: name('birthday'),
        kind: 'marketing',
        bodies: { 'zh-Hant': `${SIGNATURE}{{name}}，生日快樂！回T退訂`, en: `${SIGNATURE}Happy birthday, {{name}}! Reply STOP to opt out` },
      },
      headers: SUPERVISOR,
    });
    expect(fixed).toMatchObject({ status: 'draft', version: 2, complianceProblems: [] });
    const own = await service.call<Problem>('POST', `/templates/${created.id}/approve`, { headers: SUPERVISOR });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('template.own-template');
    const specialist = await service.call<Problem>('POST', `/templates/${created.id}/approve`, { headers: staff('sid', 'specialist') });
    expect(specialist.status).toBe(403);
    expect(specialist.body.code).toBe('template.role-required');

    const approved = await service.expect<TemplateView>(200, 'POST', `/templates/${created.id}/approve`, { headers: OTHER_SUPERVISOR });
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'sol' });
    expect(await service.expect<TemplateView>(200, 'GET', `/templates/${created.id}`)).toMatchObject({ status: 'approved', version: 2 });

    // Editing an approved template makes it a draft again.
    const edited = await service.expect<TemplateView>(200, 'PUT', `/templates/${created.id}`, {
      body: { name: name('birthday'), kind: 'marketing', bodies: { en: `${SIGNATURE}Happy birthday! Reply STOP to opt out` } },
      headers: SPECIALIST,
    });
    expect(edited).toMatchObject({ status: 'draft', version: 3 });
    expect(edited.approvedBy).toBeUndefined();
  });

  it('approves a transactional template without the marketing rules', async () => {
    const created = await service.expect<TemplateView>(201, 'POST', '/templates', {
      body: { name: name('points'), kind: 'transactional', bodies: { en: 'You have {{points}} points.' } },
      headers: SPECIALIST,
    });
    expect(created.complianceProblems).toEqual([]);
    expect(await service.expect<TemplateView>(200, 'POST', `/templates/${created.id}/approve`, { headers: SUPERVISOR })).toMatchObject({ status: 'approved' });
  });

  it('previews a template for a real member: their language, their values, counts and cost', async () => {
    const member = await putMember(service.profiles, { name: '陳大文', language: 'zh-Hant' });
    const template = await service.expect<TemplateView>(201, 'POST', '/templates', {
      body: {
        name: name('preview'),
        kind: 'marketing',
        bodies: { 'zh-Hant': `${SIGNATURE}{{name}}，會員日全場9折。回T退訂`, en: `${SIGNATURE}{{name}}, 10% off today. Reply STOP to opt out` },
      },
      headers: SPECIALIST,
    });
    const preview = await service.expect<Record<string, unknown>>(200, 'POST', `/templates/${template.id}/preview`, { body: { memberId: member.memberId } });
    const text = `${SIGNATURE}陳大文，會員日全場9折。回T退訂`;
    expect(preview).toEqual({
      memberId: member.memberId,
      rendered: true,
      language: 'zh-Hant',
      text,
      fallbacks: [],
      encoding: 'UCS-2',
      characters: Array.from(text).length,
      segments: 1,
      cost: { amountMinor: 5, currency: 'CNY' },
      eligibility: { eligible: true },
    });

    const english = await putMember(service.profiles, { name: 'Ann', language: 'en', consent: false });
    expect(await service.expect(200, 'POST', `/templates/${template.id}/preview`, { body: { memberId: english.memberId } })).toMatchObject({
      rendered: true,
      language: 'en',
      text: `${SIGNATURE}Ann, 10% off today. Reply STOP to opt out`,
      eligibility: { eligible: false, reason: 'no-consent' },
    });

    const simplified = await putMember(service.profiles, { language: 'zh-Hans' });
    expect(await service.expect(200, 'POST', `/templates/${template.id}/preview`, { body: { memberId: simplified.memberId } })).toMatchObject({
      rendered: false,
      reason: 'no-template-language',
    });

    const unknown = await service.call<Problem>('POST', `/templates/${template.id}/preview`, { body: { memberId: '7d4f1a52-9a3e-4c1b-8f00-2b7c9d1e0a11' } });
    expect(unknown.status).toBe(404);
  });

  it('analyses raw text: encoding, characters, segments and cost', async () => {
    const gsm = await service.expect<Record<string, unknown>>(200, 'POST', '/templates/analyse', { body: { text: 'a'.repeat(161) } });
    expect(gsm).toMatchObject({ encoding: 'GSM-7', characters: 161, segments: 2, cost: { amountMinor: 10, currency: 'CNY' }, problems: [] });
    const chinese = await service.expect<Record<string, unknown>>(200, 'POST', '/templates/analyse', { body: { text: `${'會'.repeat(70)}{{points}}` } });
    expect(chinese).toMatchObject({ encoding: 'UCS-2', segments: 2, variables: ['points'] });
    const broken = await service.expect<{ problems: { field: string }[] }>(200, 'POST', '/templates/analyse', { body: { text: 'Hi {{nme}}' } });
    expect(broken.problems.map((problem) => problem.field)).toEqual(['text']);
  });
});
