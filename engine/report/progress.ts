/**
 * A progress bar on stderr for long runs: it appears only after the first
 * second, and never when stderr is not a terminal (pipes, CI, tests).
 */
import cliProgress from 'cli-progress';

export function progressBar(label: string): { update: (done: number, total: number) => void; stop: () => void } {
  const startedAt = performance.now();
  let bar: cliProgress.SingleBar | undefined;
  const tty = Boolean(process.stderr.isTTY);
  return {
    update(done, total) {
      if (!tty) return;
      if (!bar && performance.now() - startedAt > 1000 && done < total) {
        bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {value}/{total} {eta_formatted}`, stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
        bar.start(total, done);
      }
      bar?.update(done);
    },
    stop() { bar?.stop(); },
  };
}
