#!/usr/bin/env node
// Entry point for `npx ips-rct` and the installed bin: loads the TypeScript sources
// through tsx (a runtime dependency, see the README) and runs the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../pipeline/cli.ts');
process.exitCode = await main(process.argv.slice(2));
