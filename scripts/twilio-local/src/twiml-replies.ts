const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/**
 * The texts of the `<Message>` verbs of a TwiML answer to an incoming message (Twilio sends each
 * back to the sender as an `outbound-reply`): `<Message>text</Message>` or
 * `<Message><Body>text</Body></Message>`. Anything that is not TwiML gives none.
 */
export function twimlReplies(answer: string): string[] {
  if (!/<Response[\s>]/.test(answer)) return [];
  const replies: string[] = [];
  for (const match of answer.matchAll(/<Message(?:\s[^>]*)?>([\s\S]*?)<\/Message>/g)) {
    const inner = match[1];
    const body = /<Body(?:\s[^>]*)?>([\s\S]*?)<\/Body>/.exec(inner);
    const text = decodeXml((body === null ? inner.replace(/<[^>]*>/g, '') : body[1]).trim());
    if (text !== '') replies.push(text);
  }
  return replies;
}
