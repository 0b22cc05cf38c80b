import { BaseUrlRequestClient } from './base-url-request-client';

const sdkUri = 'https://api.twilio.com/2010-04-01/Accounts/ACxx/Messages.json?PageSize=20&To=%2B85291234567';

describe('BaseUrlRequestClient.rewrite', () => {
  it("replaces the SDK's Twilio origin with the base URL, keeping path and query", () => {
    expect(new BaseUrlRequestClient('http://127.0.0.1:4010').rewrite(sdkUri)).toBe(
      'http://127.0.0.1:4010/2010-04-01/Accounts/ACxx/Messages.json?PageSize=20&To=%2B85291234567',
    );
  });

  it('rewrites any Twilio host the SDK builds (edge and region hosts, other products)', () => {
    const client = new BaseUrlRequestClient('http://127.0.0.1:4010/');
    expect(client.rewrite('https://api.sydney.au1.twilio.com/2010-04-01/Accounts/ACxx/Messages/SMyy.json')).toBe(
      'http://127.0.0.1:4010/2010-04-01/Accounts/ACxx/Messages/SMyy.json',
    );
    expect(client.rewrite('https://messaging.twilio.com/v1/Services')).toBe('http://127.0.0.1:4010/v1/Services');
  });

  it('keeps a path prefix of the base URL', () => {
    expect(new BaseUrlRequestClient('https://sandbox.example.com/twilio/').rewrite(sdkUri)).toBe(
      'https://sandbox.example.com/twilio/2010-04-01/Accounts/ACxx/Messages.json?PageSize=20&To=%2B85291234567',
    );
  });

  it('leaves every request to Twilio when no base URL is configured (production)', () => {
    expect(new BaseUrlRequestClient(undefined).rewrite(sdkUri)).toBe(sdkUri);
    expect(new BaseUrlRequestClient('  ').rewrite(sdkUri)).toBe(sdkUri);
  });

  it('refuses a base URL that is not an http(s) URL without query', () => {
    expect(() => new BaseUrlRequestClient('ftp://127.0.0.1:4010')).toThrow("Twilio API base URL 'ftp://127.0.0.1:4010' must be http or https");
    expect(() => new BaseUrlRequestClient('not a url')).toThrow('is not a URL');
    expect(() => new BaseUrlRequestClient('http://h/?a=1')).toThrow('must not have a query or fragment');
  });
});
