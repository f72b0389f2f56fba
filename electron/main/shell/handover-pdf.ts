// The handover as an A4 PDF, printed by Chromium from the page the supervisor is looking at (its
// print stylesheet hides the controls), saved where they choose. The file holds no personal data
// (the summary has none) but is still written owner-only, like everything else the console stores.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, Dialog, WebContents } from 'electron';
import type { InvokeHandlers } from '../../../shared/contract';

export interface PdfDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  windowOf(contents: WebContents): BrowserWindow | null;
  documentsDir: string;
  writeFile?: (file: string, data: Buffer) => Promise<void>;
}

const writeOwnerOnly = (file: string, data: Buffer) => fs.writeFile(file, data, { mode: 0o600 });

export function handoverPdfSaver(sender: WebContents, deps: PdfDeps): InvokeHandlers['saveHandoverPdf'] {
  return async ({ shiftId }) => {
    const pdf = await sender.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    const window = deps.windowOf(sender);
    const options = {
      title: 'Save shift handover',
      defaultPath: path.join(deps.documentsDir, `handover-${shiftId.replace(':', '-')}.pdf`),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    };
    const choice = window
      ? await deps.dialog.showSaveDialog(window, options)
      : await deps.dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { savedTo: null };
    await (deps.writeFile ?? writeOwnerOnly)(choice.filePath, pdf);
    return { savedTo: choice.filePath };
  };
}
