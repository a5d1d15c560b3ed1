// Keeping the registry, as its curator does it on the command line: see where attribution is weak, get
// candidates for the names not resolved, and accept one into the registry's YAML. The story runs on the
// real RAN#104 list with a copy of the registry that lacks one real alias, "CMCC" (China Mobile): 26 of
// the list's Source cells name it (checked by hand in the file's Source column).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY_DIR } from '../domain/resolve/registry.js';
import { fixture, tempDir } from './support/app.js';
import { cli, type Cli } from './support/cli.js';

const RAN104 = fixture('3gpp', 'TDoc_List_Meeting_RAN#104.xlsx');
const CMCC_LINE = '    - CMCC\n';

describe('stdwatch orgs coverage, suggest and accept', () => {
  let run: Cli;
  let registry: string;
  let before: string;

  beforeAll(async () => {
    registry = tempDir('stdwatch-registry-');
    fs.cpSync(REGISTRY_DIR, registry, { recursive: true });
    const file = path.join(registry, 'organizations.yaml');
    const text = fs.readFileSync(file, 'utf8');
    expect(text.split(CMCC_LINE)).toHaveLength(2);
    before = text.replace(CMCC_LINE, '');
    fs.writeFileSync(file, before);
    run = cli({ STDWATCH_REGISTRY_DIR: registry });
    expect((await run.run(['import', RAN104])).code).toBe(0);
  });

  it('shows the coverage per group and year', async () => {
    const json = JSON.parse((await run.run(['orgs', 'coverage', '--by', 'group-year', '--format', 'json'])).stdout).data;
    // RAN#104: 26 mentions of CMCC, and "Swifts" (RP-241094), unresolved; all dated 2024.
    expect(json.rows).toEqual([expect.objectContaining({ body: '3gpp', group: 'RAN', year: '2024', unresolved: 27 })]);
    const text = (await run.run(['orgs', 'coverage', '--by', 'year'])).stdout;
    expect(text).toMatch(/^3gpp\s+2024\s+\d+\s+\d+\s+\d+\.\d\d %$/m);
  });

  it('suggests China Mobile for "CMCC", with its evidence and where the name appears', async () => {
    const result = await run.run(['orgs', 'suggest', '--format', 'json']);
    expect(result.code).toBe(0);
    const cmcc = JSON.parse(result.stdout).data.find((s: { name: string }) => s.name === 'CMCC');
    expect(cmcc).toMatchObject({ occurrences: 26, groups: [{ group: 'RAN', occurrences: 26 }], years: [{ year: '2024', occurrences: 26 }] });
    expect(cmcc.candidates[0]).toMatchObject({ slug: 'china-mobile', country: 'CN' });
    expect(cmcc.candidates[0].evidence).toContain('"CMCC" are the initials of its name');
    expect(cmcc.coListed.length).toBeGreaterThan(0);
    // Nothing is accepted by suggesting: the registry file is as it was.
    expect(fs.readFileSync(path.join(registry, 'organizations.yaml'), 'utf8')).toBe(before);
    const text = (await run.run(['orgs', 'suggest'])).stdout;
    expect(text).toContain('"CMCC": 26 mentions (RAN 26; 2024)');
    expect(text).toContain('after checking: stdwatch orgs accept "CMCC" ORG');
  });

  it('accepts "CMCC" for China Mobile as a one-line change to the YAML, and re-resolves what is stored', async () => {
    const accepted = await run.run(['orgs', 'accept', 'CMCC', 'china-mobile']);
    expect(accepted.stderr).toBe('');
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain('"CMCC" is now a name of China Mobile (china-mobile): organizations.yaml');
    expect(accepted.stdout).toContain('26 mentions of it now count for China Mobile');
    const after = fs.readFileSync(path.join(registry, 'organizations.yaml'), 'utf8');
    // One line added, in China Mobile's list of aliases; every other line as it was.
    const [was, now] = [before.split('\n'), after.split('\n')];
    const at = was.findIndex((line, i) => line !== now[i]);
    expect(now[at]).toBe('    - CMCC');
    expect(now.slice(0, at).reverse().find((line) => line.startsWith('- slug:'))).toBe('- slug: china-mobile');
    expect([...now.slice(0, at), ...now.slice(at + 1)]).toEqual(was);
    const unresolved = JSON.parse((await run.run(['orgs', 'unresolved', '--format', 'json'])).stdout).data;
    expect(unresolved).toEqual([{ name: 'Swifts', occurrences: 1, example: '3gpp RP-241094' }]);
  });

  it('refuses a name that already resolves, an unknown organization, a legal form, and writes nothing', async () => {
    const text = fs.readFileSync(path.join(registry, 'organizations.yaml'), 'utf8');
    const again = await run.run(['orgs', 'accept', 'CMCC', 'china-mobile']);
    expect([again.code, again.stderr]).toEqual([1, 'stdwatch: "CMCC" already resolves to China Mobile: nothing to add\n']);
    const other = await run.run(['orgs', 'accept', 'Huawei', 'zte']);
    expect(other.stderr).toBe('stdwatch: "Huawei" already resolves to Huawei (huawei); change or remove that first\n');
    const unknown = await run.run(['orgs', 'accept', 'Swifts', 'no-such-organization']);
    expect(unknown.stderr).toMatch(/^stdwatch: "no-such-organization" is no organization of the registry/);
    const legal = await run.run(['orgs', 'accept', 'Inc.', 'huawei']);
    expect(legal.stderr).toBe('stdwatch: "Inc." is a legal form, not an organization\'s name\n');
    expect(fs.readFileSync(path.join(registry, 'organizations.yaml'), 'utf8')).toBe(text);
  });
});
