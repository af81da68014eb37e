import type { Attachment } from 'svelte/attachments';

export interface SwipeHandlers {
  left?: () => void;
  right?: () => void;
  /** A short tap or a swipe in any direction when no handler matches (used to reveal). */
  any?: () => void;
}

/** How far (px) a finger must travel sideways, and how much more sideways than vertical. */
const DISTANCE = 60;
const RATIO = 1.5;

/**
 * Horizontal swipes on a card: the card follows the finger, and a long enough swipe calls
 * `left` / `right`. Vertical movement is left to the page (touch-action: pan-y in CSS).
 * Transforms are set through CSSOM, which the strict CSP allows (inline style attributes it does not).
 */
export function swipe(handlers: () => SwipeHandlers): Attachment<HTMLElement> {
  return (node) => {
    let start: { x: number; y: number; id: number } | null = null;

    const reset = () => {
      start = null;
      node.style.transform = '';
      node.classList.remove('swiping');
    };
    const ignored = (target: EventTarget | null) =>
      target instanceof Element && !!target.closest('input, textarea, select, button, a, [contenteditable]');

    const down = (e: PointerEvent) => {
      if (e.pointerType === 'mouse' || ignored(e.target)) return;
      start = { x: e.clientX, y: e.clientY, id: e.pointerId };
    };
    const move = (e: PointerEvent) => {
      if (!start || e.pointerId !== start.id) return;
      const dx = e.clientX - start.x;
      if (Math.abs(dx) > 8) {
        node.classList.add('swiping');
        node.style.transform = `translateX(${dx}px) rotate(${dx / 40}deg)`;
      }
    };
    const up = (e: PointerEvent) => {
      if (!start || e.pointerId !== start.id) return;
      const dx = e.clientX - start.x;
      const dy = e.clientY - start.y;
      reset();
      const h = handlers();
      if (Math.abs(dx) < DISTANCE || Math.abs(dx) < Math.abs(dy) * RATIO) return;
      if (dx < 0 && h.left) h.left();
      else if (dx > 0 && h.right) h.right();
      else h.any?.();
    };

    node.addEventListener('pointerdown', down);
    node.addEventListener('pointermove', move);
    node.addEventListener('pointerup', up);
    node.addEventListener('pointercancel', reset);
    return () => {
      node.removeEventListener('pointerdown', down);
      node.removeEventListener('pointermove', move);
      node.removeEventListener('pointerup', up);
      node.removeEventListener('pointercancel', reset);
    };
  };
}
