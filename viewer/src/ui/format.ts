/** Text for masses and shares in labels and panels. */
export function tonnes(kg: number): string {
  const t = kg / 1000;
  return `${t >= 100 ? t.toFixed(0) : t >= 10 ? t.toFixed(1) : t.toFixed(2)} t`;
}

export const percent = (share: number): string => `${(share * 100).toFixed(1)} %`;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
