/**
 * The key a name is found by at the desk: typed names and stored names meet in one form, so a
 * prefix of the key is a prefix search of the name. NFKC folds full-width Latin ("ＡＬＩＣＥ")
 * to ASCII; accents go ("José" ~ "jose"); case goes; spaces and punctuation go ("Chan Tai Man",
 * "chan-tai man", "陳 大文", "Zhang·San" are found by "chantai", "陳大", "zhangs"). Chinese
 * characters are kept as they are: simplified and traditional forms are different keys.
 */
export function nameSearchKey(name: string): string {
  return name
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\s]/gu, '')
    .normalize('NFC');
}

/** Text made safe to put inside a regular expression: every character means itself. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** The anchored pattern that finds keys starting with `prefix` (an index range scan on MongoDB). */
export function prefixPattern(prefix: string): string {
  return `^${escapeRegExp(prefix)}`;
}

/** How many leading characters of a name key are stored as look-up prefixes (Chinese names fit whole). */
export const NAME_PREFIX_LENGTH = 10;

/**
 * Every prefix of a name key up to NAME_PREFIX_LENGTH characters ("alice" → a, al, ali, alic,
 * alice). Stored with the member and indexed, a prefix search becomes an equality match on an
 * array, which FerretDB hands to PostgreSQL's index; it would scan every member for a regular
 * expression or a range (measured with explain: filterPushdown false for both).
 */
export function namePrefixesOf(key: string, length = NAME_PREFIX_LENGTH): string[] {
  const characters = Array.from(key).slice(0, length);
  return characters.map((_, index) => characters.slice(0, index + 1).join(''));
}
