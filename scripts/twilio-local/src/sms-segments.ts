// The GSM 03.38 default alphabet and its extension table (each extension character takes two
// septets, an escape and the character).
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '^{}\\[~]|€\f';
const BASIC = new Set(Array.from(GSM7_BASIC));
const EXTENSION = new Set(Array.from(GSM7_EXTENSION));

/**
 * How many SMS segments a body takes, as Twilio bills them (`num_segments`): GSM-7 bodies take
 * 160 septets in one segment and 153 per segment when split; any other character makes the body
 * UCS-2, 70 UTF-16 units in one segment and 67 per segment. An empty body (media only) is one.
 */
export function smsSegments(body: string): number {
  let septets = 0;
  let gsm7 = true;
  for (const character of body) {
    if (BASIC.has(character)) septets += 1;
    else if (EXTENSION.has(character)) septets += 2;
    else {
      gsm7 = false;
      break;
    }
  }
  if (gsm7) return septets <= 160 ? 1 : Math.ceil(septets / 153);
  const units = body.length; // UTF-16 code units: an emoji takes two
  return units <= 70 ? 1 : Math.ceil(units / 67);
}
