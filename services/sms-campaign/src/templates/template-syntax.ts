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

/**
 * A piece of a parsed template: literal text, or a variable to fill in with, when the member has
 * no value for it, the template's own fallback text (`{{name|會員}}`).
 */
export type TemplatePart = { readonly text: string } | { readonly variable: TemplateVariable; readonly fallback?: string };

/** A fallback is a short text (a name, a word): longer than this is almost certainly a typing mistake. */
export const MAX_FALLBACK_LENGTH = 40;

export interface ParsedTemplate {
  readonly parts: readonly TemplatePart[];
  /** Each variable the template uses, once, in order of first use. */
  readonly variables: readonly TemplateVariable[];
}

export type TemplateParse = { readonly ok: true; readonly template: ParsedTemplate } | { readonly ok: false; readonly problems: FieldProblem[] };

const NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const KNOWN = `known: ${TEMPLATE_VARIABLES.map((variable) => `{{${variable}}}`).join(', ')}`;

/**
 * Parses one language version of a template. A variable may carry a fallback after a bar,
 * `{{name|會員}}`, `{{ tier | member }}` (spaces around it trimmed): what the member reads when
 * they have no value for it. Every problem names `field` (e.g. `bodies.en`) and says where it
 * is: an unknown variable (named, with a suggestion when only its case is wrong), `{{` never
 * closed, `}}` never opened, braces with no variable name inside, a bar with no fallback after
 * it, a fallback longer than 40 characters or holding another bar. Single braces are plain text.
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
    const inside = body.slice(open + 2, close);
    const bar = inside.indexOf('|');
    const name = (bar === -1 ? inside : inside.slice(0, bar)).trim();
    const fallback = bar === -1 ? undefined : inside.slice(bar + 1).trim();
    const variable = TEMPLATE_VARIABLES.find((known) => known === name);
    const written = body.slice(open, close + 2);
    if (variable && fallback !== undefined && fallbackProblem(fallback) !== undefined) {
      problem(`"${written}" at character ${open + 1}: ${fallbackProblem(fallback)}`);
    } else if (variable) {
      if (text !== '') parts.push({ text });
      text = '';
      parts.push(fallback === undefined ? { variable } : { variable, fallback });
      if (!variables.includes(variable)) variables.push(variable);
    } else if (!NAME.test(name)) {
      problem(`"${written}" at character ${open + 1} does not name a variable (${KNOWN})`);
    } else {
      const sameButCase = TEMPLATE_VARIABLES.find((known) => known.toLowerCase() === name.toLowerCase());
      problem(`unknown variable {{${name}}}${sameButCase ? `: did you mean {{${sameButCase}}}?` : ''} (${KNOWN})`);
    }
    index = close + 2;
  }
  if (text !== '') parts.push({ text });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, template: { parts, variables } };
}

/** Why a fallback cannot be used, or undefined when it can. */
function fallbackProblem(fallback: string): string | undefined {
  if (fallback === '') return `the fallback after "|" is empty: write what a member without a value reads, e.g. {{name|會員}}, or leave out the "|"`;
  if (fallback.includes('|')) return 'a fallback cannot contain "|"';
  if ([...fallback].length > MAX_FALLBACK_LENGTH) return `the fallback must be at most ${MAX_FALLBACK_LENGTH} characters; it has ${[...fallback].length}`;
  return undefined;
}
