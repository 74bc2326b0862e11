#!/usr/bin/env node
// The installed command: load the TypeScript engine through tsx's loader,
// so the repository runs as checked out, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../engine/cli.ts');
process.exitCode = await main(process.argv);
