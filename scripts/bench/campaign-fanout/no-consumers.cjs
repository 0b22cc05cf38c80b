// Preloaded into the bench's sms-campaign service (node -r), never by the service itself: its
// Kafka consumers do not start. Why: the member events topic is shared, and a consuming bench
// service would answer other runs' registrations and verification codes (tests, the shopper
// e2e) with welcomes and codes of its own, sent from the bench to their phones, and break their
// exact message counts at the local Twilio endpoint. The bench measures campaigns, which read
// only the projection the bench seeds. Everything else (outbox relay, queues, HTTP) runs as usual.
'use strict';
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const { KafkaEventServer } = require(require.resolve('@atrium/messaging', { paths: [ROOT] }));

if (typeof KafkaEventServer?.prototype?.listen !== 'function') {
  // The messaging lib changed: refuse to run rather than consume the shared topics.
  throw new Error('campaign-fanout/no-consumers.cjs: @atrium/messaging exports no KafkaEventServer with listen(); update the bench');
}
KafkaEventServer.prototype.listen = function listen(callback) {
  callback();
};
