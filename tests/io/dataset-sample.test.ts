/**
 * The shipped sample through the whole artifact path (files streamed by ingestFiles, the
 * binary artifact written and loaded) against the dataset computed here independently
 * from the CSV text with papaparse and plain arrays: same participants in identifier
 * order, registry and questionnaire rows by participant then month or wave, missing
 * amounts and answers kept as missing. Also the file hashes the manifest records.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataset, writeDataset } from '../../pipeline/dataset-file.ts';
import { RunFolder } from '../../pipeline/run-folder.ts';
import { ingestFiles } from '../../src/io/ingest-files.ts';

const DATA = 'data-samples';
const text = (f: string) => readFileSync(join(DATA, f), 'utf8');
const rows = (f: string) => Papa.parse<Record<string, string>>(text(f), { header: true, skipEmptyLines: true }).data;
const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));

/** The dataset as the data contract describes it, built without any of src/io. */
function expected() {
  const plan = JSON.parse(text('analysis-plan.json')) as { measures: { column: string }[] };
  const people = rows('participants.csv').sort((a, b) => (a.participant_id! < b.participant_id! ? -1 : 1));
  const index = new Map(people.map((p, i) => [p.participant_id!, i]));
  const byParticipantThen = (key: string) => (a: Record<string, string>, b: Record<string, string>) =>
    index.get(a.participant_id!)! - index.get(b.participant_id!)! || Number(a[key]) - Number(b[key]);
  const months = rows('employment.csv').sort(byParticipantThen('month'));
  const waves = rows('questionnaires.csv').sort(byParticipantThen('wave'));
  const str = (col: string) => people.map((p) => (p[col] === '' || p[col] === undefined ? null : p[col]!));
  return {
    participants: {
      participant_id: str('participant_id'),
      site: str('site'),
      arm: str('arm'),
      allocation_no: people.map((p) => num(p.allocation_no)),
      randomized_on: str('randomized_on'),
      age: people.map((p) => num(p.age)),
      sex: str('sex'),
      diagnosis: str('diagnosis'),
      education: str('education'),
      worked_last_5y: people.map((p) => num(p.worked_last_5y)),
      withdrawn: people.map((p) => num(p.withdrawn)),
    },
    employment: {
      participant: months.map((r) => index.get(r.participant_id!)!),
      month: months.map((r) => Number(r.month)),
      employed: months.map((r) => Number(r.employed)),
      earnings_nok: months.map((r) => num(r.earnings_nok)),
    },
    questionnaires: {
      participant: waves.map((r) => index.get(r.participant_id!)!),
      wave: waves.map((r) => Number(r.wave)),
      scores: Object.fromEntries(plan.measures.map((m) => [m.column, waves.map((r) => num(r[m.column]))])),
    },
  };
}

describe('the sample trial through ingestFiles and the binary artifact', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ips-sample-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads what the CSV files say, with typed registry columns', async () => {
    const paths = {
      plan: join(DATA, 'analysis-plan.json'),
      participants: join(DATA, 'participants.csv'),
      employment: join(DATA, 'employment.csv'),
      questionnaires: join(DATA, 'questionnaires.csv'),
    };
    const result = await ingestFiles(paths, 100, 4096);
    const folder = new RunFolder(dir);
    await writeDataset(folder, result.dataset);
    const loaded = await readDataset(folder);
    const want = expected();

    expect(loaded.participants).toEqual(want.participants);
    // Typed columns read back as numbers; a missing amount is NaN there (null above).
    expect(Array.from(loaded.employment.participant)).toEqual(want.employment.participant);
    expect(Array.from(loaded.employment.month)).toEqual(want.employment.month);
    expect(Array.from(loaded.employment.employed)).toEqual(want.employment.employed);
    expect(Array.from(loaded.employment.earnings_nok, (v) => (Number.isNaN(v) ? null : v))).toEqual(want.employment.earnings_nok);
    expect(want.employment.earnings_nok).toContain(null); // the sample has missing amounts
    expect(Array.from(loaded.questionnaires.participant)).toEqual(want.questionnaires.participant);
    expect(Array.from(loaded.questionnaires.wave)).toEqual(want.questionnaires.wave);
    expect(loaded.questionnaires.scores).toEqual(want.questionnaires.scores);
    expect(loaded.employment.participant).toBeInstanceOf(Int32Array);
    expect(loaded.employment.earnings_nok).toBeInstanceOf(Float64Array);

    const sha = (f: string) => createHash('sha256').update(readFileSync(join(DATA, f))).digest('hex');
    expect(result.plan_sha256).toBe(sha('analysis-plan.json'));
    expect(result.inputs.map((i) => [i.file, i.sha256])).toEqual(['participants.csv', 'employment.csv', 'questionnaires.csv'].map((f) => [f, sha(f)]));
  });
});
