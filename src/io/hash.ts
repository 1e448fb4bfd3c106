/** SHA-256 fingerprints for the manifest and for change detection. */
import { createHash } from 'node:crypto';

/** Hex SHA-256 of bytes or text (text hashed as UTF-8). */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
