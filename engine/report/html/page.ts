/**
 * The page around the charts: one HTML file with its style inline, no
 * script and no outside resource (the empty icon link stops the browser
 * asking for /favicon.ico), laid out for a 1280-px screen and for A4
 * landscape print, where a section is never split across pages.
 */
import { esc } from './svg.ts';

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1d1d1f;background:#f4f5f7}
main{max-width:1200px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:0 0 6px}h3{font-size:14px;margin:10px 0 2px}
.sub{color:#555;margin:0 0 16px}
section{background:#fff;border:1px solid #dde0e4;border-radius:6px;padding:16px 18px;margin:0 0 18px;break-inside:avoid}
section p.why{color:#555;margin:0 0 8px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:10px;margin:0 0 18px}
.card{background:#fff;border:1px solid #dde0e4;border-radius:6px;padding:10px 12px}
.card b{display:block;font-size:20px}.card span{color:#555;font-size:12px}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:8px 22px}
.grid2>div{break-inside:avoid}
svg.chart{width:100%;height:auto;display:block;font-size:12px}
svg .grid{stroke:#e6e8eb}svg .axis{stroke:#888}svg .tick,svg .legend{fill:#444}
svg .ref{stroke-width:1.5;stroke-dasharray:5 4}svg .ref-label{font-size:11px}
svg .line{stroke-width:2}svg .shade{fill:#f2d7c9;opacity:.55}svg .shade-label{fill:#8a3b12;font-size:11px}
svg .track{fill:#f0f1f3}svg .whisker{stroke:#222;stroke-width:1.5;fill:none}svg .target{stroke-width:2.5}
svg .value{fill:#222}
table{border-collapse:collapse;width:100%;margin:8px 0;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid #e3e5e8;padding:4px 8px;text-align:right;vertical-align:top}
th:first-child,td:first-child{text-align:left}th{background:#f7f8f9;font-weight:600}
.met{color:#00704a;font-weight:600}.missed{color:#b33c00;font-weight:700}
ul.notes{margin:6px 0 0;padding-left:20px}
@media (max-width:900px){.grid2{grid-template-columns:1fr}}
@page{size:A4 landscape;margin:12mm}
@media print{body{background:#fff;font-size:11px}main{max-width:none;padding:0}section{border:none;padding:0;margin:0 0 10mm}.card{border-color:#bbb}}
`;

export function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="icon" href="data:,">
<style>${CSS.trim()}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** A report section: heading, a line on why a planner looks at it, then its content. */
export function section(id: string, heading: string, why: string, content: string): string {
  return `<section id="${esc(id)}"><h2>${esc(heading)}</h2>${why ? `<p class="why">${esc(why)}</p>` : ''}${content}</section>\n`;
}

/** An HTML table; cells are escaped unless given as { html }. */
export function htmlTable(head: string[], rows: (string | number | { html: string })[][]): string {
  const cell = (v: string | number | { html: string }) => (typeof v === 'object' ? v.html : esc(v));
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((v) => `<td>${cell(v)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

export function cards(items: { value: string; label: string }[]): string {
  return `<div class="cards">${items.map((i) => `<div class="card"><b>${esc(i.value)}</b><span>${esc(i.label)}</span></div>`).join('')}</div>`;
}
