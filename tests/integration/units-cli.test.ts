// `lifeline units export|import FILE --by NAME` (issue #23): the registry as a file. An import with
// errors is refused whole, each error by line, field and rule, and changes nothing; a good one is
// the next version, audited with the file's SHA-256; only an administrator may do either.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  getUnitRegistry,
  listRegistryVersions,
} from '../../electron/main/core/store/sqlite/registry-queries';
import { REGISTRY_FILE_FORMAT } from '../../shared/routing/registry-file';
import { lifeline } from '../helpers/cli';
import { cliStore } from '../helpers/cli-store';

const registryAudit = (s: ReturnType<typeof cliStore>) => {
  const sync = s.open();
  try {
    return sync.database
      .prepare<[], { actor: string; action: string; detail_json: string }>(
        `SELECT actor, action, detail_json FROM audit_log WHERE action LIKE 'unit.registry%' ORDER BY seq`,
      )
      .all()
      .map((r) => ({ actor: r.actor, action: r.action, ...(JSON.parse(r.detail_json) as object) }));
  } finally {
    sync.close();
  }
};

describe('lifeline units', () => {
  it('exports the registry in force, imports an edited file as the next version, audited with its SHA-256', () => {
    const s = cliStore([
      ['Admin Asha', 'administrator'],
      ['Sup Imran', 'supervisor'],
    ]);
    const out = path.join(s.dir, 'units.json');
    const refused = lifeline(['units', 'export', out, '--by', 'Sup Imran'], s.env);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/administrator only/);
    expect(fs.existsSync(out)).toBe(false);

    const exported = lifeline(['units', 'export', out, '--by', 'Admin Asha'], s.env);
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/exported version 0 \(42 units\)/);
    const text = fs.readFileSync(out, 'utf8');
    expect(text.split('\n')[1]).toBe(`  "format": "${REGISTRY_FILE_FORMAT}",`);
    expect(text.split('\n')[3]).toMatch(/^ {4}\{"id":"kota-city",/); // one unit a line
    expect(lifeline(['units', 'export', out, '--by', 'Admin Asha'], s.env).err).toMatch(/exists already/);

    // Police headquarters renames Pali's unit and sends the file back.
    const edited = path.join(s.dir, 'edited.json');
    fs.writeFileSync(edited, text.replace('"Pali district police control room"', '"Pali Police District"'));
    const imported = lifeline(['units', 'import', edited, '--by', 'Admin Asha'], s.env);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    const sha256 = crypto.createHash('sha256').update(fs.readFileSync(edited)).digest('hex');
    expect(imported.out).toContain(`imported edited.json as version 1 (42 units); sha256 ${sha256}`);

    const sync = s.open();
    const stored = getUnitRegistry(sync.database)!;
    expect(stored.version).toBe(1);
    expect(stored.registry.units.find((u) => u.id === 'pali-control-room')!.en).toBe('Pali Police District');
    expect(listRegistryVersions(sync.database)[0]).toMatchObject({ version: 1, sourceSha256: sha256 });
    sync.close();
    expect(registryAudit(s)).toEqual([
      {
        actor: 'Admin Asha',
        action: 'unit.registry_exported',
        version: 0,
        units: 42,
        sha256: expect.any(String),
      },
      {
        actor: 'Admin Asha',
        action: 'unit.registry_saved',
        version: 1,
        units: 42,
        change: ['renamed:pali-control-room'],
        sha256,
      },
    ]);
  });

  it('a unit added through the registry can be given a district account at once', () => {
    const s = cliStore([['Admin Asha', 'administrator']]);
    const out = path.join(s.dir, 'units.json');
    expect(lifeline(['units', 'export', out, '--by', 'Admin Asha'], s.env).code).toBe(0);
    // Headquarters adds a police-only district (Bhiwadi) with one PIN of its own.
    const text = fs.readFileSync(out, 'utf8');
    const pali = /\n {4}(\{"id":"pali-control-room".*\}),/.exec(text)![1]!;
    const bhiwadi = JSON.parse(pali) as Record<string, unknown>;
    Object.assign(bhiwadi, {
      id: 'bhiwadi-police-district',
      en: 'Bhiwadi police district',
      hi: 'भिवाड़ी पुलिस ज़िला',
      contacts: [],
      area: { districts: [], towns: [], pins: ['301019'], circles: [], districtOnly: [] },
    });
    const edited = path.join(s.dir, 'edited.json');
    fs.writeFileSync(edited, text.replace(pali, `${pali},\n    ${JSON.stringify(bhiwadi)}`));
    const account = (units: string) =>
      lifeline(
        [
          'account',
          'add',
          '--name',
          'Bhiwadi Desk',
          '--role',
          'unit',
          '--units',
          units,
          '--by',
          'Admin Asha',
        ],
        { ...s.env, LIFELINE_NEW_PASSWORD: 'unit pass 12' },
      );
    // Before the import the registry in force does not know it: refused, naming it.
    expect(account('bhiwadi-police-district').err).toMatch(
      /--units: bhiwadi-police-district is not a unit of the registry in force/,
    );
    const imported = lifeline(['units', 'import', edited, '--by', 'Admin Asha'], s.env);
    expect(imported.err).toBe('');
    const added = account('bhiwadi-police-district');
    expect(added.err).toBe('');
    expect(added.out).toContain('added Bhiwadi Desk (unit: bhiwadi-police-district)');
  });

  it('refuses a file with errors line by line, and changes nothing', () => {
    const s = cliStore([['Admin Asha', 'administrator']]);
    const out = path.join(s.dir, 'units.json');
    expect(lifeline(['units', 'export', out, '--by', 'Admin Asha'], s.env).code).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').split('\n');
    // Line 5 (the second unit): a five-digit PIN; line 7: an unknown kind; line 9: a duplicate id.
    lines[4] = lines[4]!.replace('"pins":[]', '"pins":["30201"]');
    lines[6] = lines[6]!.replace('"kind":"police-district"', '"kind":"zone"');
    lines[8] = lines[8]!.replace(/"id":"[a-z-]+"/, '"id":"kota-city"');
    const broken = path.join(s.dir, 'broken.json');
    fs.writeFileSync(broken, lines.join('\n'));
    const r = lifeline(['units', 'import', broken, '--by', 'Admin Asha'], s.env);
    expect(r.code).toBe(3);
    expect(r.err).toContain('refused broken.json: 3 problem(s); the registry is unchanged');
    expect(r.err).toContain('line 5: units[1].area.pins[0]: a PIN code: 6 digits');
    expect(r.err).toMatch(/line 7: units\[3\]\.kind: one of commissionerate, police-district, city, rural/);
    expect(r.err).toContain('line 9: units[5].id: kota-city appears twice');

    // A unit dropped: refused by the rule that units are retired, never removed.
    const dropped = path.join(s.dir, 'dropped.json');
    fs.writeFileSync(
      dropped,
      fs.readFileSync(out, 'utf8').replace(/\n {4}\{"id":"pali-control-room".*\},/, ''),
    );
    const d = lifeline(['units', 'import', dropped, '--by', 'Admin Asha'], s.env);
    expect(d.code).toBe(3);
    expect(d.err).toMatch(/"pali-control-room" is missing\. A unit is never removed/);

    const notJson = path.join(s.dir, 'not.json');
    fs.writeFileSync(
      notJson,
      '{\n  "format": "lifeline-unit-registry/1",\n  "units": [\n    {"id": }\n  ]\n}\n',
    );
    const n = lifeline(['units', 'import', notJson, '--by', 'Admin Asha'], s.env);
    expect(n.code).toBe(3);
    expect(n.err).toContain('line 4: (file): not valid JSON');

    const sync = s.open();
    expect(getUnitRegistry(sync.database)).toBeNull();
    sync.close();
    expect(registryAudit(s).map((a) => a.action)).toEqual(['unit.registry_exported']);
  });

  it('exports and imports CSV for a spreadsheet', () => {
    const s = cliStore([['Admin Asha', 'administrator']]);
    const out = path.join(s.dir, 'units.csv');
    expect(lifeline(['units', 'export', out, '--by', 'Admin Asha'], s.env).code).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toBe(
      'id,en,hi,kind,district,active,replaced_by,districts,towns,pins,district_only,circles,contacts',
    );
    const edited = path.join(s.dir, 'edited.csv');
    fs.writeFileSync(edited, text.replace('Pali district police control room', 'Pali Police District'));
    const r = lifeline(['units', 'import', edited, '--by', 'Admin Asha'], s.env);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/imported edited\.csv as version 1 \(42 units\)/);
    const sync = s.open();
    expect(getUnitRegistry(sync.database)!.registry.units.find((u) => u.id === 'pali-control-room')!.en).toBe(
      'Pali Police District',
    );
    sync.close();
  });
});
