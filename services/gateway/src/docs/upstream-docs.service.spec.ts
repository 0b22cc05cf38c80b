import { addressedThroughGateway } from './upstream-docs.service';

describe('addressedThroughGateway', () => {
  it('points the document\'s servers at the gateway path of the service and keeps the rest', () => {
    const document = { openapi: '3.0.0', info: { title: 'points' }, servers: [{ url: 'http://127.0.0.1:3002' }], paths: { '/accounts/{memberId}': {} } };
    const addressed = addressedThroughGateway(document, 'points');
    expect(addressed).toMatchObject({ openapi: '3.0.0', info: { title: 'points' }, paths: { '/accounts/{memberId}': {} } });
    expect(addressed.servers).toEqual([{ url: '/api/points', description: 'The points service, through the gateway' }]);
  });
});
