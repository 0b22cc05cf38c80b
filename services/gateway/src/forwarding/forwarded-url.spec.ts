import { parseForwardedUrl } from './forwarded-url';

describe('parseForwardedUrl', () => {
  it.each([
    ['/api/member/members', { service: 'member', path: '/members', search: '' }],
    ['/api/member/members/42?fields=name&x=%20', { service: 'member', path: '/members/42', search: '?fields=name&x=%20' }],
    ['/api/merchant-discount', { service: 'merchant-discount', path: '/', search: '' }],
    ['/api/merchant-discount?x=1', { service: 'merchant-discount', path: '/', search: '?x=1' }],
    ['/api/points/', { service: 'points', path: '/', search: '' }],
    ['/api/member/a%2Fb/c', { service: 'member', path: '/a%2Fb/c', search: '' }],
  ])('reads %s', (url, expected) => {
    expect(parseForwardedUrl(url)).toEqual(expected);
  });

  it.each(['/health/live', '/api', '/api/', '/apis/member/x', '/metrics'])('finds no service in %s', (url) => {
    expect(parseForwardedUrl(url)).toBeUndefined();
  });
});
