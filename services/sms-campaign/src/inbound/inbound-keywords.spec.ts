import { classifyInboundMessage, DEFAULT_INBOUND_KEYWORDS, type InboundIntent } from './inbound-keywords';

describe('classifyInboundMessage', () => {
  it.each<[string, InboundIntent]>([
    // Every opt-out word of the issue, as written.
    ['STOP', 'opt-out'],
    ['STOPALL', 'opt-out'],
    ['UNSUBSCRIBE', 'opt-out'],
    ['CANCEL', 'opt-out'],
    ['END', 'opt-out'],
    ['QUIT', 'opt-out'],
    ['REVOKE', 'opt-out'],
    ['OPTOUT', 'opt-out'],
    ['T', 'opt-out'],
    ['TD', 'opt-out'],
    ['退訂', 'opt-out'],
    ['退订', 'opt-out'],
    // How people actually type them.
    ['stop', 'opt-out'],
    ['Stop', 'opt-out'],
    ['  stop  ', 'opt-out'],
    ['\nSTOP\r\n', 'opt-out'],
    ['Stop!', 'opt-out'],
    ['STOP.', 'opt-out'],
    ['"stop"', 'opt-out'],
    ['t', 'opt-out'],
    ['td', 'opt-out'],
    ['ＳＴＯＰ', 'opt-out'], // full-width letters
    ['ｓｔｏｐ！', 'opt-out'], // full-width, lower case, full-width exclamation mark
    ['Ｔ', 'opt-out'],
    ['「退訂」', 'opt-out'],
    ['退订。', 'opt-out'],
    ['　退訂　', 'opt-out'], // ideographic spaces
    ['\u200bSTOP\ufeff', 'opt-out'], // zero-width space and BOM around it
    // Opt-in and help.
    ['START', 'opt-in'],
    ['start', 'opt-in'],
    ['UNSTOP', 'opt-in'],
    ['Unstop.', 'opt-in'],
    ['HELP', 'help'],
    ['help?', 'help'],
    ['INFO', 'help'],
    ['ｉｎｆｏ', 'help'],
    // Not a keyword: the whole message must be the word.
    ['stop by the mall on Sunday', 'other'],
    ['Please stop', 'other'],
    ['STOP STOP', 'other'],
    ['STOP ALL', 'other'],
    ['STOPP', 'other'],
    ['TT', 'other'],
    ['Thanks', 'other'],
    ['我要退訂', 'other'],
    ['退', 'other'],
    ['YES', 'other'], // not an opt-in here: see DEFAULT_INBOUND_KEYWORDS
    ['Y', 'other'],
    ['', 'other'],
    ['   ', 'other'],
    ['!!!', 'other'],
    ['STOP 🙏', 'other'], // an emoji is a symbol, not punctuation: Twilio would not match it either
  ])('%j is %s', (body, intent) => {
    expect(classifyInboundMessage(body)).toBe(intent);
  });

  it('uses configured keywords, normalised like the message', () => {
    const keywords = { ...DEFAULT_INBOUND_KEYWORDS, help: [...DEFAULT_INBOUND_KEYWORDS.help, '幫助'], optIn: ['start', 'ＹＥＳ'] };
    expect(classifyInboundMessage('幫助', keywords)).toBe('help');
    expect(classifyInboundMessage('yes', keywords)).toBe('opt-in');
    expect(classifyInboundMessage('UNSTOP', keywords)).toBe('other');
  });
});
