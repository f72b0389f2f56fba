// Decrypts a database file and its WAL page by page, outside SQLite, so a test can search the bytes
// of every page — free pages, free space inside pages and stale WAL frames included — for plaintext
// that should be gone. SQLite (or PRAGMA rekey = '') reads only what the b-trees reach, and SQLite3
// Multiple Ciphers' rekey to plaintext rewrites the file without its free pages, so neither can
// prove an erased value is not still lying in the file.
//
// The format is SQLCipher v4 with a raw 32-byte key (open-database.ts: cipher 'sqlcipher', legacy 4):
// every page is AES-256-CBC over its first pageSize - 80 bytes, then a 16-byte IV and a 64-byte
// HMAC-SHA512; page 1 starts with the file's 16-byte salt in place of "SQLite format 3\0".
import crypto from 'node:crypto';
import fs from 'node:fs';

const RESERVE = 80;
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

function decryptPage(key: Buffer, page: Buffer, pageNo: number): Buffer {
  const start = pageNo === 1 ? 16 : 0;
  const end = page.length - RESERVE;
  const decipher = crypto.createDecipheriv('aes-256-cbc', key, page.subarray(end, end + 16));
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(page.subarray(start, end)), decipher.final()]);
}

/** Every page of the database file, decrypted, concatenated. */
export function plaintextOfDatabase(file: string, key: Buffer, pageSize: number): Buffer {
  const bytes = fs.readFileSync(file);
  if (bytes.length % pageSize !== 0) throw new Error(`${file} is not a whole number of pages`);
  const pages: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += pageSize)
    pages.push(decryptPage(key, bytes.subarray(offset, offset + pageSize), offset / pageSize + 1));
  return Buffer.concat(pages);
}

/** Every frame of a WAL file (valid or stale), decrypted, concatenated; empty for an empty WAL. */
export function plaintextOfWal(file: string, key: Buffer, pageSize: number): Buffer {
  if (!fs.existsSync(file)) return Buffer.alloc(0);
  const bytes = fs.readFileSync(file);
  const frames: Buffer[] = [];
  for (let offset = WAL_HEADER; offset + FRAME_HEADER + pageSize <= bytes.length;) {
    const pageNo = bytes.readUInt32BE(offset);
    offset += FRAME_HEADER;
    frames.push(decryptPage(key, bytes.subarray(offset, offset + pageSize), pageNo));
    offset += pageSize;
  }
  return Buffer.concat(frames);
}

/** How many times a text occurs in bytes (as UTF-8). */
export function occurrences(bytes: Buffer, text: string): number {
  const needle = Buffer.from(text, 'utf8');
  let count = 0;
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) count++;
  return count;
}
