// The Marionette client's framing (test/bench/marionette.ts): `<UTF-8 byte length>:<JSON>`, read back
// however the bytes are split, and responses told apart from anything else.
import { describe, expect, test } from 'vitest';
import { FrameReader, frame, parseResponse } from '../../test/bench/marionette.ts';

describe('framing', () => {
  test('the length counts UTF-8 bytes, not characters', () => {
    const bytes = frame([0, 1, 'WebDriver:ExecuteScript', { script: 'return "清读"' }]);
    const text = bytes.toString('utf8');
    const [length, ...rest] = text.split(':');
    const json = rest.join(':');
    expect(Number(length)).toBe(Buffer.byteLength(json, 'utf8'));
    expect(Number(length)).toBeGreaterThan(json.length);
  });

  test('a message split anywhere, even inside a character, comes back whole and once', () => {
    const message = [1, 7, null, { value: '隨著經濟發展' }];
    const bytes = frame(message);
    for (let cut = 1; cut < bytes.length; cut += 1) {
      const reader = new FrameReader();
      expect(reader.push(bytes.subarray(0, cut))).toEqual([]);
      expect(reader.push(bytes.subarray(cut))).toEqual([message]);
    }
  });

  test('several messages in one chunk, and one split across three', () => {
    const reader = new FrameReader();
    const a = { applicationType: 'gecko', marionetteProtocol: 3 };
    const b = [1, 1, null, { value: null }];
    const c = [1, 2, { error: 'no such element', message: 'gone' }, null];
    const all = Buffer.concat([frame(a), frame(b), frame(c)]);
    const third = all.length - 5;
    expect(reader.push(all.subarray(0, 3))).toEqual([]);
    expect(reader.push(all.subarray(3, third))).toEqual([a, b]);
    expect(reader.push(all.subarray(third))).toEqual([c]);
  });

  test('bytes that do not start with a length are an error, not a wait', () => {
    expect(() => new FrameReader().push(Buffer.from('{"a":1}'))).toThrow(/<length>:/);
    expect(() => new FrameReader().push(Buffer.from('12x:{}'))).toThrow(/<length>:/);
  });
});

describe('responses', () => {
  test('a result and an error are told apart', () => {
    expect(parseResponse([1, 3, null, { value: 2 }])).toEqual({ id: 3, error: null, result: { value: 2 } });
    expect(parseResponse([1, 4, { error: 'javascript error', message: 'boom' }, null]).error?.error).toBe('javascript error');
  });

  test('a command or the greeting is not a response', () => {
    expect(() => parseResponse([0, 1, 'WebDriver:NewSession', {}])).toThrow(/not a response/);
    expect(() => parseResponse({ marionetteProtocol: 3 })).toThrow(/not a response/);
  });
});
