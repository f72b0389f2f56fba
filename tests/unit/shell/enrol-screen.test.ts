// The enrolment channel answers only the app's own top frame (as the contract's IPC does): a frame
// from elsewhere, or a sub-frame, gets a refusal and the handler is never called.
import { describe, expect, it, vi } from 'vitest';
import { registerEnrolScreen } from '../../../electron/main/shell/enrol-screen';
import { ENROL_CHANNEL } from '../../../shared/room/enrol-contract';

type IpcMain = Parameters<typeof registerEnrolScreen>[0];

function setUp() {
  let registered: {
    channel: string;
    handler: (event: unknown, request: unknown) => Promise<unknown>;
  } | null = null;
  const ipcMain = {
    handle: (channel: string, handler: (event: unknown, request: unknown) => Promise<unknown>) =>
      (registered = { channel, handler }),
  } as unknown as IpcMain;
  const handle = vi.fn(async () => ({ ok: true as const, step: 'start' as const }));
  registerEnrolScreen(ipcMain, handle, (url) => url === 'app://lifeline/index.html');
  const event = (url: string, sub = false) => {
    const mainFrame = { url };
    return { sender: { mainFrame }, senderFrame: sub ? { url } : mainFrame };
  };
  return { registered: registered!, handle, event };
}

describe('the enrolment channel', () => {
  it('is answered for the app window and refused for any other frame', async () => {
    const { registered, handle, event } = setUp();
    expect(registered.channel).toBe(ENROL_CHANNEL);
    expect(await registered.handler(event('app://lifeline/index.html'), { step: 'start' })).toEqual({
      ok: true,
      step: 'start',
    });
    expect(await registered.handler(event('https://elsewhere.invalid/'), { step: 'start' })).toEqual({
      ok: false,
      error: 'failed',
    });
    expect(await registered.handler(event('app://lifeline/index.html', true), { step: 'start' })).toEqual({
      ok: false,
      error: 'failed',
    });
    expect(handle).toHaveBeenCalledTimes(1);
  });
});
