import { jsonDepthExceeds } from './json-bodies';

const depth = (json: string, limit: number) => jsonDepthExceeds(Buffer.from(json), limit);

describe('jsonDepthExceeds', () => {
  it('counts nested objects and arrays', () => {
    expect(depth('{"a":{"b":[1,{"c":2}]}}', 4)).toBe(false);
    expect(depth('{"a":{"b":[1,{"c":2}]}}', 3)).toBe(true);
    expect(depth('[]', 1)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(depth('{"a":"[[[[{{{{","b":"\\"[[[["}', 1)).toBe(false);
  });

  it('stops at the limit on a body of ten thousand levels', () => {
    expect(depth('['.repeat(10_000) + ']'.repeat(10_000), 16)).toBe(true);
    expect(depth('['.repeat(100_000), 16)).toBe(true);
  });
});
