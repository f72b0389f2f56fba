/** How many fixed-height rows fit, keeping room for the "+N more" line when not all do. */
export function rowsThatFit(
  availablePx: number,
  rowPx: number,
  moreLinePx: number,
  total: number,
): { shown: number; more: number } {
  if (rowPx <= 0 || total * rowPx <= availablePx) return { shown: total, more: 0 };
  const shown = Math.max(0, Math.min(total, Math.floor((availablePx - moreLinePx) / rowPx)));
  return { shown, more: total - shown };
}
