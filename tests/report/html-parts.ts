/** Reading report.html in tests without a browser: a section's markup and its chart marks. */
export function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}">`);
  if (start < 0) throw new Error(`no section #${id}`);
  return html.slice(start, html.indexOf('</section>', start));
}

export interface Mark { kind: string; series: string; value: string; values?: string }

/** Every element with class "mark …" in a piece of markup, with its data attributes. */
export function marks(markup: string): Mark[] {
  return [...markup.matchAll(/<(?:rect|path) class="mark ([a-z]+)"([^>]*)>/g)].map((m) => {
    const attr = (name: string) => m[2].match(new RegExp(` data-${name}="([^"]*)"`))?.[1];
    return { kind: m[1], series: attr('series') ?? '', value: attr('value') ?? '', values: attr('values') };
  });
}
