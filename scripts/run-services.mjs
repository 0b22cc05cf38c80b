#!/usr/bin/env node
// Runs every Atrium service from its build (services/*/dist), each as its own process like in
// production, waits until each answers /health/ready, loads the demo data, prints the URLs,
// and stops them all on Ctrl-C. Logs go to .infra/logs/<service>.log (JSON, personal data
// masked). Infrastructure comes from .infra/env (scripts/infra up) or the environment.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemoData } from './seed-demo.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const logs = join(root, '.infra', 'logs');
mkdirSync(logs, { recursive: true });

function infraEnv() {
  const file = join(root, '.infra', 'env');
  const fromFile = {};
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
      if (match) fromFile[match[1]] = match[2];
    }
  }
  const pick = (name) => process.env[name] || fromFile[name];
  const env = { KAFKA_BROKERS: pick('KAFKA_BROKERS'), MONGO_URL: pick('MONGO_URL'), REDIS_URL: pick('REDIS_URL') };
  for (const [name, value] of Object.entries(env)) {
    if (!value) throw new Error(`${name} is not set and .infra/env does not say it: run "scripts/infra up" first`);
  }
  // The local Twilio endpoint (development only): the SMS service sends there instead of Twilio.
  for (const name of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_API_BASE_URL']) {
    if (pick(name)) env[name] = pick(name);
  }
  return env;
}

/** A development-only secret, made once per checkout in .infra/<file>, unless the variable is given. */
function devSecret(variable, file) {
  if (process.env[variable]) return process.env[variable];
  const path = join(root, '.infra', file);
  if (!existsSync(path)) writeFileSync(path, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(path, 'utf8').trim();
}

const admin = {
  username: process.env.ATRIUM_ADMIN_USERNAME || 'admin',
  password: process.env.ATRIUM_ADMIN_PASSWORD || 'atrium-admin',
};
const gatewayPort = Number(process.env.GATEWAY_PORT || 8080);
const services = [
  { name: 'member', port: 3001 },
  { name: 'points', port: 3002 },
  { name: 'merchant-discount', port: 3003 },
  { name: 'sms-campaign', port: 3004 },
  { name: 'outreach', port: 3005 },
  { name: 'gateway', port: gatewayPort },
];
const upstreams = Object.fromEntries(
  services.filter((s) => s.name !== 'gateway').map((s) => [`${s.name.toUpperCase().replace(/-/g, '_')}_SERVICE_URL`, `http://127.0.0.1:${s.port}`]),
);

// Development sender and webhook address: Twilio's callbacks reach the SMS service through the gateway.
const smsEnv = {
  TWILIO_FROM: process.env.TWILIO_FROM || '+85230000000',
  TWILIO_WEBHOOK_BASE_URL: process.env.TWILIO_WEBHOOK_BASE_URL || `http://127.0.0.1:${gatewayPort}/api/webhooks/twilio`,
};

// The gateway signs its identity headers with it and every service verifies them: one value for all.
const shared = {
  ...process.env,
  ...infraEnv(),
  HTTP_HOST: '127.0.0.1',
  LOG_LEVEL: process.env.LOG_LEVEL || 'info',
  ATRIUM_IDENTITY_SECRET: devSecret('ATRIUM_IDENTITY_SECRET', 'dev-identity-secret'),
};
const children = [];
let stopping = false;

function start(service) {
  const entry = join(root, 'services', service.name, 'dist', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first`);
  const env =
    service.name === 'gateway'
      ? { ...shared, ...upstreams, GATEWAY_PORT: String(service.port), JWT_SECRET: devSecret('JWT_SECRET', 'dev-jwt-secret'), ATRIUM_ADMIN_USERNAME: admin.username, ATRIUM_ADMIN_PASSWORD: admin.password }
      : { ...shared, ...(service.name === 'sms-campaign' ? smsEnv : {}), HTTP_PORT: String(service.port) };
  const log = createWriteStream(join(logs, `${service.name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, [entry], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`\n${service.name} stopped (${signal ?? `exit ${code}`}); its log: .infra/logs/${service.name}.log`);
    stopAll(1);
  });
  children.push(child);
}

async function waitReady(service, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  const url = `http://127.0.0.1:${service.port}/health/ready`;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${service.name} was not ready within ${timeoutMs / 1000} s; see .infra/logs/${service.name}.log`);
}

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3_000).unref();
  Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null))).then(() => process.exit(code));
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

try {
  for (const service of services) start(service);
  await Promise.all(services.map((service) => waitReady(service)));
  const gateway = `http://127.0.0.1:${gatewayPort}`;
  const seeded = await seedDemoData(gateway, admin);
  console.log(`
Atrium is running.

  Gateway (staff API)   ${gateway}/api
  API documentation     ${gateway}/api/docs
  Log in                POST ${gateway}/api/auth/login  {"username":"${admin.username}","password":"${admin.password}"}
  Demo staff            ${seeded.staff.map((s) => `${s.username}/${s.password} (${s.roles.join(',')})`).join(', ')}
  Demo members          ${seeded.members} registered
  Demo tenants          ${seeded.tenants} in the directory (merchant-discount), learnt by points from their events

  Services (health, metrics, OpenAPI at /docs):
${services.map((s) => `    ${s.name.padEnd(18)} http://127.0.0.1:${s.port}   /health/ready  /metrics`).join('\n')}

  Logs: .infra/logs/<service>.log    Infrastructure: scripts/infra status
  Ctrl-C stops the services (scripts/infra down stops Kafka, FerretDB and Redis).
`);
} catch (error) {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  stopAll(1);
}
