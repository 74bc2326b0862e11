/**
 * The engine's named errors. An InputError is the user's to fix: the CLI
 * prints every problem (field path and reason) and exits with code 2, having
 * written nothing. Anything else is a bug and exits with code 1.
 */
export interface Problem {
  /** Where: a field path such as `fleet[2].capacityKg`, a file name, or an id. */
  path: string;
  message: string;
}

export class InputError extends Error {
  override name = 'InputError';
  constructor(readonly problems: Problem[], summary?: string) {
    super(summary ?? problems.map(formatProblem).join('\n'));
  }
  static one(path: string, message: string): InputError {
    return new InputError([{ path, message }]);
  }
}

export function formatProblem(p: Problem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}

export const EXIT_OK = 0;
export const EXIT_BUG = 1;
export const EXIT_BAD_INPUT = 2;
