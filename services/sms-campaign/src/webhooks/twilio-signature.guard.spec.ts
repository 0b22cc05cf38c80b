import { publicUrlOf } from './twilio-signature.guard';

describe('publicUrlOf: the URL Twilio signed, from the route the gateway forwarded to', () => {
  it.each([
    ['/twilio/status', 'https://atrium.example/api/webhooks/twilio/status'],
    ['/twilio/inbound', 'https://atrium.example/api/webhooks/twilio/inbound'],
    ['/twilio/status?campaign=c-1&x=%2B852', 'https://atrium.example/api/webhooks/twilio/status?campaign=c-1&x=%2B852'],
  ])('%s → %s', (originalUrl, expected) => {
    expect(publicUrlOf(originalUrl, 'https://atrium.example/api/webhooks/twilio')).toBe(expected);
  });
});
