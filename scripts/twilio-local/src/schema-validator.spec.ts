import { validateForm, validateValue, type FormatCheckers, type Schema } from './schema-validator';

const formats: FormatCheckers = { even: (value) => value.length % 2 === 0 };
const form = (entries: Array<[string, string]>): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  for (const [name, value] of entries) out.set(name, [...(out.get(name) ?? []), value]);
  return out;
};

const schema: Schema = {
  type: 'object',
  required: ['To'],
  properties: {
    To: { type: 'string', format: 'even' },
    Count: { type: 'integer', minimum: 1, maximum: 10 },
    Price: { type: 'number' },
    Flag: { type: 'boolean' },
    Mode: { type: 'string', enum: ['a', 'b'] },
    Sid: { type: 'string', minLength: 4, maxLength: 4, pattern: '^MG' },
    Urls: { type: 'array', items: { type: 'string', format: 'even' } },
    Loose: { type: 'array', items: { type: 'string', format: 'even', 'x-twilio': { ignoreFormat: true } } },
  },
};

describe('validateForm', () => {
  it('reads every value as its schema type and finds no issue in a valid form', () => {
    const result = validateForm(
      schema,
      form([
        ['To', 'ab'],
        ['Count', '3'],
        ['Price', '-0.5'],
        ['Flag', 'True'],
        ['Mode', 'b'],
        ['Sid', 'MG12'],
        ['Urls', 'xy'],
        ['Urls', 'zzzz'],
      ]),
      formats,
    );
    expect(result.issues).toEqual([]);
    expect(result.params).toEqual({ To: 'ab', Count: 3, Price: -0.5, Flag: true, Mode: 'b', Sid: 'MG12', Urls: ['xy', 'zzzz'] });
  });

  it('reports a missing required parameter and names it', () => {
    const { issues } = validateForm(schema, form([['Mode', 'a']]), formats);
    expect(issues).toEqual([{ name: 'To', kind: 'required', message: "'To' is required" }]);
  });

  it('reports parameters the schema does not have', () => {
    const { issues } = validateForm(schema, form([['To', 'ab'], ['Colour', 'red']]), formats);
    expect(issues).toEqual([expect.objectContaining({ name: 'Colour', kind: 'unknown' })]);
  });

  it.each<[string, string, string]>([
    ['Count', '2.5', 'type'],
    ['Count', '11', 'range'],
    ['Count', '0', 'range'],
    ['Price', 'abc', 'type'],
    ['Flag', 'yes', 'type'],
    ['Mode', 'c', 'enum'],
    ['Sid', 'MG1', 'length'],
    ['Sid', 'XY12', 'pattern'],
    ['To', 'abc', 'format'],
    ['Urls', 'odd', 'format'],
  ])('refuses %s=%s (%s)', (name, value, kind) => {
    const { issues } = validateForm(schema, form([['To', 'ab']]).set(name, [value]), formats);
    expect(issues).toEqual([expect.objectContaining({ name, kind })]);
  });

  it('refuses a repeated parameter that takes one value', () => {
    const { issues } = validateForm(schema, form([['To', 'ab'], ['To', 'cd']]), formats);
    expect(issues).toEqual([expect.objectContaining({ name: 'To', kind: 'repeated' })]);
  });

  it('skips the format of items the document marks ignoreFormat', () => {
    expect(validateForm(schema, form([['To', 'ab'], ['Loose', 'odd']]), formats).issues).toEqual([]);
  });

  it('leaves formats it has no checker for unchecked', () => {
    const custom: Schema = { type: 'object', properties: { At: { type: 'string', format: 'date-time' } } };
    expect(validateForm(custom, form([['At', 'whenever']]), formats).issues).toEqual([]);
  });
});

describe('validateValue', () => {
  const resource: Schema = {
    type: 'object',
    required: ['sid'],
    properties: {
      sid: { type: 'string', pattern: '^SM' },
      error_code: { type: 'integer', nullable: true },
      status: { type: 'string', enum: ['queued', 'sent'] },
      tags: { type: 'array', items: { type: 'string' } },
    },
  };

  it('accepts a matching object, null where nullable and extra properties', () => {
    expect(validateValue(resource, { sid: 'SM1', error_code: null, status: 'sent', tags: ['x'], extra: 1 }, 'message', formats)).toEqual([]);
  });

  it('names each property that does not match, with its path', () => {
    const issues = validateValue(resource, { sid: 'XX', error_code: 1.5, status: 'lost', tags: [1] }, 'message', formats);
    expect(issues.map((i) => [i.name, i.kind])).toEqual([
      ['message.sid', 'pattern'],
      ['message.error_code', 'type'],
      ['message.status', 'enum'],
      ['message.tags[0]', 'type'],
    ]);
  });

  it('reports a missing required property and null where not nullable', () => {
    expect(validateValue(resource, { status: null }, 'm', formats).map((i) => [i.name, i.kind])).toEqual([
      ['m.sid', 'required'],
      ['m.status', 'type'],
    ]);
  });
});
