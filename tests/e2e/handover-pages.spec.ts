// Every page of the printed handover carries CONFIDENTIAL, the shift, "page N of M" and the hash
// prefix (or DRAFT) — not only the first (issue #16, item 9). Checked in the PDF's text, page by page.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makeFlag } from '../helpers/flags';
import { expect, openDesk, test } from './fixtures';

const OUT = 'test-results/handover-pages';

function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function pdfPages(page: Page, name: string): Promise<string[]> {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  execFileSync('pdftoppm', ['-png', '-r', '50', file, path.join(OUT, name)]);
  return Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], {
      encoding: 'utf8',
    }),
  );
}

test('the printed handover carries its header and footer on every page, draft and signed', async ({
  rig,
  page,
}) => {
  test.skip(!hasPoppler(), 'pdftotext/pdfinfo/pdftoppm not found: apt-get install poppler-utils');
  const host = await rig.startHost();
  for (let i = 0; i < 70; i++) rig.sim.publish(makeFlag({ id: `fl_p${i}`, risk: 'high' }));
  await openDesk(page, host.url, 'Sup Outgoing');
  await expect(page.getByTestId('queue-open-count')).toContainText('70');
  await page.getByTestId('handover-open').click();
  await expect(page.getByTestId('handover-view')).toBeVisible();
  const shiftId = (await page.getByTestId('handover-view').getAttribute('data-shift'))!;
  await expect(page.locator('.handover-sheet')).toBeVisible();

  const draft = await pdfPages(page, 'draft');
  expect(draft.length).toBeGreaterThan(1); // 70 carried-over flags: more than one page
  draft.forEach((text, i) => {
    expect(text, `page ${i + 1}`).toContain('CONFIDENTIAL');
    expect(text, `page ${i + 1}`).toContain(shiftId);
    expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${draft.length}`);
    expect(text, `page ${i + 1}`).toContain('DRAFT — not signed');
  });

  await page.getByTestId('handover-lang').selectOption('hi');
  const hindi = await pdfPages(page, 'draft-hi');
  hindi.forEach((text, i) => expect(text, `page ${i + 1}`).toContain(`पृष्ठ ${i + 1} / ${hindi.length}`));

  // A signed record: the hash prefix on every page instead of DRAFT.
  await page.getByTestId('handover-lang').selectOption('en');
  await page.getByTestId('handover-prev').click();
  await page.getByTestId('handover-sign').click();
  await page.getByTestId('handover-sign-yes').click();
  await expect(page.getByTestId('handover-sha')).toBeVisible();
  const sha = (await page.getByTestId('handover-sha').locator('code').textContent())!;
  const signed = await pdfPages(page, 'signed');
  signed.forEach((text, i) => {
    expect(text, `page ${i + 1}`).toContain(`SHA-256 ${sha.slice(0, 12)}`);
    expect(text, `page ${i + 1}`).not.toContain('DRAFT — not signed');
  });
});
