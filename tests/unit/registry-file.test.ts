// The registry as a file (issue #23): JSON and CSV read back what they wrote, and a file with errors
// is refused with each error's line, field and rule.
import { describe, expect, it } from 'vitest';
import { formatRegistryCsv, parseRegistryCsv } from '../../shared/routing/registry-csv';
import { formatRegistryFile, parseRegistryFile, problemText } from '../../shared/routing/registry-file';
import { DEFAULT_UNIT_REGISTRY } from '../../shared/routing/unit-registry';

describe('registry files', () => {
  it("read back what they wrote, Hindi names and Kota City's circle included", () => {
    expect(parseRegistryFile(formatRegistryFile(DEFAULT_UNIT_REGISTRY))).toEqual({
      ok: true,
      registry: DEFAULT_UNIT_REGISTRY,
    });
    const csv = formatRegistryCsv(DEFAULT_UNIT_REGISTRY);
    expect(csv.split('\n')[1]).toMatch(/^kota-city,Kota City Police \(via the command centre\),कोटा शहर/);
    expect(parseRegistryCsv(csv)).toEqual({ ok: true, registry: DEFAULT_UNIT_REGISTRY });
    // A spreadsheet's byte-order mark and CRLF line ends are taken as they come.
    expect(parseRegistryCsv('\uFEFF' + csv.replace(/\n/g, '\r\n')).ok).toBe(true);
  });

  it('refuses a CSV with errors, each by its line, field and rule', () => {
    const lines = formatRegistryCsv(DEFAULT_UNIT_REGISTRY).split('\n');
    lines[2] = lines[2]!.replace(',rural,', ',zone,');
    lines[4] = lines[4]!.replace(/,no,|,yes,/, ',maybe,');
    const withActive = parseRegistryCsv(lines.join('\n'));
    expect(withActive.ok).toBe(false);
    if (!withActive.ok) expect(withActive.problems.map(problemText)).toEqual(['line 5: active: yes or no']);
    lines[4] = lines[4]!.replace(',maybe,', ',yes,');
    const cells = lines[6]!.split(',');
    cells[9] = '3240|abc'; // the pins column
    lines[6] = cells.join(',');
    const r = parseRegistryCsv(lines.join('\n'));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.map(problemText)).toEqual([
        'line 3: units[1].kind: one of commissionerate, police-district, city, rural',
        expect.stringMatching(/^line 7: units\[5\]\.area\.pins\[0\]: a PIN code: 6 digits$/),
        expect.stringMatching(/^line 7: units\[5\]\.area\.pins\[1\]: a PIN code: 6 digits$/),
      ]);
    expect(parseRegistryCsv('id,name\n').ok).toBe(false);
  });
});
