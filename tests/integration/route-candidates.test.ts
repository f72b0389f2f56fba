// The candidates of a route (issue #21) are stored with the flag (migration 17) and come back in the
// queue and the detail: district and unit keys only, never the city the location named.
import { describe, expect, it } from 'vitest';
import { makeFlag } from '../helpers/flags';
import { closedAfterEach, openTempStore, pageInput } from '../helpers/temp-store';

const opened = closedAfterEach();

describe('stored route candidates', () => {
  it('come back in the queue and the detail, and a column this code did not write reads as none', () => {
    const t = openTempStore();
    opened.push(t.sync);
    const { sync } = t;
    sync.commitPage(
      pageInput([
        makeFlag({ id: 'fl_cand_shahpura', location: { city: 'Shahpura' } }),
        makeFlag({ id: 'fl_cand_bhiwadi', location: { city: 'Bhiwadi' } }),
      ]),
    );
    const route = sync.getFlagDetail('fl_cand_shahpura')!.route;
    expect(route).toMatchObject({ outcome: 'ambiguous', unitKey: null });
    expect(route.candidates).toEqual([
      { districtKey: 'jaipur', unitKey: 'jaipur-control-room', basis: 'city' },
      { districtKey: 'bhilwara', unitKey: 'bhilwara-control-room', basis: 'city' },
    ]);
    const queued = sync.listOpenQueue(false).find((i) => i.id === 'fl_cand_shahpura')!;
    expect(queued.route.candidates).toEqual(route.candidates);
    expect(sync.getFlagDetail('fl_cand_bhiwadi')!.route).toMatchObject({
      unitKey: 'khairthal-tijara-control-room',
      candidates: [],
    });
    const stored = sync.database
      .prepare("SELECT route_candidates AS c FROM flags WHERE id = 'fl_cand_shahpura'")
      .get() as { c: string };
    expect(stored.c).not.toMatch(/shahpura/i);

    sync.database.exec(`UPDATE flags SET route_candidates = '{"not":"rows"' WHERE id = 'fl_cand_shahpura'`);
    expect(sync.getFlagDetail('fl_cand_shahpura')!.route.candidates).toEqual([]);
  });
});
