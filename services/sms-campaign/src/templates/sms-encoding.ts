/**
 * How an SMS body travels and how many segments (billed parts) it takes, as carriers and Twilio
 * count them. A body that only uses the GSM 03.38 alphabet goes as GSM-7: 160 septets in a
 * single message, 153 per part once it has to be split (the rest of each part carries the
 * concatenation header). Anything else goes as UCS-2 (UTF-16 in practice): 70 code units single,
 * 67 per part. One character outside GSM-7 (a Chinese character, an emoji, a curly quote)
 * switches the whole message to UCS-2.
 *
 * This counts the text as given: no "smart encoding" substitution (Twilio can replace curly
 * quotes and the like with GSM characters when a Messaging Service enables it; it is off here,
 * so what is counted is what is billed).
 */

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsAnalysis {
  readonly encoding: SmsEncoding;
  /** What a person would count: Unicode code points (an emoji is 1, though it costs 2 units). */
  readonly characters: number;
  /** What the carrier counts: septets in GSM-7 (extension characters take 2), UTF-16 code units in UCS-2. */
  readonly units: number;
  /** Billed parts; 0 for an empty body. */
  readonly segments: number;
  /** Units still free in the last segment before another is needed. */
  readonly unitsLeftInLastSegment: number;
}

const LIMITS: Readonly<Record<SmsEncoding, { readonly single: number; readonly perPart: number }>> = {
  'GSM-7': { single: 160, perPart: 153 },
  'UCS-2': { single: 70, perPart: 67 },
};

/** The GSM 03.38 default alphabet (127 characters; the 128th code is the escape to the extension table). */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** The extension table: each is sent as escape + character, so it takes 2 septets. */
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

/** Encoding, counts and segments of `text` as it will be sent. */
export function analyseSms(text: string): SmsAnalysis {
  const encoding = encodingOf(text);
  const parts = splitSms(text, encoding);
  const units = parts.reduce((sum, part) => sum + unitsOf(part, encoding), 0);
  const last = parts.at(-1);
  const limit = parts.length > 1 ? LIMITS[encoding].perPart : LIMITS[encoding].single;
  return {
    encoding,
    characters: Array.from(text).length,
    units,
    segments: parts.length,
    unitsLeftInLastSegment: last === undefined ? LIMITS[encoding].single : limit - unitsOf(last, encoding),
  };
}

/**
 * The parts `text` is sent in, as a handset reassembles them. A part never ends between the
 * escape and its extension character, nor between the two halves of a surrogate pair (an emoji
 * is never split), so a part may hold one unit less than the limit.
 */
export function splitSmsIntoSegments(text: string): string[] {
  return splitSms(text, encodingOf(text));
}

function encodingOf(text: string): SmsEncoding {
  for (const character of text) {
    if (!GSM_BASIC.has(character) && !GSM_EXTENSION.has(character)) return 'UCS-2';
  }
  return 'GSM-7';
}

/** Units one character takes: iterating a string by `for…of` yields whole code points. */
function unitsOfCharacter(character: string, encoding: SmsEncoding): number {
  if (encoding === 'UCS-2') return character.length;
  return GSM_EXTENSION.has(character) ? 2 : 1;
}

function unitsOf(text: string, encoding: SmsEncoding): number {
  let units = 0;
  for (const character of text) units += unitsOfCharacter(character, encoding);
  return units;
}

function splitSms(text: string, encoding: SmsEncoding): string[] {
  if (text === '') return [];
  const { single, perPart } = LIMITS[encoding];
  if (unitsOf(text, encoding) <= single) return [text];
  const parts: string[] = [];
  let current = '';
  let currentUnits = 0;
  for (const character of text) {
    const units = unitsOfCharacter(character, encoding);
    if (currentUnits + units > perPart) {
      parts.push(current);
      current = '';
      currentUnits = 0;
    }
    current += character;
    currentUnits += units;
  }
  parts.push(current);
  return parts;
}
