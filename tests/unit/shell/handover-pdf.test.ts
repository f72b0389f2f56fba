// The shell's handover PDF: printed A4 from the calling window, saved where the supervisor chose,
// nothing written when they cancel. Electron is mocked (its binary cannot run here).
import { describe, expect, it, vi } from 'vitest';
import { handoverPdfSaver, type PdfDeps } from '../../../electron/main/shell/handover-pdf';

vi.mock('electron', () => ({}));

function rig(choice: { canceled: boolean; filePath?: string }) {
  const printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7 fake'));
  const showSaveDialog = vi.fn(async () => choice);
  const writeFile = vi.fn(async () => undefined);
  const deps = {
    dialog: { showSaveDialog },
    windowOf: () => null,
    documentsDir: '/home/sup/Documents',
    writeFile,
  } as unknown as PdfDeps;
  const save = handoverPdfSaver({ printToPDF } as never, deps);
  return { save, printToPDF, showSaveDialog, writeFile };
}

describe('handover PDF (Electron shell)', () => {
  it('prints the calling page on A4 and writes it where the supervisor chose', async () => {
    const r = rig({ canceled: false, filePath: '/tmp/h.pdf' });
    await expect(
      r.save({ shiftId: '2026-11-25:night' }, { role: 'desk', connection: 'test' }),
    ).resolves.toEqual({
      savedTo: '/tmp/h.pdf',
    });
    expect(r.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ pageSize: 'A4', printBackground: true }),
    );
    expect(r.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: '/home/sup/Documents/handover-2026-11-25-night.pdf' }),
    );
    expect(r.writeFile).toHaveBeenCalledWith('/tmp/h.pdf', expect.any(Buffer));
  });

  it('writes nothing when the supervisor cancels', async () => {
    const r = rig({ canceled: true });
    await expect(
      r.save({ shiftId: '2026-11-25:night' }, { role: 'desk', connection: 'test' }),
    ).resolves.toEqual({
      savedTo: null,
    });
    expect(r.writeFile).not.toHaveBeenCalled();
  });
});
