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
  // Keep what the schema made of the input (defaults filled in) even when it
  // fails, so the cross-field rules can still look at the rest of the file.
  let partial: unknown;
  const parsed = Scenario.superRefine((value) => { partial = value; }, { when: () => true }).safeParse(raw);
  if (!parsed.success) {
    const problems: Problem[] = parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
    throw new InputError([...problems, ...crossChecksBesides(partial, problems)]);
  }
  const problems = crossChecks(parsed.data);
  if (problems.length > 0) throw new InputError(problems);
  return parsed.data;
}

/**
 * The cross-field problems of a file that failed the schema, so that every
 * problem is listed at once: those on paths the schema has already named (or
 * that contain them) are left out, and a file too broken for the rules to
 * read gives none.
 */
function crossChecksBesides(partial: unknown, named: Problem[]): Problem[] {
  if (typeof partial !== 'object' || partial === null) return [];
  let found: Problem[];
  try {
    found = crossChecks(partial as Scenario);
  } catch {
    return [];
  }
  const overlaps = (a: string, b: string) => a === b || a.startsWith(b + '.') || a.startsWith(b + '[');
  return found.filter((p) => !named.some((n) => overlaps(p.path, n.path) || overlaps(n.path, p.path)));
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
