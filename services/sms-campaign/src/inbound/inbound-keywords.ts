/** What an inbound SMS asks for. */
export type InboundIntent = 'opt-out' | 'opt-in' | 'help' | 'other';

/** The words that make a whole inbound message a request, by what they ask for. */
export interface InboundKeywords {
  readonly optOut: readonly string[];
  readonly optIn: readonly string[];
  readonly help: readonly string[];
}

/**
 * Twilio's default opt-out and help words, plus the Chinese conventions: "T"/"TD" (as in
 * 「回T退訂」) and 退訂/退订 themselves.
 *
 * YES is deliberately **not** an opt-in word, although Twilio's default list has it: here an
 * opt-in gives marketing consent back, and a "yes" sent in answer to anything else (an event
 * invitation, a survey) is no explicit consent. The issue names START and UNSTOP only. The
 * Messaging Service's opt-in keywords should be set to match, so Twilio's block list and ours
 * agree.
 */
export const DEFAULT_INBOUND_KEYWORDS: InboundKeywords = {
  optOut: ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', 'T', 'TD', '退訂', '退订'],
  optIn: ['START', 'UNSTOP'],
  help: ['HELP', 'INFO'],
};

// Punctuation, spaces and invisible format characters (zero-width space, BOM) around the word.
const SURROUNDING = /^[\p{P}\p{Z}\p{Cf}\s]+|[\p{P}\p{Z}\p{Cf}\s]+$/gu;

/**
 * Reads an inbound SMS the way Twilio matches its keywords: the **whole** message must be the
 * word, so "Stop by the mall on Sunday" is `other`. Case does not matter, nor do spaces and
 * punctuation around the word ("Stop!", 「退訂」) or full-width letters (ＳＴＯＰ), which NFKC
 * folds to ASCII. Traditional and simplified characters are separate entries, not folded.
 */
export function classifyInboundMessage(body: string, keywords: InboundKeywords = DEFAULT_INBOUND_KEYWORDS): InboundIntent {
  const word = normalise(body);
  if (word === '') return 'other';
  if (keywords.optOut.some((keyword) => normalise(keyword) === word)) return 'opt-out';
  if (keywords.optIn.some((keyword) => normalise(keyword) === word)) return 'opt-in';
  if (keywords.help.some((keyword) => normalise(keyword) === word)) return 'help';
  return 'other';
}

function normalise(text: string): string {
  return text.normalize('NFKC').replace(SURROUNDING, '').toUpperCase();
}
