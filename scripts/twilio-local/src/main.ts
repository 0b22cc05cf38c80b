// The local Twilio-compatible endpoint (development and tests only; never deployed):
//   node -r @swc-node/register scripts/twilio-local/src/main.ts
// scripts/infra starts it with the variables of config.ts. See docs/infra.md.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadConfig } from './config';
import { ControlApi } from './control-api';
import { DeliverySimulator } from './delivery-simulator';
import { FailureRules } from './failure-rules';
import { InboundSimulator } from './inbound-simulator';
import { MessageStore } from './message-store';
import { OpenApiDocument } from './openapi-document';
import { createEndpointServer } from './server';
import { MESSAGES_PATHS, TwilioMessagesApi } from './twilio-messages-api';

const OPENAPI_DIR = path.resolve(__dirname, '..', 'openapi');
const HOST = '127.0.0.1';

function log(line: string): void {
  process.stdout.write(`${new Date().toISOString()} ${line}\n`);
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const document = OpenApiDocument.load(path.join(OPENAPI_DIR, 'twilio_api_v2010.json'), MESSAGES_PATHS);
  const specSource = readFileSync(path.join(OPENAPI_DIR, 'SOURCE'), 'utf8').trim();

  const { store, skippedLines } = await MessageStore.open(config.TWILIO_LOCAL_DATA_DIR);
  if (skippedLines > 0) log(`skipped ${skippedLines} unreadable line(s) of ${config.TWILIO_LOCAL_DATA_DIR}/messages.jsonl`);
  const failures = new FailureRules();
  const delivery = new DeliverySimulator(store, {
    authToken: config.TWILIO_AUTH_TOKEN,
    concurrency: config.TWILIO_LOCAL_CALLBACK_CONCURRENCY,
    stepDelayMs: config.TWILIO_LOCAL_STEP_DELAY_MS,
    log,
  });
  const inbound = new InboundSimulator(store, delivery, config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN);
  const twilioApi = new TwilioMessagesApi({
    document,
    store,
    failures,
    delivery,
    accountSid: config.TWILIO_ACCOUNT_SID,
    authToken: config.TWILIO_AUTH_TOKEN,
    log,
  });
  const controlApi = new ControlApi({
    store,
    failures,
    inbound,
    accountSid: config.TWILIO_ACCOUNT_SID,
    specTitle: document.title,
    specSource,
    startedAt: new Date(),
  });
  const server = createEndpointServer(twilioApi, controlApi, log);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.TWILIO_LOCAL_PORT, HOST, resolve);
  });
  const resumed = delivery.resumeAll();
  log(
    `listening on http://${HOST}:${config.TWILIO_LOCAL_PORT} (account ${config.TWILIO_ACCOUNT_SID}, ${document.title} from ${specSource}); ` +
      `${store.size} message(s) in ${config.TWILIO_LOCAL_DATA_DIR}/messages.jsonl, ${resumed} resumed`,
  );

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    delivery.stop();
    server.closeAllConnections();
    server.close(() => {
      store.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  log(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
