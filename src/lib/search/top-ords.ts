/**
 * Choosing the best candidates of a query without sorting them all: a min-heap of the best `k`
 * (the engine keeps a bounded pool for the precise ranker, whatever the deck's size).
 */

/** The `k` of the first `n` ords with the highest score (order not significant). */
export function topOrds(ords: Int32Array, n: number, score: Float64Array, k: number): number[] {
  if (n <= k) return Array.from(ords.subarray(0, n));
  // Min-heap of the best k seen so far.
  const heap: number[] = [];
  const less = (a: number, b: number) => score[a]! < score[b]! || (score[a] === score[b] && a > b);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (let i = 0; i < n; i++) {
    const ord = ords[i]!;
    if (heap.length < k) {
      heap.push(ord);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!less(heap[i]!, heap[p]!)) break;
        [heap[i], heap[p]] = [heap[p]!, heap[i]!];
        i = p;
      }
    } else if (less(heap[0]!, ord)) {
      heap[0] = ord;
      down(0);
    }
  }
  return heap;
}
