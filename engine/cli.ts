/**
 * The one command-line entry. Each command lives in its own module under
 * ./commands/ and exports `register(program)`; modules are found by listing
 * that folder, so adding a command touches no shared file. Command modules
 * import heavy dependencies inside their action, keeping start-up fast.
 */
import { Command, CommanderError } from 'commander';
import { readdirSync } from 'node:fs';
import { EXIT_BAD_INPUT, EXIT_BUG, EXIT_OK, InputError, formatProblem } from './errors.ts';

export interface CommandModule {
  register(program: Command): void;
}

async function loadCommands(program: Command): Promise<void> {
  const dir = new URL('./commands/', import.meta.url);
  const files = readdirSync(dir).filter((f) => /\.ts$/.test(f) && !f.endsWith('.test.ts')).sort();
  for (const f of files) {
    const mod = (await import(new URL(f, dir).href)) as Partial<CommandModule>;
    mod.register?.(program);
  }
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  program
    .name('wastetwin')
    .description("A digital twin of a city's garbage logistics")
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  await loadCommands(program);
  try {
    await program.parseAsync(argv);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT_OK;
      return EXIT_BAD_INPUT;
    }
    if (err instanceof InputError) {
      process.stderr.write(`error: ${err.problems.length} problem(s) in the input; nothing was written\n`);
      for (const p of err.problems) process.stderr.write(`  ${formatProblem(p)}\n`);
      return EXIT_BAD_INPUT;
    }
    process.stderr.write(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT_BUG;
  }
}
