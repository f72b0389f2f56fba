import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en';
import { hi } from '../../../shared/i18n/hi';
import { eventActorText, eventDetailText } from './event-detail';

let tEn: TFunction;
let tHi: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { translation: en }, hi: { translation: hi } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
  tEn = i18n.getFixedT('en');
  tHi = i18n.getFixedT('hi');
});

// Every kind of history entry the core writes (electron/main/core/store/sqlite/*-queries.ts,
// room-core.ts), with the detail it writes. Names are invented; free text is Hindi, as a Hindi desk types it.
const NAME = 'Asha Verma';
const OTHER = 'Ravi Kumar';
const ENTRIES: readonly { kind: string; detail: Record<string, unknown> }[] = [
  { kind: 'received', detail: { revision: 1, risk: 'imminent', status: 'active' } },
  { kind: 'revised', detail: { from: 1, to: 2, risk: 'high', status: 'withdrawn' } },
  { kind: 'withdrawn', detail: { revision: 2 } },
  { kind: 'acknowledged', detail: { from: 'new', to: 'acknowledged' } },
  { kind: 'risk_raise_acknowledged', detail: { risk: 'elevated' } },
  {
    kind: 'dispatched',
    detail: {
      unitKey: 'kota-city',
      routedUnitKey: 'jaipur-control-room',
      reason: 'छात्र कोटा शहर में रहता है',
      called: NAME,
      means: 'phone',
      unitReference: '4521',
    },
  },
  { kind: 'unit_confirmed', detail: { confirmedBy: OTHER, unitKey: 'kota-rural' } },
  { kind: 'closed', detail: { outcome: 'welfare_check_done', note: 'परिवार से बात हुई', reason: null } },
  {
    kind: 'close_undone',
    detail: { outcome: 'contacted', closedAtMs: Date.UTC(2026, 10, 7, 8, 30), state: 'dispatched' },
  },
  { kind: 'follow_up_due', detail: { sequence: 1, afterMs: 24 * 3600_000 } },
  { kind: 'follow_up_done', detail: { sequence: 2, outcome: 'support_ongoing', note: null } },
  { kind: 'revealed', detail: { reason: 'परिवार को फ़ोन करना है' } },
  {
    kind: 'personal_erased',
    detail: { olderThanMs: 90 * 24 * 3600_000, personalRows: 1, eventsRedacted: 2, notesErased: 0 },
  },
  { kind: 'taken_over', detail: { fromOperator: NAME, fromDesk: 'desk 2', toDesk: 'desk 3' } },
  { kind: 'hold_released', detail: { fromOperator: OTHER, fromDesk: 'desk 1' } },
  // A district control room's (core/store/*/unit-queries.ts) and the telephone confirmation's via.
  { kind: 'unit_confirmed', detail: { confirmedBy: OTHER, unitKey: 'kota-rural', via: 'telephone' } },
  { kind: 'unit_received', detail: { unitKey: 'jodhpur-control-room', via: 'console' } },
  {
    kind: 'unit_step',
    detail: { unitKey: 'jodhpur-control-room', step: 'officers_sent', officers: NAME, note: null },
  },
  { kind: 'unit_step', detail: { unitKey: 'jodhpur-control-room', step: 'outcome', outcome: 'contacted' } },
  { kind: 'handed_back', detail: { unitKey: 'jodhpur-control-room', reason: 'छात्र बूंदी में है' } },
];

describe('a history entry in the desk language', () => {
  it('Hindi: no Latin letters but the names and IST', () => {
    for (const { kind, detail } of ENTRIES) {
      const line = `${tHi(`events.${kind}`)} ${eventDetailText(detail, tHi, 'hi')}`;
      const rest = line.replaceAll(NAME, '').replaceAll(OTHER, '').replaceAll('IST', '');
      expect(rest, `${kind}: ${line}`).not.toMatch(/[A-Za-z]/);
    }
  });

  it('words the codes and keeps the free values', () => {
    expect(eventDetailText({ revision: 1, risk: 'imminent', status: 'active' }, tEn, 'en')).toBe(
      'revision: 1 · risk: Imminent · status: active',
    );
    expect(eventDetailText({ from: 'new', to: 'acknowledged' }, tHi, 'hi')).toBe(
      'पहले: नया · अब: स्वीकार किया',
    );
    expect(eventDetailText({ outcome: 'contacted', state: 'dispatched' }, tHi, 'hi')).toBe(
      'परिणाम: छात्र से संपर्क हुआ · वापस: भेजा गया',
    );
    expect(eventDetailText({ afterMs: 72 * 3600_000, fromDesk: 'desk 2' }, tHi, 'hi')).toBe(
      'बाद: 3 दिन · पहले: डेस्क 2',
    );
    expect(eventDetailText({ called: NAME, unitReference: 'KC/17' }, tHi, 'hi')).toBe(
      `बात हुई: ${NAME} · इकाई की संदर्भ संख्या: KC/17`,
    );
  });

  it('leaves out empty values, and shows a key or code it has no words for as it is', () => {
    expect(eventDetailText({ note: null, reason: '' }, tEn, 'en')).toBe('');
    expect(eventDetailText({ risk: 'extreme', newKey: 7 }, tHi, 'hi')).toBe('जोखिम: extreme · newKey: 7');
    expect(eventDetailText({ unitKey: 'nowhere' }, tEn, 'en')).toBe('unit: nowhere');
  });

  it("words the core's own steps and keeps a person's name", () => {
    expect(eventActorText('system', tHi)).toBe('कंसोल');
    expect(eventActorText('system (retention)', tHi)).not.toMatch(/[A-Za-z]/);
    expect(eventActorText(NAME, tHi)).toBe(NAME);
  });
});
