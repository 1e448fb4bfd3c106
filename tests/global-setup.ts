/** One scratch folder for the whole test run, removed at its end. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'ips-rct-tests-'));
  process.env.IPS_RCT_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
