/**
 * Whether a search query reads as a Docker command line, so its explanation leads the results.
 * Kept apart from the parser so the search page can ask without loading it.
 */
export function looksLikeCommand(query: string): boolean {
  const q = query.trim().replace(/^\$\s+/, '');
  return /^([A-Za-z_]\w*=\S*\s+)*((sudo|doas)\s+(-\S+\s+)*)?(docker|docker-compose)\s+\S/.test(q);
}
