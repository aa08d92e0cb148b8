import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openJourneyDb } from '../../src/background/open-db';
import { DB_VERSION, type JourneyDb } from '../../src/background/schema';
import { newId } from '../../src/core/records/common';
import type { StoreNames } from 'idb';
import { testPersona, testStudy } from './fixtures/records';

/**
 * Every released schema version, filled with records, must open under the current code with every record kept.
 * The fixture for version v is written by the migrations up to v, as a browser that stopped updating there has it.
 */
describe('schema upgrades', () => {
  for (let from = 1; from <= DB_VERSION; from++) {
    it(`keeps every record from version ${from} to ${DB_VERSION}`, async () => {
      const name = `upgrade-${from}-${newId()}`;
      const old = await openJourneyDb(name, from);
      const study = testStudy();
      const persona = testPersona();
      await old.put('studies', study);
      await old.put('personas', persona);
      await old.put('meta', 'x', 'probe');
      const before = await Promise.all([...old.objectStoreNames].map(async (store) => [store, await old.count(store)] as const));
      old.close();

      const current = await openJourneyDb(name);
      expect(current.version).toBe(DB_VERSION);
      for (const [store, count] of before) expect(await current.count(store as StoreNames<JourneyDb>), store).toBe(count);
      expect(await current.get('studies', study.id)).toEqual(study);
      expect(await current.get('personas', persona.id)).toEqual(persona);
      current.close();
    });
  }

  it('creates every store a fresh profile needs', async () => {
    const fresh = await openJourneyDb(`fresh-${newId()}`);
    expect([...fresh.objectStoreNames].sort()).toEqual(
      ['annotations', 'feedback', 'meta', 'offsite', 'personas', 'responses', 'screenshots', 'sessions', 'signals', 'studies', 'visits'].sort(),
    );
  });
});
