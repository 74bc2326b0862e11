import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('view')
    .description('replay a run in 3D in the browser: builds the viewer if needed, serves it and the run folder on 127.0.0.1 and prints the URL')
    .argument('<run-dir>', 'run folder holding replay.ndjson (written by `wastetwin simulate --out`)')
    .option('--port <port>', 'port to listen on (0: any free port)', '5178')
    .option('--rebuild', 'rebuild the viewer even if its build looks current')
    .action(async (runDir: string, opts: { port: string; rebuild?: boolean }) => {
      const { existsSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { InputError } = await import('../errors.ts');
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw InputError.one('--port', `must be an integer from 0 to 65535, got ${opts.port}`);
      if (!existsSync(join(runDir, 'replay.ndjson'))) {
        throw InputError.one(runDir, 'no replay.ndjson in this folder: write one with `wastetwin simulate SCENARIO --out RUN_DIR`');
      }
      const { ensureViewerBuilt } = await import('../../viewer/src/serve/build.ts');
      if (await ensureViewerBuilt(opts.rebuild)) process.stderr.write('viewer built\n');
      const { startViewServer } = await import('../../viewer/src/serve/server.ts');
      let served;
      try {
        served = await startViewServer({ runDir, port });
      } catch (e) {
        // The default port is taken (another viewer?): take any free one rather than fail.
        if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || opts.port !== '5178') throw e;
        served = await startViewServer({ runDir, port: 0 });
      }
      process.stdout.write(`viewer: ${served.url}\n(Ctrl-C to stop)\n`);
    });
}
