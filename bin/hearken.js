#!/usr/bin/env node
// Entry point of the `hearken` command: TypeScript runs through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../pipeline/cli.ts');
process.exitCode = await main(process.argv.slice(2));
