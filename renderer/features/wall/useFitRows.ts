// Measures how many of the wall's fixed-height rows fit in their box; the rest become "+N more".
// The wall never scrolls: nobody is there to scroll it.
import { useLayoutEffect, useState, type RefObject } from 'react';
import { rowsThatFit } from './fit-rows';

interface Box {
  available: number;
  row: number;
  more: number;
}

export function useFitRows(
  ref: RefObject<HTMLElement | null>,
  total: number,
  remeasureKey: string,
): { shown: number; more: number } {
  const [box, setBox] = useState<Box>({ available: 0, row: 0, more: 0 });
  // Re-measure when the first row appears (before it, there is no row to measure) or the text changes.
  const hasRows = total > 0;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const row = el.querySelector<HTMLElement>('[data-fit="row"]')?.offsetHeight ?? 0;
      const more = el.querySelector<HTMLElement>('[data-fit="more"]')?.offsetHeight ?? 0;
      const next = { available: el.clientHeight, row, more };
      setBox((prev) =>
        prev.available === next.available && prev.row === next.row && prev.more === next.more ? prev : next,
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    void document.fonts?.ready.then(measure);
    return () => observer.disconnect();
  }, [ref, hasRows, remeasureKey]);

  return rowsThatFit(box.available, box.row, box.more, total);
}
