import { twimlReplies } from './twiml-replies';

describe('twimlReplies', () => {
  it('reads the texts of <Message> verbs, plain or with <Body>, decoding entities', () => {
    expect(twimlReplies('<?xml version="1.0" encoding="UTF-8"?><Response><Message>回覆 HELP: 請致電 &amp; 查詢</Message></Response>')).toEqual(['回覆 HELP: 請致電 & 查詢']);
    expect(twimlReplies('<Response><Message to="+1"><Body>a &lt;b&gt;</Body></Message><Message>two</Message></Response>')).toEqual(['a <b>', 'two']);
  });

  it('gives none for an empty response or something that is not TwiML', () => {
    expect(twimlReplies('<Response/>')).toEqual([]);
    expect(twimlReplies('<?xml version="1.0"?><Response></Response>')).toEqual([]);
    expect(twimlReplies('{"ok":true}')).toEqual([]);
    expect(twimlReplies('')).toEqual([]);
  });
});
