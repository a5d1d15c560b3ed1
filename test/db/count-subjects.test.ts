// A source's subject in a count table has two spellings kept apart for speed: its id (made for every
// source, to add it up) and its key columns (made only when its row is new). Rows are told apart by
// the id and written by the columns, so the id must be the columns joined, or two subjects would share
// a row (or one subject get two).
import { describe, expect, it } from 'vitest';
import { subjectId, subjectKey, type CountedSource, type SubjectTable } from '../../db/counts/definitions.js';

const TABLES: SubjectTable[] = ['country', 'parent', 'entity', 'kind', 'partner', 'parentPartner'];

// Nokia Shanghai Bell: parent Nokia (FI), the entity in CN, through two partners; an unresolved source;
// a source whose parent is its own organization, without a country.
const SOURCES: CountedSource[] = [
  { parentId: 17, organizationId: 523, share: 0.5, parentCountry: 'FI', entityCountry: 'CN', parentKind: 'company', partner: 'CCSA+ETSI' },
  { parentId: 0, organizationId: null, share: 1 / 3, parentCountry: '', entityCountry: '', parentKind: 'unknown', partner: '' },
  { parentId: 9, organizationId: 9, share: 1, parentCountry: '', entityCountry: '', parentKind: 'sdo', partner: 'none' },
];

describe('a subject of the report counts', () => {
  for (const table of TABLES) {
    it(`is named by its key columns joined, in ${table}`, () => {
      for (const source of SOURCES) {
        for (const basis of ['parent', 'entity'] as const) {
          const id = subjectId(source, table, basis);
          if (id === null) {
            // Only an entity row of a source naming no organization has no subject.
            expect([table, source.organizationId]).toEqual(['entity', null]);
            continue;
          }
          expect(id).toBe(subjectKey(source, table, basis).join('\u0000'));
        }
      }
    });
  }

  it('tells the two bases apart where the entity is in another country than its parent', () => {
    expect(subjectKey(SOURCES[0]!, 'country', 'parent')).toEqual(['parent', 'FI']);
    expect(subjectKey(SOURCES[0]!, 'country', 'entity')).toEqual(['entity', 'CN']);
    expect(subjectKey(SOURCES[0]!, 'parent', 'entity')).toEqual(['entity', 'CN', 17]);
  });
});
