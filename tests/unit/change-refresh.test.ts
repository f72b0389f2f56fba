import { describe, expect, it } from 'vitest';
import { changeRefresh } from '../../electron/main/core/cluster/change-refresh';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('the core’s refresh from the store', () => {
  it('runs once at a time, and once more after a run when asked during it', async () => {
    const gates = [gate(), gate()];
    let runs = 0;
    const done = gate();
    const refresh = changeRefresh(
      async () => {
        const n = runs++;
        await gates[n]!.opened;
        if (n === 1) done.open();
      },
      () => {},
    );
    refresh.request();
    refresh.request(); // a notification during the run: one more run after it, not two at once
    refresh.request();
    expect(runs).toBe(1);
    gates[0]!.open();
    gates[1]!.open();
    await done.opened;
    expect(runs).toBe(2);
  });

  it('says once when the store has not answered for five ticks, and starts nothing after stop', async () => {
    const lines: string[] = [];
    const hang = gate();
    let runs = 0;
    const refresh = changeRefresh(
      async () => {
        runs++;
        await hang.opened;
      },
      (line) => lines.push(line),
    );
    for (let i = 0; i < 8; i++) refresh.tick();
    expect(lines).toEqual(['refresh waiting: the store has not answered for 5 refresh periods']);
    refresh.stop();
    hang.open();
    await hang.opened;
    await Promise.resolve();
    refresh.request();
    expect(runs).toBe(1);
  });
});
