import { helpReplyText, languageOfUnknownNumber } from './help-reply';

describe('helpReplyText', () => {
  it('signs the answer and names the opt-out and opt-in words in the member’s language', () => {
    expect(helpReplyText('【Atrium】', 'en')).toMatch(/^【Atrium】.*reply STOP.*START/);
    expect(helpReplyText('【Atrium】', 'zh-Hant')).toMatch(/^【Atrium】.*退訂.*START/);
    expect(helpReplyText('【Atrium】', 'zh-Hans')).toMatch(/^【Atrium】.*退订.*START/);
  });
});

describe('languageOfUnknownNumber', () => {
  it.each([
    ['+85291234567', 'zh-Hant'],
    ['+85361234567', 'zh-Hant'],
    ['+886912345678', 'zh-Hant'],
    ['+8613800138000', 'zh-Hans'],
    ['+447700900123', 'en'],
    ['+14155550100', 'en'],
  ])('%s → %s', (phone, language) => {
    expect(languageOfUnknownNumber(phone)).toBe(language);
  });
});
