import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HandlerTable } from '../../src/background/handler';
import { CONTENT_HANDLERS } from '../../src/background/handlers/content';
import { UI_HANDLERS } from '../../src/background/handlers/ui';
import { ContentRequest, UiRequest } from '../../src/core/messages';
import type { Persona } from '../../src/core/records/persona';
import type { ContentReplies, ErrorKey, UiReplies } from '../../src/core/replies';
import type { MessageKey } from '../../src/shared/i18n';

/*
 * Each handler's reply is tied to its request by type: `npm run typecheck` fails if a `@ts-expect-error` below
 * stops being an error, that is, if a wrong reply would compile. The run-time part checks the tables are whole.
 */

type Ui = HandlerTable<UiRequest, UiReplies>;
declare const persona: Persona;

// A handler returning another request's reply (a Persona for 'ui.study.save').
export const wrongReply: Pick<Ui, 'ui.study.save'> = {
  // @ts-expect-error — 'ui.study.save' replies with the Study saved, not a Persona.
  'ui.study.save': { effect: 'adds', run: async () => persona },
};

export const nullForData: Pick<Ui, 'ui.overview'> = {
  // @ts-expect-error — 'ui.overview' replies with the overview, never null.
  'ui.overview': { effect: 'reads', run: async () => null },
};

export const wrongRequest: Pick<Ui, 'ui.persona.delete'> = {
  // @ts-expect-error — the request of 'ui.persona.delete' has no `studyId`.
  'ui.persona.delete': { effect: 'changes', run: async (request) => (request.studyId ? null : null) },
};

export const contentReply: Pick<HandlerTable<ContentRequest, ContentReplies, never>, 'content.events'> = {
  // @ts-expect-error — a page's batch is answered with the ids acknowledged, not a count.
  'content.events': { effect: 'adds', run: async (request) => ({ acked: request.events.length }) },
};

// @ts-expect-error — a table missing a request type does not compile.
export const missing: Ui = { ...UI_HANDLERS, 'ui.overview': undefined };

// Every refusal is a message key of the catalogue (the locale tests put it in both languages).
export const errorKeysAreMessages: MessageKey = '' as ErrorKey;

describe('handler tables', () => {
  it('answer every request type of each direction, and nothing else', () => {
    expect(Object.keys(UI_HANDLERS).sort()).toEqual(UiRequest.options.map((o) => o.shape.type.value).sort());
    expect(Object.keys(CONTENT_HANDLERS).sort()).toEqual(ContentRequest.options.map((o) => o.shape.type.value).sort());
  });

  it('leaves the English and Korean wording of every refusal to the catalogue', () => {
    const source = readFileSync(resolve(import.meta.dirname, '../../src/core/replies.ts'), 'utf8');
    const keys = [...source.slice(source.indexOf('export type ErrorKey')).split(';')[0]!.matchAll(/'(\w+)'/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(15);
    for (const language of ['en', 'ko']) {
      const messages = JSON.parse(readFileSync(join(resolve(import.meta.dirname, '../../public/_locales'), language, 'messages.json'), 'utf8'));
      expect(keys.filter((key) => !messages[key]), language).toEqual([]);
    }
  });
});
