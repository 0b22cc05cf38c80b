import { signedRequestOf, verifyIdentity } from '@atrium/staff-identity';
import { IdentitySigner } from './identity-signer';

const SECRET = 'a-gateway-identity-secret-of-32-characters';

describe('the gateway identity signer', () => {
  const signer = new IdentitySigner(SECRET);

  it('signs the identity headers it sets, as a service reads them back', () => {
    const headers = signer.headersFor('POST', '/verification-codes?x=1', { shopper: 'M-1', clientAddress: '10.0.0.7' });
    expect(headers).toMatchObject({ 'x-atrium-shopper': 'M-1', 'x-atrium-client-address': '10.0.0.7' });
    expect(headers['x-atrium-staff']).toBeUndefined();
    expect(verifyIdentity(SECRET, signedRequestOf('POST', '/verification-codes?x=1', headers), headers['x-atrium-identity'])).toBe('valid');
  });

  it('makes a signature that is worthless once a header is added or the route changes', () => {
    const headers = signer.headersFor('GET', '/members/1', { staff: 'desk-amy', roles: 'desk' });
    const signature = headers['x-atrium-identity'];
    expect(verifyIdentity(SECRET, signedRequestOf('GET', '/members/1', { ...headers, 'x-atrium-roles': 'admin' }), signature)).toBe('forged');
    expect(verifyIdentity(SECRET, signedRequestOf('GET', '/members/2', headers), signature)).toBe('forged');
    expect(verifyIdentity('another-secret-of-at-least-32-characters', signedRequestOf('GET', '/members/1', headers), signature)).toBe('forged');
  });
});
