/**
 * Bad road input is refused with a clear message naming the file or the
 * point, and the CLI exits with code 2 writing nothing.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { osmXml, tempFiles } from './osm-fixture.ts';

const DATA = new URL('../../data/osm/', import.meta.url).pathname;
const pbf = readFileSync(join(DATA, 'valhalla-amsterdam.osm.pbf'));

async function importOsm(file: string, ...more: string[]) {
  const out = file + '.network.json';
  const r = await runCli(['import-osm', file, '--out', out, ...more]);
  return { ...r, wrote: existsSync(out) };
}

describe('bad road input', () => {
  const corrupt = Buffer.from(pbf);
  // Scramble the compressed bytes of a data block, past the file header.
  for (let i = 400; i < 2400; i++) corrupt[i] ^= 0x5a;
  const files = tempFiles({
    'empty.osm.pbf': Buffer.alloc(0),
    'truncated.osm.pbf': pbf.subarray(0, Math.floor(pbf.length / 2)),
    'corrupt.osm.pbf': corrupt,
    'paths-only.osm': osmXml([[1, [1, 2, 3], { highway: 'footway' }], [2, [3, 4], { highway: 'steps' }]]),
    'broken.osm': osmXml().slice(0, 300) + '<way id="x"><nd ref=>',
    'not-osm.txt': 'hello\n',
    'town.osm': osmXml(),
  });

  const cases: [string, RegExp][] = [
    ['empty.osm.pbf', /the file is empty/],
    ['truncated.osm.pbf', /corrupt or truncated \.osm\.pbf/],
    ['corrupt.osm.pbf', /corrupt or truncated \.osm\.pbf/],
    ['paths-only.osm', /no drivable road: 2 highway way\(s\), none usable/],
    ['broken.osm', /malformed OSM XML/],
    ['not-osm.txt', /not an OpenStreetMap extract/],
  ];
  for (const [name, message] of cases) {
    it(`${name}: exit code 2, a clear message, no output`, async () => {
      const r = await importOsm(files[name]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(files[name]);
      expect(r.stderr).toMatch(message);
      expect(r.wrote).toBe(false);
    });
  }

  it('an unknown highway class in a speed override is named', async () => {
    const r = await importOsm(files['town.osm'], '--speed', 'footway=5');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--speed\.footway: not a drivable highway class/);
  });

  it('a good extract imports with exit code 0 and the attribution', async () => {
    const r = await importOsm(files['town.osm']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/© OpenStreetMap contributors/);
    expect(r.wrote).toBe(true);
  });

  it('an imported network file of the right format but broken columns is refused, each column named, exit code 2', async () => {
    const net = JSON.parse(readFileSync(join(DATA, 'monaco.network.json'), 'utf8'));
    delete net.nodes.y;
    net.edges.to[7] = net.nodes.keys.length;
    net.edges.lengthM.pop();
    const scenario = JSON.parse(readFileSync(new URL('../../scenarios/monaco.json', import.meta.url), 'utf8'));
    const f = tempFiles({ 'broken.network.json': JSON.stringify(net), 'broken.json': '' });
    scenario.network.file = f['broken.network.json'];
    writeFileSync(f['broken.json'], JSON.stringify(scenario));
    const r = await runCli(['validate', f['broken.json']]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/internal error|TypeError/);
    expect(r.stderr).toContain(`${f['broken.network.json']}: nodes.y is not an array`);
    expect(r.stderr).toContain(`edges.to[7] is ${net.nodes.keys.length}`);
    expect(r.stderr).toMatch(/edges\.lengthM has \d+ entries, not \d+/);
  });

  it('a scenario site far from any road is refused with its id named', async () => {
    const scenario = JSON.parse(readFileSync(new URL('../../scenarios/monaco.json', import.meta.url), 'utf8'));
    scenario.network.file = join(DATA, 'monaco.network.json');
    scenario.plants[1].at = { lon: 7.45, lat: 43.60 }; // out at sea, ~13 km south
    const f = tempFiles({ 'far.json': JSON.stringify(scenario) });
    const r = await runCli(['validate', f['far.json']]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plants\[1\]\.at: unreachable: MRF-WEST is \d+ m from the nearest usable road \(limit 300 m\)/);
  });
});
