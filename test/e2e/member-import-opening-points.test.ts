import { randomInt } from 'node:crypto';
import { waitFor, testPort } from '@atrium/testing';
import { startShopperStack, type ShopperStack } from './support/shopper-stack';

interface ImportAnswer {
  id: string;
  status: string;
  created: number;
  skipped: number;
}

interface Account {
  available: number;
  pending: number;
}

interface Entry {
  id: string;
  kind: string;
  deltas: Record<string, number>;
}

/**
 * A CSV import through the gateway, end to end on the real servers: the opening balance it
 * brings reaches the points ledger once (importing the same file again adds nothing), and
 * imported members get no welcome SMS unless the import asks for one.
 */
describe('member import: opening points and the welcome SMS', () => {
  const ports = { gateway: testPort(18250), member: testPort(13251), points: testPort(13252), sms: testPort(13254) };
  let stack: ShopperStack;
  let token: string;

  beforeAll(async () => {
    stack = await startShopperStack('import', ports, '+85230000002');
    const login = await call('POST', '/api/auth/login', JSON.stringify({ username: stack.admin.username, password: stack.admin.password }), 'application/json');
    token = ((await login.json()) as { accessToken: string }).accessToken;
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  function call(method: string, path: string, body?: string, contentType?: string): Promise<Response> {
    return fetch(`${stack.gateway}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(contentType ? { 'content-type': contentType } : {}) },
      body,
    });
  }

  async function json<T>(method: string, path: string): Promise<T> {
    const response = await call(method, path);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  async function importCsv(csv: string, query = ''): Promise<ImportAnswer> {
    const accepted = await call('POST', `/api/member/imports${query}`, csv, 'text/csv');
    expect(accepted.status).toBe(202);
    const { id } = (await accepted.json()) as ImportAnswer;
    return waitFor('the import to complete', async () => {
      const answer = await json<ImportAnswer>('GET', `/api/member/imports/${id}`);
      return answer.status === 'completed' ? answer : undefined;
    }, 90_000, 250);
  }

  const memberIdOf = async (e164: string) => (await json<{ items: { id: string }[] }>('GET', `/api/member/members?phone=${encodeURIComponent(e164)}`)).items[0].id;
  const entriesOf = (memberId: string) => json<Entry[]>('GET', `/api/points/ledger/members/${memberId}/entries`);

  async function smsTo(e164: string): Promise<string[]> {
    const listing = (await (await fetch(`${stack.twilio.apiBaseUrl}/_local/messages?to=${encodeURIComponent(e164)}`)).json()) as { messages: { message: { body: string } }[] };
    return listing.messages.map((entry) => entry.message.body);
  }

  const mobile = () => `136${String(randomInt(10_000_000, 99_999_999))}`;

  it('credits openingPoints 1500 once, as one ledger entry, and adds nothing when the file comes again', async () => {
    const phone = mobile();
    const csv = `phone,name,openingPoints\n${phone},陳大文,1500\n`;
    expect(await importCsv(csv)).toMatchObject({ created: 1, skipped: 0 });
    const memberId = await memberIdOf(`+86${phone}`);

    const account = await waitFor('the opening balance', async () => {
      const response = await call('GET', `/api/points/accounts/${memberId}`);
      if (response.status !== 200) return undefined;
      const found = (await response.json()) as Account;
      return found.available > 0 ? found : undefined;
    }, 60_000, 250);
    expect(account).toMatchObject({ available: 1500, pending: 0 });
    const entries = await entriesOf(memberId);
    expect(entries).toEqual([expect.objectContaining({ kind: 'opening', deltas: { available: 1500 } })]);
    expect(entries[0].id).toMatch(/^opening:/);

    // The same file again: the phone is a member's, so nothing is granted and nothing moves.
    expect(await importCsv(csv)).toMatchObject({ created: 0, skipped: 1 });
    const check = await json<{ mismatches: unknown[] }>('GET', `/api/points/ledger/check?memberId=${memberId}`);
    expect(check.mismatches).toEqual([]);
    expect(await json<Account>('GET', `/api/points/accounts/${memberId}`)).toMatchObject({ available: 1500 });
    expect(await entriesOf(memberId)).toHaveLength(1);
  }, 240_000);

  it('sends no welcome SMS to imported members unless the import asks for it', async () => {
    const quiet = mobile();
    const welcomed = mobile();
    expect(await importCsv(`phone,name\n${quiet},Quiet Import\n`)).toMatchObject({ created: 1 });
    expect(await importCsv(`phone,name\n${welcomed},Welcomed Import\n`, '?sendWelcome=true')).toMatchObject({ created: 1 });

    // The welcome asked for arrives; by then the earlier import's registration was consumed too.
    await waitFor('the welcome asked for', async () => ((await smsTo(`+86${welcomed}`)).length > 0 ? true : undefined), 60_000, 250);
    const quietId = await memberIdOf(`+86${quiet}`);
    // The SMS service has handled the quiet member's registration (its points account is open, so the event is out).
    await waitFor('the quiet member\'s account', async () => ((await call('GET', `/api/points/accounts/${quietId}`)).status === 200 ? true : undefined), 60_000, 250);
    expect(await smsTo(`+86${quiet}`)).toEqual([]);
  }, 240_000);

  it('refuses a sendWelcome that is not true or false, naming it, and imports nothing', async () => {
    const phone = mobile();
    const response = await call('POST', '/api/member/imports?sendWelcome=yes', `phone,name\n${phone},Bad Option\n`, 'text/csv');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { errors: { field: string }[] }).errors.map((error) => error.field)).toEqual(['sendWelcome']);
    expect((await json<{ items: unknown[] }>('GET', `/api/member/members?phone=${encodeURIComponent(`+86${phone}`)}`)).items).toEqual([]);
  });
});
