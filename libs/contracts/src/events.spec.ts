import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from './errors';
import { decodeEventData, decodeEventEnvelope, eventSchemas } from './events';
import { EventType } from './subjects';

const fixtures = join(__dirname, 'event-fixtures');

/** The fixture of a type's version, as a producer of that version published it. */
function fixture(type: EventType, version: number): Record<string, unknown> & { data: Record<string, unknown> } {
  return JSON.parse(readFileSync(join(fixtures, `${type}.v${version}.json`), 'utf8')) as Record<string, unknown> & { data: Record<string, unknown> };
}

function decode(event: unknown) {
  const envelope = decodeEventEnvelope(event);
  return { envelope, data: decodeEventData(envelope) as object as Record<string, unknown> };
}

function failure(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected decoding to fail');
}

/**
 * Contract tests of every event type: what producers once published must stay readable. Each
 * type keeps a fixture of every schema version it had; a change to a data class that breaks
 * an old fixture fails here before it reaches a consumer in a rolling deploy.
 */
describe.each(Object.values(EventType))('the event %s', (type) => {
  it('has a fixture of every schema version up to the current one', () => {
    const files = readdirSync(fixtures).filter((name) => name.startsWith(`${type}.v`));

    expect(files.sort()).toEqual(Array.from({ length: eventSchemas[type].version }, (_, index) => `${type}.v${index + 1}.json`));
  });

  it('still reads its version 1 fixture', () => {
    const { envelope, data } = decode(fixture(type, 1));

    expect(envelope.type).toBe(type);
    expect(data).toEqual(fixture(type, 1).data);
  });

  it('reads an event whose producer added fields it does not know, and drops them', () => {
    const event = fixture(type, 1);
    const { envelope, data } = decode({ ...event, newextension: 'x', data: { ...event.data, addedLater: { nested: true } } });

    expect(data).toEqual(event.data);
    expect(envelope).not.toHaveProperty('newextension');
  });

  it('refuses an event that lacks a required field, or carries one of the wrong type, naming it', () => {
    const event = fixture(type, 1);
    const [first] = Object.keys(event.data);
    const { [first as string]: _removed, ...withoutFirst } = event.data;

    expect(failure(() => decode({ ...event, data: withoutFirst })).fields?.map((violation) => violation.field)).toContain(first);
    expect(failure(() => decode({ ...event, data: { ...event.data, [first as string]: 42 } })).fields?.map((violation) => violation.field)).toContain(first);
  });

  it('refuses a schema version newer than this reader knows', () => {
    const error = failure(() => decode({ ...fixture(type, 1), schemaversion: eventSchemas[type].version + 1 }));

    expect(error.fields).toEqual([{ field: 'schemaversion', message: `must be at most ${eventSchemas[type].version}` }]);
  });
});

describe('the event fixtures', () => {
  it('are each of a known event type', () => {
    for (const name of readdirSync(fixtures)) expect(Object.values(EventType)).toContain(name.replace(/\.v\d+\.json$/, ''));
  });
});
