import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { infraEnv } from '@atrium/testing';
import { chunkedBulkWrite, findEachById, findEachByField, STATEMENTS_PER_COMMAND } from '../src';

/**
 * On the real FerretDB: many-document reads and writes in the shapes it runs well. The bulk
 * write is many times larger than one command may carry; sent whole it would take FerretDB's
 * whole connection pool and hang every service (docs/adr/0004), so this test never sends it so.
 */
describe('document batches on the real FerretDB', () => {
  const env = infraEnv();
  const mongo = new MongoClient(env.mongoUrl, { maxPoolSize: 20 });
  const databaseName = `atrium_test_batches_${randomUUID().slice(0, 8)}`;
  const members = () => mongo.db(databaseName).collection<{ _id: string; phone: string; cards: string[]; n: number }>('members');
  const COUNT = 10 * STATEMENTS_PER_COMMAND + 3;

  beforeAll(async () => {
    await members().insertMany(Array.from({ length: COUNT }, (_, i) => ({ _id: `m${i}`, phone: `+8613800${String(i).padStart(6, '0')}`, cards: [`C${i}`], n: 0 })));
  });

  afterAll(async () => {
    await mongo.db(databaseName).dropDatabase();
    await mongo.close();
  });

  it('applies every operation of a bulk write much larger than one command, and sums what it did', async () => {
    const operations = Array.from({ length: COUNT }, (_, i) => ({ updateOne: { filter: { _id: `m${i}` }, update: { $inc: { n: 1 } } } }));
    const result = await chunkedBulkWrite(members(), [...operations, { updateOne: { filter: { _id: 'absent' }, update: { $inc: { n: 1 } } } }], { ordered: false });
    expect(result).toMatchObject({ matchedCount: COUNT, modifiedCount: COUNT, upsertedCount: 0 });
    expect(await members().countDocuments({ n: 1 })).toBe(COUNT);
  });

  it('finds documents by id and by field, leaving out the missing and asking duplicates once', async () => {
    const byId = await findEachById(members(), ['m3', 'm3', 'nobody', `m${COUNT - 1}`], { projection: { phone: 1 } });
    expect([...byId.keys()].sort()).toEqual(['m3', `m${COUNT - 1}`].sort());
    expect(byId.get('m3')).toEqual({ _id: 'm3', phone: '+8613800000003' });

    const byCard = await findEachByField(members(), 'cards', ['C7', 'C-none']);
    expect([...byCard].map(([card, member]) => [card, member._id])).toEqual([['C7', 'm7']]);
  });

  it('is answered from an index for the equality look-ups it sends (GIN twins of scripts/infra)', async () => {
    // FerretDB's own btree indexes cannot answer its `@>` equality; scripts/infra gives each a
    // GIN twin (infra.d/postgres/gin-twins.sql). Without them every look-up here is a table scan.
    // Enough records that PostgreSQL's planner prefers an index to reading the table.
    // A compound index is twinned on its first field (a member's entries by memberId).
    const people = mongo.db(databaseName).collection<{ _id: string; phone: string; household: string; since: number }>('people');
    await people.createIndex({ phone: 1 });
    await people.createIndex({ household: 1, since: 1 });
    await people.insertMany(Array.from({ length: 20_000 }, (_, i) => ({ _id: `p${i}`, phone: `+8613900${String(i).padStart(6, '0')}`, household: `h${i % 5_000}`, since: i })));
    for (const filter of [{ _id: 'p7' }, { phone: '+8613900000007' }, { household: 'h7' }]) {
      const plan = (await mongo.db(databaseName).command({ explain: { find: 'people', filter, limit: 1 } })) as { queryPlanner?: { Plan?: Record<string, unknown> } };
      expect(JSON.stringify(plan.queryPlanner?.Plan)).toMatch(/Bitmap Index Scan/);
    }
  });

  it('stops an ordered bulk write at the first failing command, and reports the failure of an unordered one after the rest', async () => {
    const fresh = mongo.db(databaseName).collection<{ _id: string }>(`inserts_${randomUUID().slice(0, 8)}`);
    const inserts = (ids: string[]) => ids.map((id) => ({ insertOne: { document: { _id: id } } }));
    const firstChunk = Array.from({ length: STATEMENTS_PER_COMMAND }, (_, i) => `a${i}`);
    await fresh.insertOne({ _id: 'a0' });
    await expect(chunkedBulkWrite(fresh, inserts([...firstChunk, 'b0']), { ordered: true })).rejects.toMatchObject({ code: 11000 });
    expect(await fresh.countDocuments({ _id: 'b0' })).toBe(0);
    await expect(chunkedBulkWrite(fresh, inserts([...firstChunk, 'b1']), { ordered: false })).rejects.toMatchObject({ code: 11000 });
    expect(await fresh.countDocuments({ _id: 'b1' })).toBe(1);
  });
});
