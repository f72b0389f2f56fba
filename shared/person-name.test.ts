import { describe, expect, it } from 'vitest';
import { accountNameSchema } from './accounts';
import { operatorName } from './contract';
import { confirmationSchema, dispatchDetailsSchema } from './dispatch';
import { personNameSchema } from './person-name';
import { stateRank } from './queue-order';

describe('one person-name rule for every form', () => {
  it("accepts Devanagari with its vowel signs, Latin, digits and . ' - on every form", () => {
    for (const name of ['राजेश मीणा', "R. D'Souza-Meena 2"]) {
      expect(accountNameSchema.parse(name)).toBe(name);
      expect(operatorName.parse(name)).toBe(name);
      expect(confirmationSchema.parse({ confirmedBy: name }).confirmedBy).toBe(name);
    }
  });

  it("allows '/' only where a call reached two people, and names the field and the rule", () => {
    expect(confirmationSchema.parse({ confirmedBy: 'SI Verma / HC Rathore' }).confirmedBy).toBe(
      'SI Verma / HC Rathore',
    );
    expect(operatorName.safeParse('A / B').error?.issues[0]?.message).toBe(
      "operator: letters, digits, spaces, . ' - only",
    );
    expect(accountNameSchema.safeParse('a<b').error?.issues[0]?.message).toBe(
      "name: letters, digits, spaces, . ' - only",
    );
    const called = dispatchDetailsSchema.safeParse({ unitKey: 'kota-city', called: 'x;y', means: 'phone' });
    expect(called.error?.issues[0]?.message).toBe("called: letters, digits, spaces, . ' / - only");
    expect(personNameSchema('who').safeParse('x').error?.issues[0]?.message).toBe(
      'who: at least 2 characters',
    );
  });
});

describe('state order', () => {
  it("ranks a flag's states in the order they move: new, acknowledged, dispatched, closed", () => {
    expect(
      ['closed', 'new', 'dispatched', 'acknowledged'].sort(
        (a, b) => stateRank(a as never) - stateRank(b as never),
      ),
    ).toEqual(['new', 'acknowledged', 'dispatched', 'closed']);
  });
});
