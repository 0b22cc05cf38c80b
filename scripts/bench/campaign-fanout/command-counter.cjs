// Preloaded into the sms-campaign service by run.mjs (node -r), never by the service itself:
// turns on the MongoDB driver's command monitoring for every client the process connects and
// counts each command sent to the server (`commandStarted`), by command and collection
// (`update delivery_recipients`). One bulkWrite of 16 updates is one `update` command; the
// driver's own handshakes and heartbeats are not commands and are not counted.
// run.mjs asks for the cumulative counts over the IPC channel ({ benchCommandsDump: seq }).
'use strict';
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const { MongoClient } = require(require.resolve('mongodb', { paths: [ROOT] }));

const counts = Object.create(null);
const COUNTED = Symbol('benchCommandsCounted');
const connect = MongoClient.prototype.connect;
MongoClient.prototype.connect = function (...args) {
  // Read by every connection the client's pools open, which happens after connect.
  this.monitorCommands = true;
  if (!this[COUNTED]) {
    this[COUNTED] = true;
    this.on('commandStarted', (event) => {
      const target = event.command?.[event.commandName];
      const key = `${event.commandName}${typeof target === 'string' ? ` ${target}` : ''}`;
      counts[key] = (counts[key] ?? 0) + 1;
    });
  }
  return connect.apply(this, args);
};

if (process.send) {
  process.channel?.unref();
  process.on('message', (message) => {
    if (message && typeof message.benchCommandsDump === 'number') process.send({ benchCommands: true, seq: message.benchCommandsDump, counts: { ...counts } });
  });
}
