/**
 * The messages between the page and the data worker (data.worker.ts), and how errors cross it.
 * Pure and zod-free: imported by both sides and by unit tests.
 *
 * The page posts a DataRequest with a fresh id; the worker answers one DataResponse with the same id,
 * carrying either the value (plain data: Loaded<…> with its Problems, or a TileIndex) or a WireError.
 * Structured cloning keeps only `name` and `message` of an Error, so errors travel as plain objects and
 * are re-created on the page: a DataError with the same code, resource and status (hence the same
 * bilingual messages), any other error as an Error with the same name and message.
 */
import type { VintageId } from '../domain/types';
import { DataError, type DataErrorCode } from './data-error';

/** What the page can ask; `base` is an absolute URL ending with '/' (workers resolve URLs from their own). */
export type DataQuery =
  | { op: 'meta'; base: string }
  | { op: 'summaries'; base: string }
  | { op: 'year'; base: string; year: number }
  | { op: 'tile-index'; base: string; vintage: VintageId };

export type DataRequest = DataQuery & { id: number };

export type WireError =
  | {
      kind: 'data';
      code: DataErrorCode;
      resource: string;
      status?: number;
      /** The cause's message, if any (the cause itself may not be cloneable). */
      cause?: string;
    }
  | { kind: 'error'; name: string; message: string };

export type DataResponse =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };

const CODES: readonly DataErrorCode[] = ['network', 'http', 'json', 'shape', 'timeout'];

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  try {
    return String(e);
  } catch {
    return 'unknown error';
  }
}

/** An error as plain, cloneable data. */
export function toWireError(e: unknown): WireError {
  if (e instanceof DataError) {
    const wire: WireError = { kind: 'data', code: e.code, resource: e.resource };
    if (e.status !== undefined) wire.status = e.status;
    if (e.cause !== undefined) wire.cause = messageOf(e.cause);
    return wire;
  }
  if (e instanceof Error) return { kind: 'error', name: e.name, message: e.message };
  return { kind: 'error', name: 'Error', message: messageOf(e) };
}

/** The error again, on the page: a DataError for a DataError (same code, resource, status, messages). */
export function fromWireError(w: WireError): Error {
  if (w.kind === 'data' && CODES.includes(w.code)) {
    return new DataError(w.code, w.resource, {
      status: w.status,
      cause: w.cause === undefined ? undefined : new Error(w.cause),
    });
  }
  const error = new Error(w.kind === 'error' ? w.message : `invalid error from the data worker`);
  if (w.kind === 'error' && w.name && w.name !== 'Error') {
    Object.defineProperty(error, 'name', { value: w.name, configurable: true, writable: true });
  }
  return error;
}

/** Whether a message from the worker is a well-formed DataResponse (anything else is ignored). */
export function isDataResponse(m: unknown): m is DataResponse {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  if (typeof r.id !== 'number') return false;
  if (r.ok === true) return 'value' in r;
  return r.ok === false && typeof r.error === 'object' && r.error !== null;
}
