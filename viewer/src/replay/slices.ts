/**
 * Long work cut into slices, so that the page keeps drawing frames while it
 * runs. Slices of 25 ms: a megacity's frame under software WebGL takes about
 * 100 ms, and with much shorter slices the work would take a frame per slice.
 */

const yieldToPage = () => new Promise<void>((ok) => setTimeout(ok, 0));

/** Runs fn(0) … fn(n − 1), giving the page its turn whenever a slice has run for `budgetMs`. */
export async function inSlices(n: number, fn: (i: number) => void, budgetMs = 25): Promise<void> {
  let start = performance.now();
  for (let i = 0; i < n; i++) {
    fn(i);
    if (performance.now() - start >= budgetMs && i + 1 < n) {
      await yieldToPage();
      start = performance.now();
    }
  }
}
