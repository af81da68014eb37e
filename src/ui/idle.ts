/**
 * Runs a task when the browser is idle (at the latest after `timeout` ms; soon after, where there
 * is no requestIdleCallback). Returns a cancel. For start-up work the first screen does not show:
 * each such task then runs on its own, not inside the long task that paints or hydrates.
 */
export function whenIdle(task: () => void, timeout = 2000): () => void {
  if ('requestIdleCallback' in window) {
    const id = requestIdleCallback(() => task(), { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 200);
  return () => clearTimeout(id);
}
