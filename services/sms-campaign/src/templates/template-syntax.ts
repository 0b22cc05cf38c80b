import type { FieldProblem } from '@atrium/errors';

/**
 * The values a template may use, written `{{name}}` (spaces inside the braces allowed):
 * - `name`: the member's name;
 * - `tier`: the member's tier, as a label in the member's language;
 * - `points`: the member's points balance (or the points a message is about), grouped by thousands;
 * - `expiryDate`: when points expire, as a date on the centre's calendar;
 * - `bookletLink`: the link to the current member booklet.
 */
export const TEMPLATE_VARIABLES = ['name', 'tier', 'points', 'expiryDate', 'bookletLink'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/** A piece of a parsed template: literal text, or a variable to fill in. */
export type TemplatePart = { readonly text: string } | { readonly variable: TemplateVariable };

export interface ParsedTemplate {
  readonly parts: readonly TemplatePart[];
  /** Each variable the template uses, once, in order of first use. */
  readonly variables: readonly TemplateVariable[];
}

export type TemplateParse = { readonly ok: true; readonly template: ParsedTemplate } | { readonly ok: false; readonly problems: FieldProblem[] };

const NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const KNOWN = `known: ${TEMPLATE_VARIABLES.map((variable) => `{{${variable}}}`).join(', ')}`;

/**
 * Parses one language version of a template. Every problem names `field` (e.g. `bodies.en`) and
 * says where it is: an unknown variable (named, with a suggestion when only its case is wrong),
 * `{{` never closed, `}}` never opened, braces with no variable name inside. Single braces are
 * plain text.
 */
export function parseTemplateBody(body: string, field = 'body'): TemplateParse {
  const problems: FieldProblem[] = [];
  const problem = (message: string): void => {
    if (!problems.some((known) => known.message === message)) problems.push({ field, message });
  };
  const parts: TemplatePart[] = [];
  const variables: TemplateVariable[] = [];
  let text = '';
  let index = 0;
  while (index < body.length) {
    const open = body.indexOf('{{', index);
    const textEnd = open === -1 ? body.length : open;
    for (let stray = body.indexOf('}}', index); stray !== -1 && stray < textEnd; stray = body.indexOf('}}', stray + 2)) {
      problem(`"}}" at character ${stray + 1} closes no "{{"`);
    }
    if (open === -1) {
      text += body.slice(index);
      break;
    }
    text += body.slice(index, open);
    const close = body.indexOf('}}', open + 2);
    const nextOpen = body.indexOf('{{', open + 2);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      problem(`"{{" at character ${open + 1} is never closed with "}}"`);
      text += '{{';
      index = open + 2;
      continue;
    }
    const name = body.slice(open + 2, close).trim();
    const variable = TEMPLATE_VARIABLES.find((known) => known === name);
    if (variable) {
      if (text !== '') parts.push({ text });
      text = '';
      parts.push({ variable });
      if (!variables.includes(variable)) variables.push(variable);
    } else if (!NAME.test(name)) {
      problem(`"${body.slice(open, close + 2)}" at character ${open + 1} does not name a variable (${KNOWN})`);
    } else {
      const sameButCase = TEMPLATE_VARIABLES.find((known) => known.toLowerCase() === name.toLowerCase());
      problem(`unknown variable {{${name}}}${sameButCase ? `: did you mean {{${sameButCase}}}?` : ''} (${KNOWN})`);
    }
    index = close + 2;
  }
  if (text !== '') parts.push({ text });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, template: { parts, variables } };
}
