import { escapeRegExp, namePrefixesOf, nameSearchKey, prefixPattern } from './name-search-key';

describe('name search keys', () => {
  it.each([
    ['陳大文', '陳大文'],
    [' 陳 大文 ', '陳大文'],
    ['Alice Chan', 'alicechan'],
    ['ALICE  chan', 'alicechan'],
    ['ＡＬＩＣＥ Ｃｈａｎ', 'alicechan'],
    ['José Ñúñez', 'josenunez'],
    ["O'Brien-Smith", 'obriensmith'],
    ['Zhang·San', 'zhangsan'],
    ['王小明 Ming', '王小明ming'],
  ])('keys %s as %s', (name, key) => {
    expect(nameSearchKey(name)).toBe(key);
  });

  it('finds a stored name by the key of any prefix typed in any case or spacing', () => {
    const stored = nameSearchKey('Chan Tai Man');
    for (const typed of ['chan', 'CHAN T', 'chan-tai', 'Chantaim']) {
      expect(new RegExp(prefixPattern(nameSearchKey(typed))).test(stored)).toBe(true);
    }
    expect(new RegExp(prefixPattern(nameSearchKey('tai'))).test(stored)).toBe(false);
    expect(new RegExp(prefixPattern(nameSearchKey('陳大'))).test(nameSearchKey('陳大文'))).toBe(true);
  });

  it('escapes every character a regular expression would read as an operator', () => {
    const hostile = '.*+?^${}()|[]\\/-';
    const pattern = new RegExp(`^${escapeRegExp(hostile)}$`);
    expect(pattern.test(hostile)).toBe(true);
    expect(pattern.test('anything')).toBe(false);
    expect(new RegExp(prefixPattern('a.c')).test('abc')).toBe(false);
  });

  it('lists the prefixes a name is found by, by character (not UTF-16 unit), up to the limit', () => {
    expect(namePrefixesOf('陳大文')).toEqual(['陳', '陳大', '陳大文']);
    expect(namePrefixesOf('𠀋子')).toEqual(['𠀋', '𠀋子']);
    expect(namePrefixesOf('alicechanwingyee')).toHaveLength(10);
    expect(namePrefixesOf('alicechanwingyee').at(-1)).toBe('alicechanw');
    expect(namePrefixesOf('')).toEqual([]);
  });
});
