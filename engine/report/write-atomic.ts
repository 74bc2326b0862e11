/**
 * Files appear whole or not at all: each is written under a temporary name
 * in the same folder and renamed into place (a rename is atomic on one file
 * system), so a crashed or interrupted run never leaves half a report.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

export function writeFileAtomic(file: string, data: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/** A file written piece by piece and renamed into place on commit(). */
export class AtomicStream {
  private readonly tmp: string;
  private fd: number;

  constructor(private readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
    this.fd = openSync(this.tmp, 'w');
  }

  write(text: string): void { writeSync(this.fd, text); }

  commit(): void {
    closeSync(this.fd);
    renameSync(this.tmp, this.file);
  }

  abort(): void {
    closeSync(this.fd);
    rmSync(this.tmp, { force: true });
  }
}
