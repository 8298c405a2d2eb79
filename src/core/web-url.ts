// The one rule for which addresses leave the reader as links or photos: absolute web addresses only.
// Shared by the overlay (links it renders) and the exports (links and photos written into a file).

/** Only web links are followed; anything else (javascript:, data:) is refused: undefined. */
export function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
