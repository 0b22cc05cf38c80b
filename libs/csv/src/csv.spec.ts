import { parseCsv } from './csv';

const fields = (text: string) => parseCsv(text).map((record) => record.fields);

describe('CSV', () => {
  it('reads plain fields, CRLF and LF, a BOM, and no trailing blank record', () => {
    expect(fields('\uFEFFphone,name\r\n13800138000,陳大文\n13900139000,Alice\n')).toEqual([
      ['phone', 'name'],
      ['13800138000', '陳大文'],
      ['13900139000', 'Alice'],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, and says where each record starts', () => {
    const records = parseCsv('name,note\n"Chan, Tai Man","says ""hi""\nand bye"\nBob,\n');
    expect(records.map((record) => [record.line, record.fields])).toEqual([
      [1, ['name', 'note']],
      [2, ['Chan, Tai Man', 'says "hi"\nand bye']],
      [4, ['Bob', '']],
    ]);
  });

  it('leaves blank lines out but keeps a record of empty fields', () => {
    expect(fields('a,b\n\n,\n')).toEqual([
      ['a', 'b'],
      ['', ''],
    ]);
  });

  it.each([
    ['a quote that never ends', 'a,b\n"x,y\n', 'a quoted field that never ends at line 2'],
    ['text after a closing quote', 'a,b\n"x"y,z\n', 'text after a closing quote at line 2'],
    ['a quote inside a field', 'a,b\nx"y,z\n', 'a quote inside an unquoted field at line 2'],
  ])('refuses %s, naming the line', (_case, text, message) => {
    expect(() => parseCsv(text)).toThrow(expect.objectContaining({ fields: [{ field: 'body', message }] }) as Error);
  });
});
