import { issueTillKey, parseTillKey, secretMatches } from './till-api-key';

describe('till API keys', () => {
  it('issues a key whose id parses back and whose secret matches only its own hash', () => {
    const issued = issueTillKey();
    const parsed = parseTillKey(issued.apiKey);
    expect(parsed?.keyId).toBe(issued.keyId);
    expect(secretMatches(parsed?.secret ?? '', issued.secretHash)).toBe(true);
    expect(secretMatches(parsed?.secret ?? '', issueTillKey().secretHash)).toBe(false);
    expect(issued.apiKey).not.toContain(issued.secretHash);
  });

  it('rejects malformed keys', () => {
    expect(parseTillKey('')).toBeUndefined();
    expect(parseTillKey('atk_short_secret')).toBeUndefined();
    expect(parseTillKey(`xyz_${'a'.repeat(12)}_${'b'.repeat(43)}`)).toBeUndefined();
  });
});
