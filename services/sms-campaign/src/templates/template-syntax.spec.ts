import { parseTemplateBody, type TemplatePart } from './template-syntax';

describe('parseTemplateBody', () => {
  it.each<[string, string, TemplatePart[], string[]]>([
    ['plain text', '【XX廣場】週末快樂！回T退訂', [{ text: '【XX廣場】週末快樂！回T退訂' }], []],
    [
      'every variable',
      'Hi {{name}}, {{tier}} member: {{points}} pts expire {{expiryDate}}. {{bookletLink}}',
      [
        { text: 'Hi ' },
        { variable: 'name' },
        { text: ', ' },
        { variable: 'tier' },
        { text: ' member: ' },
        { variable: 'points' },
        { text: ' pts expire ' },
        { variable: 'expiryDate' },
        { text: '. ' },
        { variable: 'bookletLink' },
      ],
      ['name', 'tier', 'points', 'expiryDate', 'bookletLink'],
    ],
    ['spaces inside the braces', '{{ name }}您好', [{ variable: 'name' }, { text: '您好' }], ['name']],
    ['a variable used twice is listed once', '{{name}}{{name}}', [{ variable: 'name' }, { variable: 'name' }], ['name']],
    ['single braces are text', 'Use code {A1} at {shop}', [{ text: 'Use code {A1} at {shop}' }], []],
    ['an empty body', '', [], []],
    ['a fallback after a bar', '{{name|會員}}您好', [{ variable: 'name', fallback: '會員' }, { text: '您好' }], ['name']],
    ['spaces around name and fallback are trimmed', '{{ tier | Valued member }}', [{ variable: 'tier', fallback: 'Valued member' }], ['tier']],
    ['a fallback of 40 characters', `{{name|${'會'.repeat(40)}}}`, [{ variable: 'name', fallback: '會'.repeat(40) }], ['name']],
  ])('%s', (_case, body, parts, variables) => {
    expect(parseTemplateBody(body)).toEqual({ ok: true, template: { parts, variables } });
  });

  it.each<[string, string, string[]]>([
    [
      'an unknown variable, named',
      'Hi {{nickname}}',
      ['unknown variable {{nickname}} (known: {{name}}, {{tier}}, {{points}}, {{expiryDate}}, {{bookletLink}})'],
    ],
    [
      'a variable in the wrong case, with a suggestion',
      '{{Name}}',
      ['unknown variable {{Name}}: did you mean {{name}}? (known: {{name}}, {{tier}}, {{points}}, {{expiryDate}}, {{bookletLink}})'],
    ],
    [
      'two unknown variables, each named',
      '{{foo}} and {{bar}} and {{foo}}',
      [
        'unknown variable {{foo}} (known: {{name}}, {{tier}}, {{points}}, {{expiryDate}}, {{bookletLink}})',
        'unknown variable {{bar}} (known: {{name}}, {{tier}}, {{points}}, {{expiryDate}}, {{bookletLink}})',
      ],
    ],
    ['a placeholder never closed', 'Hi {{name', ['"{{" at character 4 is never closed with "}}"']],
    ['a placeholder closed by the next one', 'Hi {{name {{points}}', ['"{{" at character 4 is never closed with "}}"']],
    ['a closing pair with no opening', 'Hi name}} and {{points}}', ['"}}" at character 8 closes no "{{"']],
    ['two stray closings', '}} x }}', ['"}}" at character 1 closes no "{{"', '"}}" at character 6 closes no "{{"']],
    [
      'empty braces',
      'Hi {{}}',
      ['"{{}}" at character 4 does not name a variable (known: {{name}}, {{tier}}, {{points}}, {{expiryDate}}, {{bookletLink}})'],
    ],
    [
      'triple braces',
      '{{{name}}}',
      ['"{{{name}}" at character 1 does not name a variable (known: {{name}}, {{tier}}, {{points}}, {{expiryDate}}, {{bookletLink}})'],
    ],
  ])('refuses %s', (_case, body, messages) => {
    const parsed = parseTemplateBody(body, 'bodies.en');
    expect(parsed).toEqual({ ok: false, problems: messages.map((message) => ({ field: 'bodies.en', message })) });
  });

  it.each<[string, string, string]>([
    ['an empty fallback', 'Hi {{name|}}', '"{{name|}}" at character 4: the fallback after "|" is empty: write what a member without a value reads, e.g. {{name|會員}}, or leave out the "|"'],
    ['a blank fallback', '{{name|  }}', '"{{name|  }}" at character 1: the fallback after "|" is empty: write what a member without a value reads, e.g. {{name|會員}}, or leave out the "|"'],
    ['two bars', '{{name|a|b}}', '"{{name|a|b}}" at character 1: a fallback cannot contain "|"'],
    ['a fallback of 41 characters', `{{name|${'x'.repeat(41)}}}`, `"{{name|${'x'.repeat(41)}}}" at character 1: the fallback must be at most 40 characters; it has 41`],
  ])('refuses %s, naming the field', (_case, body, message) => {
    expect(parseTemplateBody(body, 'bodies.en')).toEqual({ ok: false, problems: [{ field: 'bodies.en', message }] });
  });

  it('names an unknown variable that carries a fallback', () => {
    const result = parseTemplateBody('{{nickname|friend}}', 'bodies.en');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0].message).toMatch(/^unknown variable \{\{nickname\}\}/);
  });
});
