import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('validate')
    .description('check a scenario file (schema, cross-references, network, reachability) without running it')
    .argument('<scenario>', 'scenario JSON file')
    .action(async (file: string) => {
      const { loadWorld } = await import('../report/run.ts');
      const world = await loadWorld(file);
      process.stdout.write(`${file}: valid — ${world.points.length} collection points, ${world.graph.nodeCount} road nodes, ` +
        `${world.stations.length} transfer stations, ${world.plants.length} plants, ${world.fleet.reduce((a, f) => a + f.spec.count, 0)} trucks, ${world.scenario.days} days\n`);
    });
}
