/**
 * How a long step (ingest of a large file, bootstrap, permutations, imputation) reports how
 * far it has come. The runner draws it on a terminal and ignores it elsewhere, so analyses
 * call it freely; it never changes a result.
 */

/** `done` of `total` units of the step called `label` are finished (units: resamples, rows, ...). */
export type Progress = (label: string, done: number, total: number) => void;

/** A Progress that shows nothing (the default for callers that do not care). */
export const silentProgress: Progress = () => undefined;
