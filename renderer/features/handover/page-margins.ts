// What every printed page of the handover carries, not only the first (issue #16, item 9): the
// confidentiality line, the shift, "page N of M" and the document's hash prefix (or DRAFT). Chromium
// prints CSS page-margin boxes; this builds that @page rule as text, for a constructed stylesheet
// (CSSOM: allowed by the page's CSP, which refuses inline <style> elements).

export interface PageMarginText {
  /** Top left: "CONFIDENTIAL — police use only". */
  confidential: string;
  /** Top right: the shift's name and id. */
  shift: string;
  /** Bottom left: the hash prefix of the signed record, or the draft warning. */
  integrity: string;
  /** "Page {{page}} of {{pages}}" in the document's language, the two markers left in place. */
  pageOf: string;
}

/** A CSS string literal: quotes, backslashes and line breaks escaped, nothing else can break out. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')}"`;
}

/** "Page {{page}} of {{pages}}" → "Page " counter(page) " of " counter(pages). */
export function pageCounterContent(template: string): string {
  return template
    .split(/(\{\{page\}\}|\{\{pages\}\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{{page}}' ? 'counter(page)' : part === '{{pages}}' ? 'counter(pages)' : cssString(part),
    )
    .join(' ');
}

const BOX = 'font-family: inherit; font-size: 8pt; color: #333;';

export function pageMarginCss(text: PageMarginText): string {
  return `@page {
  @top-left { content: ${cssString(text.confidential)}; ${BOX} font-weight: 700; }
  @top-right { content: ${cssString(text.shift)}; ${BOX} }
  @bottom-left { content: ${cssString(text.integrity)}; ${BOX} }
  @bottom-right { content: ${pageCounterContent(text.pageOf)}; ${BOX} }
}`;
}
