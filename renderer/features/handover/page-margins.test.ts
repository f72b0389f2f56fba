import { describe, expect, it } from 'vitest';
import { cssString, pageCounterContent, pageMarginCss } from './page-margins';

describe('the handover page margins (issue #16)', () => {
  it('makes a CSS string nothing can break out of', () => {
    expect(cssString('a "b" \\ c\nd')).toBe('"a \\"b\\" \\\\ c d"');
  });

  it('turns "page N of M" in either language into counters', () => {
    expect(pageCounterContent('Page {{page}} of {{pages}}')).toBe(
      '"Page " counter(page) " of " counter(pages)',
    );
    expect(pageCounterContent('पृष्ठ {{page}} / {{pages}}')).toBe('"पृष्ठ " counter(page) " / " counter(pages)');
  });

  it('puts the four texts in the four corners of every page', () => {
    const css = pageMarginCss({
      confidential: 'CONFIDENTIAL',
      shift: 'Morning 2026-12-07:morning',
      integrity: 'SHA-256 cec5b481572a',
      pageOf: 'Page {{page}} of {{pages}}',
    });
    expect(css).toMatch(/@top-left \{ content: "CONFIDENTIAL";/);
    expect(css).toMatch(/@top-right \{ content: "Morning 2026-12-07:morning";/);
    expect(css).toMatch(/@bottom-left \{ content: "SHA-256 cec5b481572a";/);
    expect(css).toMatch(/@bottom-right \{ content: "Page " counter\(page\) " of " counter\(pages\);/);
  });
});
