/**
 * Issue 20, item 2: locking a year and writing into it exclude each other. Two API connections race as
 * a district editor and a province editor would through PostgREST: whichever comes second waits (or,
 * under REPEATABLE READ, fails), and no write ever lands in a locked year.
 *
 * These tests commit (a race needs it); each restores what it committed in `finally` (the db suite runs
 * its files one at a time).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type pg from 'pg';
import { apiSettings, connect } from '../../supabase/tools/embedded-db';
import { PROVINCE_EDITOR, districtEditor, registerUser, useClients, type Claims } from './helpers';

const db = useClients();
const EDITOR_105 = districtEditor('105');
const SAN_THANG = '03409'; // xã of district 105 (2020 vintage)
const YEAR = 2022;

let writer: pg.Client;
let locker: pg.Client;

beforeAll(async () => {
  writer = connect(apiSettings(inject('pgDb')));
  locker = connect(apiSettings(inject('pgDb')));
  await Promise.all([writer.connect(), locker.connect()]);
  await registerUser(db.admin, EDITOR_105);
  await registerUser(db.admin, PROVINCE_EDITOR);
});
afterAll(async () => {
  await Promise.all([writer?.end(), locker?.end()]);
});

async function begin(client: pg.Client, claims: Claims, isolation = 'read committed') {
  await client.query(`begin isolation level ${isolation}`);
  await client.query(`set local role ${claims.role}`);
  await client.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)]);
}

const pid = async (client: pg.Client) =>
  (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;

/** True once the backend waits for a lock (polls up to ~10 s; false if it never does). */
async function waitsForLock(backend: number): Promise<boolean> {
  for (let i = 0; i < 200; i++) {
    const r = await db.admin.query<{ w: string | null }>(
      'select wait_event_type as w from pg_stat_activity where pid = $1',
      [backend],
    );
    if (r.rows[0]?.w === 'Lock') return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/** Settles a pending query into ok / SQLSTATE, so a rejection is a value to assert. */
const settle = (p: Promise<unknown>) =>
  p.then(
    () => ({ ok: true as const }),
    (e: { code?: string; message: string }) => ({ ok: false as const, code: e.code, message: e.message }),
  );

const sanThang = async () =>
  (
    await db.admin.query(
      `select to_jsonb(a) as row from public.unit_assessment a where vintage = '2020' and unit_code = $1 and year = $2`,
      [SAN_THANG, YEAR],
    )
  ).rows[0]?.row;

const maxAuditId = async () =>
  Number(
    (await db.admin.query<{ id: string }>('select coalesce(max(id), 0) as id from public.audit_log')).rows[0]!
      .id,
  );

/** Undoes a committed lock of YEAR and the audit rows written since `auditFrom`, as the owner. */
async function cleanUp(auditFrom: number) {
  await db.admin.query('rollback').catch(() => undefined);
  await db.admin.query('delete from public.closed_year where year = $1', [YEAR]);
  await db.admin.query('delete from public.audit_log where id > $1', [auditFrom]);
}

const UPDATE = `update public.unit_assessment set source = 'Báo cáo muộn' where unit_code = '${SAN_THANG}' and year = ${YEAR}`;
const LOCK = `insert into public.closed_year (year, note) values (${YEAR}, 'Đã tổng kết')`;

describe('a lock and a write of the same year exclude each other', () => {
  it('a write in flight: the lock waits until the write ends', async () => {
    await begin(writer, EDITOR_105);
    try {
      expect((await writer.query(UPDATE)).rowCount).toBe(1);
      await begin(locker, PROVINCE_EDITOR);
      const lockerPid = await pid(locker);
      const lock = settle(locker.query(LOCK));
      expect(await waitsForLock(lockerPid)).toBe(true);
      // Still open: the year is not locked yet, so the writer may go on writing it.
      expect((await writer.query(UPDATE)).rowCount).toBe(1);
      await writer.query('rollback');
      expect(await lock).toEqual({ ok: true });
    } finally {
      await writer.query('rollback').catch(() => undefined);
      await locker.query('rollback').catch(() => undefined);
    }
  });

  it('a lock in flight: the write waits, and fails once the lock commits', async () => {
    const before = await sanThang();
    const auditFrom = await maxAuditId();
    try {
      await begin(locker, PROVINCE_EDITOR);
      await locker.query(LOCK);
      await begin(writer, EDITOR_105);
      const writerPid = await pid(writer);
      const write = settle(writer.query(UPDATE));
      expect(await waitsForLock(writerPid)).toBe(true);
      await locker.query('commit');
      const outcome = await write;
      expect(outcome).toMatchObject({
        ok: false,
        code: '55000',
        message: expect.stringContaining('Năm 2022 đã khóa sổ'),
      });
      await writer.query('rollback');
      expect(await sanThang()).toEqual(before);
    } finally {
      await writer.query('rollback').catch(() => undefined);
      await locker.query('rollback').catch(() => undefined);
      await cleanUp(auditFrom);
    }
  });

  it('under REPEATABLE READ, a write whose snapshot predates the lock fails instead of landing', async () => {
    const before = await sanThang();
    const auditFrom = await maxAuditId();
    try {
      await begin(writer, EDITOR_105, 'repeatable read');
      await writer.query('select count(*) from public.unit_assessment'); // the snapshot is taken here
      await begin(locker, PROVINCE_EDITOR);
      await locker.query(LOCK);
      await locker.query('commit');
      const outcome = await settle(writer.query(UPDATE));
      expect(outcome).toMatchObject({ ok: false, code: '40001' });
      await writer.query('rollback');
      expect(await sanThang()).toEqual(before);
    } finally {
      await writer.query('rollback').catch(() => undefined);
      await locker.query('rollback').catch(() => undefined);
      await cleanUp(auditFrom);
    }
  });

  it('the import in flight and a lock: the import waits, then fails as a whole', async () => {
    const before = await sanThang();
    const auditFrom = await maxAuditId();
    try {
      await begin(locker, PROVINCE_EDITOR);
      await locker.query(LOCK);
      await begin(writer, EDITOR_105);
      const writerPid = await pid(writer);
      const write = settle(
        writer.query(`select public.import_assessments($1, $2::json, $3::json)`, [
          YEAR,
          JSON.stringify([
            { row: 2, code: SAN_THANG, criteria_met: [1], criteria_missing: [], tier: 'chua_dat' },
          ]),
          JSON.stringify({ source: 'Báo cáo muộn' }),
        ]),
      );
      expect(await waitsForLock(writerPid)).toBe(true);
      await locker.query('commit');
      expect(await write).toMatchObject({
        ok: false,
        code: '55000',
        message: expect.stringContaining('đã khóa sổ'),
      });
      await writer.query('rollback');
      expect(await sanThang()).toEqual(before);
    } finally {
      await writer.query('rollback').catch(() => undefined);
      await locker.query('rollback').catch(() => undefined);
      await cleanUp(auditFrom);
    }
  });

  it('writes to an open year do not wait for each other', async () => {
    const other = (
      await db.admin.query<{ code: string }>(
        `select code from public.admin_unit where vintage = '2020' and district_code = '105' and code <> $1
         and kind = 'xa' order by code limit 1`,
        [SAN_THANG],
      )
    ).rows[0]!.code;
    try {
      // Another editor of the district (one editor's own writes queue on their rate-limit row).
      const colleague = districtEditor('105', '106');
      await registerUser(db.admin, colleague);
      await begin(writer, EDITOR_105);
      await begin(locker, colleague);
      expect((await writer.query(UPDATE)).rowCount).toBe(1);
      // Would hang (and time out) if writers took the year's lock exclusively.
      const r = await locker.query(
        `update public.unit_assessment set source = 'Khác' where unit_code = $1 and year = ${YEAR}`,
        [other],
      );
      expect(r.rowCount).toBe(1);
    } finally {
      await writer.query('rollback').catch(() => undefined);
      await locker.query('rollback').catch(() => undefined);
    }
  });
});
