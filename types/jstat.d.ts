// jstat ships no types; only the default import works under ESM (see design notes).
declare module 'jstat' {
  const jStat: any;
  export default jStat;
}
