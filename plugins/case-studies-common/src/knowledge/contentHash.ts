/**
 * JSON with object keys sorted at every level, so that equal data always gives
 * equal text whatever order its keys were written in. `undefined` values are
 * left out, as `JSON.stringify` does.
 *
 * @public
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value));
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .filter(key => record[key] !== undefined)
        .sort()
        .map(key => [key, sortKeysDeep(record[key])]),
    );
  }
  return value;
}

/**
 * A small, pure 64-bit string hash (two 32-bit multiply-xorshift lanes, after
 * cyrb53), as 16 hex digits. Not cryptographic: it identifies content, it does
 * not protect it. Runs anywhere, no `crypto` module needed.
 *
 * @public
 */
export function contentHash(text: string): string {
  let lane1 = 0xdeadbeef;
  let lane2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    lane1 = Math.imul(lane1 ^ code, 2654435761);
    lane2 = Math.imul(lane2 ^ code, 1597334677);
  }
  lane1 =
    Math.imul(lane1 ^ (lane1 >>> 16), 2246822507) ^
    Math.imul(lane2 ^ (lane2 >>> 13), 3266489909);
  lane2 =
    Math.imul(lane2 ^ (lane2 >>> 16), 2246822507) ^
    Math.imul(lane1 ^ (lane1 >>> 13), 3266489909);
  return toHex32(lane2) + toHex32(lane1);
}

function toHex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
