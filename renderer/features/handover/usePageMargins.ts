// Adopts the handover's @page margin rule while the handover is on screen (page-margins.ts), and
// drops it when the view goes, so no other printout carries the handover's header.
import { useEffect } from 'react';

export function usePageMargins(css: string | null): void {
  useEffect(() => {
    if (css === null) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [css]);
}
