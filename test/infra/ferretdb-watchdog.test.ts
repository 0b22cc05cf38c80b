// The FerretDB watchdog of scripts/infra on the real servers: FerretDB frozen with SIGSTOP
// (as it hangs under load, docs/adr/0004) is restarted by the watchdog alone, and the data
// written before is read back from the new server.
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { infraEnv, infraLog, localServerPid, processAlive, waitFor } from '@atrium/testing';

const PING_DEADLINE_MS = 2_000;

async function answersPing(url: string): Promise<boolean> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: PING_DEADLINE_MS, connectTimeoutMS: PING_DEADLINE_MS });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.db('admin').command({ ping: 1 }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('no answer')), PING_DEADLINE_MS);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    await client.close(true).catch(() => undefined);
  }
}

describe('the FerretDB watchdog', () => {
  const { mongoUrl } = infraEnv();
  const database = `atrium_test_watchdog_${randomUUID().slice(0, 8)}`;
  let frozen: number | undefined;

  afterAll(async () => {
    // Never leave a frozen server behind, whatever happened.
    if (frozen !== undefined && processAlive(frozen)) process.kill(frozen, 'SIGCONT');
    const client = new MongoClient(mongoUrl);
    await client.db(database).dropDatabase().catch(() => undefined);
    await client.close();
  });

  it('restarts a FerretDB that stops answering, and the data written before is there', async () => {
    const before = new MongoClient(mongoUrl);
    const marker = { _id: randomUUID(), writtenAt: new Date() };
    await before.db(database).collection<{ _id: string; writtenAt: Date }>('markers').insertOne(marker);
    await before.close();
    const logBefore = infraLog('watchdog').length;
    expect(processAlive(localServerPid('watchdog'))).toBe(true);

    frozen = localServerPid('ferretdb');
    process.kill(frozen, 'SIGSTOP');
    expect(await answersPing(mongoUrl)).toBe(false);

    const restarted = await waitFor('the watchdog to start a new FerretDB that answers', async () => {
      const pid = localServerPid('ferretdb');
      return pid !== frozen && (await answersPing(mongoUrl)) ? pid : undefined;
    }, 90_000, 500);
    expect(processAlive(frozen)).toBe(false);
    expect(processAlive(restarted)).toBe(true);

    // The restart logs its last line just after the new server answers.
    const logged = await waitFor('the watchdog to log the restart', () => {
      const text = infraLog('watchdog').slice(logBefore);
      return Promise.resolve(text.includes('restart of FerretDB exited with 0') ? text : undefined);
    }, 30_000, 200);
    expect(logged).toMatch(/FerretDB has not answered for \d+ s .*; restarting it/);
    expect(logged).toContain(`ferretdb restarted, pid ${restarted}`);

    const after = new MongoClient(mongoUrl);
    try {
      expect(await after.db(database).collection<{ _id: string; writtenAt: Date }>('markers').findOne({ _id: marker._id })).toMatchObject({ _id: marker._id });
    } finally {
      await after.close();
    }
  }, 150_000);
});
