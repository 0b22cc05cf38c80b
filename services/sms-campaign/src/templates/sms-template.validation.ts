import type { FieldProblem } from '@atrium/errors';
import { MESSAGE_KINDS } from '../compliance/message-kind';
import { MEMBER_LANGUAGES } from '../members/member-profile.entity';
import type { SmsTemplateContent } from './sms-template.entity';
import { parseTemplateBody } from './template-syntax';

/** Twilio refuses a body longer than 1,600 characters; a template longer than that could never be sent. */
export const MAX_TEMPLATE_LENGTH = 1600;

/**
 * Every problem with a template's content, each naming its field (`kind`, `bodies`,
 * `bodies.zh-Hant`); empty means it may be saved. Approval of a marketing template asks more
 * (see template-compliance).
 *
 * The values are checked as if unknown: they reach here from HTTP with only their shape checked.
 */
export function validateTemplateContent(content: SmsTemplateContent): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!(MESSAGE_KINDS as readonly unknown[]).includes(content.kind)) {
    problems.push({ field: 'kind', message: `must be one of ${MESSAGE_KINDS.join(', ')}` });
  }
  const bodies: unknown = content.bodies;
  if (typeof bodies !== 'object' || bodies === null || Array.isArray(bodies)) {
    problems.push({ field: 'bodies', message: `must be an object of texts by language (${MEMBER_LANGUAGES.join(', ')})` });
    return problems;
  }
  const entries = Object.entries(bodies as Record<string, unknown>);
  if (entries.length === 0) problems.push({ field: 'bodies', message: `must have a text in at least one language (${MEMBER_LANGUAGES.join(', ')})` });
  for (const [language, body] of entries) {
    const field = `bodies.${language}`;
    if (!(MEMBER_LANGUAGES as readonly string[]).includes(language)) {
      problems.push({ field, message: `is not a language members read; use one of ${MEMBER_LANGUAGES.join(', ')}` });
    } else if (typeof body !== 'string' || body.trim() === '') {
      problems.push({ field, message: 'must be a text that is not empty' });
    } else if (body.length > MAX_TEMPLATE_LENGTH) {
      problems.push({ field, message: `must be at most ${MAX_TEMPLATE_LENGTH} characters (Twilio's limit for one message); it has ${body.length}` });
    } else {
      const parsed = parseTemplateBody(body, field);
      if (!parsed.ok) problems.push(...parsed.problems);
    }
  }
  return problems;
}
