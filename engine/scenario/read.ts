/**
 * Reading a scenario file: JSON, then the schema, then the cross-field rules.
 * Every problem found is thrown together as one InputError.
 */
import { readFileSync } from 'node:fs';
import { InputError, type Problem } from '../errors.ts';
import { Scenario } from './schema.ts';
import { crossChecks } from './checks.ts';
import { resolveVariant } from './variant.ts';

export function parseScenario(raw: unknown): Scenario {
  const parsed = Scenario.safeParse(raw);
  if (!parsed.success) {
    const problems: Problem[] = parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
    throw new InputError(problems);
  }
  const problems = crossChecks(parsed.data);
  if (problems.length > 0) throw new InputError(problems);
  return parsed.data;
}

export function readScenario(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw InputError.one(file, `cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw InputError.one(file, `not valid JSON: ${(err as Error).message}`);
  }
  return parseScenario(resolveVariant(raw, file));
}

/** `fleet[2].capacityKg` from zod's ['fleet', 2, 'capacityKg']. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(root)';
}
