import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of scenario files (for editors)')
    .action(async () => {
      const { scenarioJsonSchema } = await import('../scenario/schema.ts');
      process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
    });
}
