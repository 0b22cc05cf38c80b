// scripts/infra and the local Twilio-compatible endpoint it starts (development and tests only).
// The integration project's global setup has run `scripts/infra up`.
import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { infraDir } from '@atrium/testing';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const INFRA = path.join(ROOT, 'scripts', 'infra');

/** The variables `scripts/infra env` prints (what .infra/env holds). */
async function infraEnvVars(): Promise<Map<string, string>> {
  const { stdout } = await run('bash', [INFRA, 'env'], { cwd: ROOT, env: process.env, timeout: 30_000 });
  const vars = new Map<string, string>();
  for (const match of stdout.matchAll(/^export ([A-Z_]+)=(.*)$/gm)) vars.set(match[1], match[2]);
  return vars;
}

describe('scripts/infra: the local Twilio endpoint', () => {
  it('writes TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_API_BASE_URL to .infra/env, as `env` prints them', async () => {
    const vars = await infraEnvVars();
    expect(vars.get('TWILIO_ACCOUNT_SID')).toMatch(/^AC[0-9a-f]{32}$/);
    expect(vars.get('TWILIO_AUTH_TOKEN')).toMatch(/^[0-9a-f]{32}$/);
    expect(vars.get('TWILIO_API_BASE_URL')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const file = readFileSync(path.join(infraDir(), 'env'), 'utf8');
    for (const name of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_API_BASE_URL']) {
      expect(file).toContain(`${name}=${vars.get(name) ?? '?'}\n`);
    }
  });

  it('status lists it as up, answering on loopback, with the account it accepts', async () => {
    // `status` exits 1 when any server is down; this test is about the twilio line only.
    const stdout = await run('bash', [INFRA, 'status'], { cwd: ROOT, env: process.env, timeout: 45_000 }).then(
      (result) => result.stdout,
      (error: { stdout?: string }) => error.stdout ?? '',
    );
    const line = stdout.split('\n').find((l) => l.startsWith('twilio '));
    const vars = await infraEnvVars();
    expect(line).toMatch(/^twilio\s+up\s+http:\/\/127\.0\.0\.1:\d+\s+local Twilio endpoint, Twilio - Api/);
    expect(line).toContain(`account ${vars.get('TWILIO_ACCOUNT_SID') ?? '?'}`);
  });

  it('keeps its record of messages across `scripts/infra restart twilio`', async () => {
    const vars = await infraEnvVars();
    const base = vars.get('TWILIO_API_BASE_URL') ?? '';
    const sid = vars.get('TWILIO_ACCOUNT_SID') ?? '';
    const to = `+8526${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
    const created = await fetch(`${base}/2010-04-01/Accounts/${sid}/Messages.json`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${sid}:${vars.get('TWILIO_AUTH_TOKEN') ?? ''}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ To: to, From: '+85230001234', Body: 'kept across a restart' }).toString(),
    });
    expect(created.status).toBe(201);
    const { sid: messageSid } = (await created.json()) as { sid: string };
    const startedAt = async (): Promise<string> => ((await (await fetch(`${base}/_local/health`)).json()) as { startedAt: string }).startedAt;
    const before = await startedAt();

    const { stdout } = await run('bash', [INFRA, 'restart', 'twilio'], { cwd: ROOT, env: process.env, timeout: 60_000 });
    expect(stdout).toMatch(/twilio restarted, pid \d+/);

    expect(await startedAt()).not.toBe(before);
    const record = (await (await fetch(`${base}/_local/messages?to=${encodeURIComponent(to)}`)).json()) as { messages: Array<{ message: { sid: string; body: string } }> };
    expect(record.messages.map((m) => [m.message.sid, m.message.body])).toEqual([[messageSid, 'kept across a restart']]);
  });
});
