import * as path from 'node:path';
import { OpenApiDocument } from './openapi-document';
import { MESSAGES_PATHS } from './twilio-messages-api';

const document = OpenApiDocument.load(path.join(__dirname, '..', 'openapi', 'twilio_api_v2010.json'), MESSAGES_PATHS);
const account = `AC${'0'.repeat(32)}`;

describe('OpenApiDocument (Twilio api v2010)', () => {
  it('matches request paths against the served templates and extracts their parameters', () => {
    expect(document.match(`/2010-04-01/Accounts/${account}/Messages.json`)).toEqual({
      template: '/2010-04-01/Accounts/{AccountSid}/Messages.json',
      pathParams: new Map([['AccountSid', [account]]]),
    });
    expect(document.match(`/2010-04-01/Accounts/${account}/Messages/SM${'1'.repeat(32)}.json`)?.pathParams.get('Sid')).toEqual([`SM${'1'.repeat(32)}`]);
    expect(document.match(`/2010-04-01/Accounts/${account}/Calls.json`)).toBeUndefined();
    expect(document.match(`/2010-04-01/Accounts/${account}/Messages.json/extra`)).toBeUndefined();
  });

  it('gives the five Messages operations with their parameter schemas', () => {
    expect(document.operationById('CreateMessage')).toEqual(
      expect.objectContaining({ method: 'post', pathTemplate: '/2010-04-01/Accounts/{AccountSid}/Messages.json' }),
    );
    expect(document.operationById('FetchMessage').pathSchema.required).toEqual(['AccountSid', 'Sid']);
    expect(Object.keys(document.operationById('ListMessage').querySchema.properties ?? {})).toEqual(
      expect.arrayContaining(['To', 'From', 'DateSent', 'DateSent<', 'DateSent>', 'PageSize', 'Page', 'PageToken']),
    );
    expect(document.operationById('UpdateMessage').formSchema?.properties?.Status?.enum).toEqual(['canceled']);
    expect(document.operationById('DeleteMessage').method).toBe('delete');
  });

  it('resolves $refs of the request schema (enums of components)', () => {
    const schema = document.operationById('CreateMessage').formSchema;
    expect(schema?.required).toEqual(['To']);
    expect(schema?.properties?.ContentRetention).toEqual({ type: 'string', enum: ['retain', 'discard'] });
  });

  it('refuses to serve a path the document does not have', () => {
    expect(() => OpenApiDocument.fromJson({ paths: {} }, ['/nowhere.json'])).toThrow('the OpenAPI document has no path /nowhere.json');
  });
});
