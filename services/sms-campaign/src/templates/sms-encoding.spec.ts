import { analyseSms, splitSmsIntoSegments, type SmsEncoding } from './sms-encoding';

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

describe('analyseSms', () => {
  it.each<[string, string, SmsEncoding, number, number, number]>([
    // case, text, encoding, characters, units, segments
    ['an empty body', '', 'GSM-7', 0, 0, 0],
    ['plain English', 'Hello', 'GSM-7', 5, 5, 1],
    ['160 GSM characters: one segment', 'a'.repeat(160), 'GSM-7', 160, 160, 1],
    ['161 GSM characters: two parts of up to 153', 'a'.repeat(161), 'GSM-7', 161, 161, 2],
    ['306 GSM characters: still two parts', 'a'.repeat(306), 'GSM-7', 306, 306, 2],
    ['307 GSM characters: three parts', 'a'.repeat(307), 'GSM-7', 307, 307, 3],
    ['the whole basic alphabet', GSM_BASIC, 'GSM-7', 127, 127, 1],
    ['every extension character counts double', GSM_EXTENSION, 'GSM-7', 10, 20, 1],
    ['80 euro signs fill one segment exactly', '€'.repeat(80), 'GSM-7', 80, 160, 1],
    ['81 euro signs need two', '€'.repeat(81), 'GSM-7', 81, 162, 2],
    ['Greek capitals of the GSM alphabet stay GSM-7', 'ΔΦΓΛΩΠΨΣΘΞ', 'GSM-7', 10, 10, 1],
    ['a lower-case ç is not in GSM-7 (only Ç is)', 'Façade', 'UCS-2', 6, 6, 1],
    ['a curly apostrophe switches the message to UCS-2', 'It’s on sale', 'UCS-2', 12, 12, 1],
    ['70 Chinese characters: one segment', '會'.repeat(70), 'UCS-2', 70, 70, 1],
    ['71 Chinese characters: two parts of up to 67', '會'.repeat(71), 'UCS-2', 71, 71, 2],
    ['134 Chinese characters: two parts', '会'.repeat(134), 'UCS-2', 134, 134, 2],
    ['135 Chinese characters: three parts', '会'.repeat(135), 'UCS-2', 135, 135, 3],
    ['35 emoji are 70 code units: one segment', '😀'.repeat(35), 'UCS-2', 35, 70, 1],
    // 67 units per part, but an emoji is never split: 33 per part (66 units).
    ['36 emoji: two parts', '😀'.repeat(36), 'UCS-2', 36, 72, 2],
    ['100 emoji: 33 + 33 + 33 + 1', '😀'.repeat(100), 'UCS-2', 100, 200, 4],
    [
      'a real zh-Hant marketing message',
      '【XX廣場】親愛的陳大文，您的金卡積分1,200分將於2025年3月31日到期，請盡快兌換。回T退訂',
      'UCS-2',
      50,
      50,
      1,
    ],
    // The square brackets are extension characters: 82 characters, 84 septets.
    ['a real English marketing message', '[XX Plaza] Dear Tai Man, 1,200 points expire on 31 Mar 2025. Reply STOP to opt out', 'GSM-7', 82, 84, 1],
  ])('%s', (_case, text, encoding, characters, units, segments) => {
    const analysis = analyseSms(text);
    expect({ encoding: analysis.encoding, characters: analysis.characters, units: analysis.units, segments: analysis.segments }).toEqual({
      encoding,
      characters,
      units,
      segments,
    });
  });

  it.each<[string, string, number]>([
    ['an empty body has a whole single segment free', '', 160],
    ['a short GSM body', 'Hello', 155],
    ['a full single GSM segment', 'a'.repeat(160), 0],
    ['a GSM body in two parts', 'a'.repeat(161), 153 - 8],
    ['a UCS-2 body', '你好', 68],
    ['a UCS-2 body in two parts', '你'.repeat(71), 67 - 4],
  ])('units left in the last segment: %s', (_case, text, left) => {
    expect(analyseSms(text).unitsLeftInLastSegment).toBe(left);
  });
});

describe('splitSmsIntoSegments', () => {
  it('never puts an escape sequence across two parts', () => {
    // 152 septets then a euro sign (2 septets): it does not fit the first part of 153.
    const parts = splitSmsIntoSegments(`${'a'.repeat(152)}€${'b'.repeat(10)}`);
    expect(parts).toEqual([`${'a'.repeat(152)}`, `€${'b'.repeat(10)}`]);
  });

  it('never splits an emoji between two parts', () => {
    // 66 units, then an emoji (2 units) would make 68 > 67: it moves whole to the next part.
    const parts = splitSmsIntoSegments(`${'中'.repeat(66)}😀${'文'.repeat(10)}`);
    expect(parts).toEqual([`${'中'.repeat(66)}`, `😀${'文'.repeat(10)}`]);
  });

  it('fills a part to the limit when the pair fits', () => {
    const parts = splitSmsIntoSegments(`${'中'.repeat(65)}😀${'文'.repeat(10)}`);
    expect(parts).toEqual([`${'中'.repeat(65)}😀`, `${'文'.repeat(10)}`]);
  });

  it('gives parts that join back to the text, each within its limit and made of whole characters', () => {
    const pieces = ['a', '€', '{', '中', '😀', '👨‍👩‍👧', ' ', 'é', '\n'];
    for (let seed = 1; seed <= 40; seed += 1) {
      let text = '';
      for (let index = 0; index < seed * 9; index += 1) text += pieces[(index * seed + index * index) % pieces.length];
      const parts = splitSmsIntoSegments(text);
      const { encoding, segments } = analyseSms(text);
      expect(parts.join('')).toBe(text);
      expect(parts).toHaveLength(segments);
      for (const part of parts) {
        expect(part.length).toBeGreaterThan(0);
        expect(/^[\uDC00-\uDFFF]/.test(part) || /[\uD800-\uDBFF]$/.test(part)).toBe(false);
        // A part of a UCS-2 text may happen to hold only GSM characters: count it as it travels.
        const units = encoding === 'GSM-7' ? analyseSms(part).units : part.length;
        expect(units).toBeLessThanOrEqual(parts.length > 1 ? (encoding === 'GSM-7' ? 153 : 67) : encoding === 'GSM-7' ? 160 : 70);
      }
    }
  });
});
