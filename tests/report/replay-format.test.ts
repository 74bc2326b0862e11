/**
 * docs/replay-format.md against what the simulation writes: every object of
 * the document's examples has the same fields as the one in a real
 * replay.ndjson, so the document cannot drift from the code unnoticed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edits, runSmall } from './run-fixtures.ts';

const doc = readFileSync('docs/replay-format.md', 'utf8');

/** The top-level field names of the example object in the document whose first field is `anchor` (e.g. `"kind": "drive"`). */
function docFields(anchor: string): string[] {
  const at = doc.indexOf(anchor);
  expect(at, `docs/replay-format.md has an example starting ${anchor}`).toBeGreaterThan(0);
  let i = doc.lastIndexOf('{', at);
  const fields: string[] = [];
  let depth = 0;
  for (; i < doc.length; i++) {
    const c = doc[i];
    if (c === '/' && doc[i + 1] === '/') { i = doc.indexOf('\n', i); continue; } // a jsonc comment
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') { if (--depth === 0) break; }
    else if (c === '"' && depth === 1) {
      const end = doc.indexOf('"', i + 1);
      if (doc.slice(end + 1).match(/^\s*:/)) fields.push(doc.slice(i + 1, end));
      i = end;
    }
  }
  return fields.sort();
}

const keys = (o: object) => Object.keys(o).sort();

describe('docs/replay-format.md is true to the replay the simulation writes', () => {
  it('the header, each kind of leg, the samples, the manifests and the KPIs have the documented fields', async () => {
    // Too little incineration (so loads are diverted) behind one tipping bay (so haul trucks queue there).
    const { dir } = await runSmall((s) => { edits.crowdedPlant(s); edits.tooLittleIncineration(s); });
    const [headerLine, ...dayLines] = readFileSync(join(dir, 'replay.ndjson'), 'utf8').trim().split('\n');
    const header = JSON.parse(headerLine);
    const days = dayLines.map((l) => JSON.parse(l));

    expect(keys(header)).toEqual(docFields('"format": "wastetwin-replay"'));
    expect(keys(header.roads)).toEqual(docFields('"classes": ['));
    expect(keys(header.points)).toEqual(docFields('"ids": ["P0001"'));
    for (const [list, anchor] of [['depots', '"id": "D1"'], ['stations', '"id": "TS-N"'], ['plants', '"id": "INC1"'],
      ['trucks', '"id": "RES-01"'], ['streams', '"id": "residual", "kind"'], ['targets', '"name": "zero landfill"']] as const) {
      expect(header[list].length, list).toBeGreaterThan(0);
      for (const item of header[list]) expect(keys(item), list).toEqual(docFields(anchor));
    }

    const day = days[0];
    expect(keys(day)).toEqual(docFields('"type": "day"'));
    expect(keys(day.samples)).toEqual(docFields('"t": [ … ],'));
    expect(keys(day.kpis)).toEqual(docFields('"generatedKg": …, "collectedKg"'));
    const legKinds = new Set<string>();
    for (const d of days) {
      for (const truck of d.trucks) {
        expect(keys(truck)).toEqual(['id', 'legs']);
        for (const leg of truck.legs) {
          legKinds.add(leg.kind);
          expect(keys(leg), leg.kind).toEqual(docFields(`{ "kind": "${leg.kind}"`));
        }
      }
    }
    expect([...legKinds]).toEqual(expect.arrayContaining(['drive', 'serve', 'queue', 'unload']));
    const manifestKinds = new Set<string>();
    for (const d of days) {
      for (const m of d.manifests) {
        manifestKinds.add(m.kind);
        expect(keys(m), m.kind).toEqual(docFields('"id": "M000123"'));
      }
    }
    // This run landfills, so every kind the document names but residue (no recycling centre here) appears.
    expect([...manifestKinds].sort()).toEqual(['divert', 'haul', 'pickup', 'tip']);
    for (const kind of manifestKinds) expect(doc).toContain(`${kind} (`);
  });
});
