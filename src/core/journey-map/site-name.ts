/**
 * Page titles usually end with the site's name ("Your cart – Northwind Phones"): on a map where every card is on the
 * same site it is noise that pushes the words people read out of the card. A trailing part after a separator that
 * at least two titles share, and most titles with a separator end with, is taken to be the site's name.
 */

const SEPARATOR = /\s+[–—|·:-]\s+/g;

/** The last separator of a title and what follows it, or null. */
function tail(title: string): { at: number; text: string } | null {
  let last: RegExpExecArray | null = null;
  for (const match of title.matchAll(SEPARATOR)) last = match as RegExpExecArray;
  if (!last) return null;
  const text = title.slice(last.index + last[0].length).trim();
  return text ? { at: last.index, text } : null;
}

/** The titles with the site's name taken off their end; a title that is only the site's name stays whole. */
export function withoutSiteName(titles: Readonly<Record<string, string>>): Record<string, string> {
  const tails = Object.values(titles).map(tail);
  const counts = new Map<string, number>();
  for (const t of tails) if (t) counts.set(t.text, (counts.get(t.text) ?? 0) + 1);
  const withTail = tails.filter(Boolean).length;
  const [site, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (count < 2 || count * 2 < withTail) return { ...titles };
  return Object.fromEntries(
    Object.entries(titles).map(([key, title]) => {
      const t = tail(title);
      return [key, t && t.text === site && t.at > 0 ? title.slice(0, t.at).trim() : title];
    }),
  );
}
