// Page variants for robustness tests: every class name rewritten, and the embedded data removed.
// Both work on the saved HTML text, so class names inside `<noscript>` markup change too.

/**
 * Rename every class token consistently across the page. `neutral` names mean nothing to any
 * heuristic; `hostile` names contain the words Readability treats as clutter or as content, so a
 * result that depends on class names in any way would change.
 */
export function rewriteClassNames(html: string, style: 'neutral' | 'hostile'): string {
  const names = new Map<string, string>();
  const hostileWords = ['sidebar', 'comment', 'footer', 'promo', 'share', 'article-body', 'content', 'related', 'hidden', 'menu'];
  const rename = (token: string): string => {
    let renamed = names.get(token);
    if (!renamed) {
      const index = names.size;
      renamed = style === 'neutral' ? `k${index}` : `${hostileWords[index % hostileWords.length]}-${index}`;
      names.set(token, renamed);
    }
    return renamed;
  };
  return html.replace(/(\sclass\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi, (_match, prefix: string, double?: string, single?: string) => {
    const tokens = (double ?? single ?? '').split(/\s+/).filter(Boolean).map(rename);
    return `${prefix}"${tokens.join(' ')}"`;
  });
}

/** Remove `window.SIMORGH_DATA`, `script#__NEXT_DATA__` and every JSON-LD script. */
export function stripEmbeddedData(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, (script) =>
    /SIMORGH_DATA|__NEXT_DATA__|application\/ld\+json/.test(script) ? '' : script,
  );
}
