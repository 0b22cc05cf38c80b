#!/usr/bin/env node
// Health probe of the local Twilio-compatible endpoint for scripts/infra: asks its control API
// (GET /_local/health) and prints one JSON line:
//   {"name":"twilio","ok":true,"where":"http://127.0.0.1:4010","spec":"Twilio - Api 1.0.0","messages":3,"ms":4}
//
// Usage: node probe.cjs --url BASE_URL [--wait-ms N]
//   --wait-ms N   keep asking until it answers or N ms have passed (default 0: one attempt);
//                 `scripts/infra up` waits this way for an endpoint it has just started.
// Exit code: 0 when it answered, 1 otherwise.
'use strict';

function parseArgs(argv) {
  const out = { waitMs: 0, url: '' };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--url') out.url = argv[i + 1];
    else if (argv[i] === '--wait-ms') out.waitMs = Number(argv[i + 1]);
    else throw new Error(`probe: unknown argument ${argv[i]}`);
  }
  if (!out.url) throw new Error('probe: --url is required');
  return out;
}

async function ask(base) {
  const response = await fetch(new URL('/_local/health', base), { signal: AbortSignal.timeout(2000) });
  if (response.status !== 200) throw new Error(`GET /_local/health answered HTTP ${response.status}`);
  const health = await response.json();
  if (health.ok !== true) throw new Error('GET /_local/health did not answer ok');
  return health;
}

async function main() {
  const { url, waitMs } = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  let lastError;
  for (;;) {
    try {
      const health = await ask(url);
      const line = { name: 'twilio', ok: true, where: url, spec: health.spec, specSource: health.specSource, accountSid: health.accountSid, messages: health.messages, ms: Date.now() - t0 };
      process.stdout.write(`${JSON.stringify(line)}\n`);
      return 0;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() - t0 >= waitMs) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const message = lastError && lastError.cause ? `${lastError.message}: ${lastError.cause.message}` : String(lastError && lastError.message);
  process.stdout.write(`${JSON.stringify({ name: 'twilio', ok: false, where: url, error: message, ms: Date.now() - t0 })}\n`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  },
);
