import { IDENTITY_SIGNATURE_WINDOW_MS, signIdentity, verifyIdentity, type SignedRequest } from './identity-signature';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const NOW = 1_800_000_000_000;
const request: SignedRequest = { method: 'POST', path: '/adjustments?x=1', staff: 'desk-amy', roles: 'desk' };

describe('the gateway identity signature', () => {
  it('verifies what it signed, within the window either way', () => {
    const header = signIdentity(SECRET, request, NOW);
    expect(verifyIdentity(SECRET, request, header, NOW)).toBe('valid');
    expect(verifyIdentity(SECRET, request, header, NOW + IDENTITY_SIGNATURE_WINDOW_MS)).toBe('valid');
    expect(verifyIdentity(SECRET, request, header, NOW - IDENTITY_SIGNATURE_WINDOW_MS)).toBe('valid');
  });

  it('refuses a missing, malformed or expired signature', () => {
    expect(verifyIdentity(SECRET, request, undefined, NOW)).toBe('missing');
    expect(verifyIdentity(SECRET, request, ' ', NOW)).toBe('missing');
    expect(verifyIdentity(SECRET, request, 'not-a-signature', NOW)).toBe('malformed');
    expect(verifyIdentity(SECRET, request, signIdentity(SECRET, request, NOW), NOW + IDENTITY_SIGNATURE_WINDOW_MS + 1)).toBe('expired');
  });

  it.each<[string, SignedRequest]>([
    ['another staff member', { ...request, staff: 'admin-bob' }],
    ['other roles', { ...request, roles: 'desk,admin' }],
    ['a shopper added', { ...request, shopper: 'M-1' }],
    ['another route', { ...request, path: '/adjustments?x=2' }],
    ['another method', { ...request, method: 'DELETE' }],
    ['another client address', { ...request, clientAddress: '10.0.0.9' }],
  ])('refuses a captured signature replayed for %s', (_case, changed) => {
    expect(verifyIdentity(SECRET, changed, signIdentity(SECRET, request, NOW), NOW)).toBe('forged');
  });

  it('refuses a signature made with another secret', () => {
    expect(verifyIdentity(SECRET, request, signIdentity('another-secret-of-thirty-two-characters', request, NOW), NOW)).toBe('forged');
  });
});
