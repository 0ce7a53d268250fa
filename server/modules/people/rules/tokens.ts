/**
 * Character bigrams for search. pg_trgm indexes nothing for terms shorter than 3 characters,
 * and Chinese names and words are mostly 2 (王芳, 漏水). We store every 2-character window of
 * name and address as a text[] under a GIN index; a query term's bigrams must all be present
 * (`search_tokens @> array[…]`, served by the index), and a LIKE on the few candidates then
 * rechecks adjacency. Works identically on PostgreSQL 15 and PGlite (no extension needed).
 */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s,，.。、;；:：()（）\-—/#·]+/g, ' ')
    .trim();
}

export function bigrams(...parts: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const part of parts) {
    for (const word of normalise(part ?? '').split(' ')) {
      const chars = [...word];
      for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
    }
  }
  return [...out];
}

/**
 * Bigrams of `extra` added to an already computed list: an import computes each house's address
 * bigrams once and adds every occupant's name to them, instead of re-tokenising the address per row.
 */
export function bigramsWith(base: readonly string[], ...extra: (string | null | undefined)[]): string[] {
  const more = bigrams(...extra);
  if (!more.length) return [...base];
  const out = new Set(base);
  for (const g of more) out.add(g);
  return [...out];
}

/** Bigrams a search term requires; empty when the term has no 2-character window. */
export function queryBigrams(term: string): string[] {
  return bigrams(term);
}
