-- GIN twins of FerretDB's indexes (run in database ferretdb by scripts/infra).
--
-- FerretDB v1 (PostgreSQL handler) sends an equality filter as `(_jsonb -> 'f') @> '"v"'` but
-- creates each index as a btree on `(_jsonb -> 'f')`, and a btree cannot answer `@>`: every
-- find, `_id` included, scans the whole table (measured: findOne by `_id` 237 ms at 100,000
-- members; with a GIN jsonb_path_ops index on the same expression, 9 ms). This event trigger
-- gives every such btree index a GIN twin as FerretDB creates it; the block at the end adds
-- twins to indexes made before it existed. A compound index is twinned on its first field, the
-- one its queries name by equality (a member's ledger entries: `memberId`, without a twin a
-- scan of the whole ledger, 470 ms a member at 1,000,000 entries); one twin per field and table.
-- See docs/adr/0004.

CREATE OR REPLACE FUNCTION atrium_gin_twin_of(index_oid oid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  field text;
BEGIN
  field := substring(pg_get_indexdef(index_oid) FROM 'USING btree \(\(\(_jsonb -> ''([^'']+)''::text\)\)');
  IF field IS NULL THEN
    RETURN;
  END IF;
  -- A single-field and a compound index on the same first field need one twin between them.
  IF EXISTS (
    SELECT 1 FROM pg_index other
    WHERE other.indrelid = (SELECT indrelid FROM pg_index WHERE indexrelid = index_oid)
      AND pg_get_indexdef(other.indexrelid) LIKE '%USING gin (((_jsonb -> ' || quote_literal(field) || '::text)) jsonb_path_ops)%'
  ) THEN
    RETURN;
  END IF;
  EXECUTE format(
    'CREATE INDEX IF NOT EXISTS %I ON %s USING gin ((_jsonb -> %L) jsonb_path_ops) WITH (fastupdate = off)',
    left((SELECT relname FROM pg_class WHERE oid = index_oid), 59) || '_gin',
    (SELECT indrelid::regclass FROM pg_index WHERE indexrelid = index_oid),
    field);
EXCEPTION WHEN OTHERS THEN
  -- A twin is an optimisation: it must never make FerretDB's own index creation fail.
  RAISE WARNING 'atrium: no GIN twin for index %: %', index_oid, SQLERRM;
END $$;

CREATE OR REPLACE FUNCTION atrium_gin_twin() RETURNS event_trigger LANGUAGE plpgsql AS $$
DECLARE
  command record;
BEGIN
  FOR command IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE command_tag = 'CREATE INDEX' AND object_type = 'index' LOOP
    PERFORM atrium_gin_twin_of(command.objid);
  END LOOP;
END $$;

DROP EVENT TRIGGER IF EXISTS atrium_gin_twin;
CREATE EVENT TRIGGER atrium_gin_twin ON ddl_command_end WHEN TAG IN ('CREATE INDEX') EXECUTE FUNCTION atrium_gin_twin();

DO $$
DECLARE
  existing record;
BEGIN
  FOR existing IN
    SELECT i.indexrelid
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND c.relname NOT LIKE '%\_gin' AND pg_get_indexdef(i.indexrelid) LIKE '%USING btree (((_jsonb -> %'
  LOOP
    PERFORM atrium_gin_twin_of(existing.indexrelid);
  END LOOP;
END $$;
