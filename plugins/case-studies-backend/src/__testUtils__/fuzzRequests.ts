import fc from 'fast-check';

/*
 * fast-check arbitraries of requests to every route of the plugin: mostly
 * valid requests with one to three things wrong, so that most get past the
 * first check and reach the deeper ones. Paths and query strings are built
 * already percent-encoded (with raw pieces such as `..`, `%00` or `%ZZ`
 * that an encoder would never produce); bodies are JSON text, valid or not.
 */

/** Who sends a request; the test maps each to an Authorization header. */
export type FuzzCredentials =
  | 'owner'
  | 'nonOwner'
  | 'platform'
  | 'service'
  | 'none'
  | 'garbage';

export interface FuzzBody {
  /** the JSON text; ignored when oversized */
  text: string;
  contentType?: string;
  contentEncoding?: string;
  /** a body just over the 1 MB limit, which must be answered with 413 */
  oversized?: boolean;
}

export interface FuzzRequest {
  /** the route template, for grouping failures */
  route: string;
  method: string;
  /** below the plugin's base path, percent-encoded; `{rollout}` stands for the seeded rollout's id */
  path: string;
  /** without the `?`, percent-encoded */
  query: string;
  body?: FuzzBody;
  credentials: FuzzCredentials;
}

/** Whether a request may change the store. */
export const isMutating = (request: FuzzRequest) =>
  ['PUT', 'POST', 'PATCH', 'DELETE'].includes(request.method);

/**
 * Percent-encodes every UTF-16 code unit that is not unreserved, as UTF-8;
 * a lone surrogate becomes its three-byte (invalid UTF-8) form, as a
 * careless client would send it.
 */
export function encodePart(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (/[A-Za-z0-9\-._~]/.test(value[i])) {
      out += value[i];
      continue;
    }
    let codePoint = unit;
    const next = value.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
      codePoint = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    const bytes: number[] = [];
    if (codePoint < 0x80) bytes.push(codePoint);
    else if (codePoint < 0x800) {
      bytes.push(0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f));
    } else if (codePoint < 0x10000) {
      bytes.push(
        0xe0 | (codePoint >> 12),
        0x80 | ((codePoint >> 6) & 0x3f),
        0x80 | (codePoint & 0x3f),
      );
    } else {
      bytes.push(
        0xf0 | (codePoint >> 18),
        0x80 | ((codePoint >> 12) & 0x3f),
        0x80 | ((codePoint >> 6) & 0x3f),
        0x80 | (codePoint & 0x3f),
      );
    }
    out += bytes
      .map(b => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
      .join('');
  }
  return out;
}

/** Texts that have broken parsers, validators, databases and renderers before. */
const NASTY_TEXTS = [
  '',
  ' ',
  '.',
  '..',
  '../../etc/passwd',
  '..\\..\\windows',
  "' OR 1=1 --",
  "'; DROP TABLE rollout; --",
  '" OR ""="',
  '%',
  '_',
  '\\',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\ude00y',
  '😀',
  '👩‍👩‍👧‍👦',
  '\u202etxt.exe',
  '\u200f\u200e',
  'e\u0301\u0301\u0301',
  'Z\u0334\u0321\u031b\u0356a\u0338l\u0337g\u0336o\u0335',
  '\ufeff',
  '\uffff',
  '\u2028\u2029',
  'İı',
  'ß',
  'ＣＯＭＰＯＮＥＮＴ',
  'a'.repeat(254),
  'a'.repeat(1025),
  'a'.repeat(6000),
  '1e309',
  '99999999999999999999',
  '9223372036854775808',
  '-0',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1.5',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'component:default/checkout',
  'COMPONENT:DEFAULT/CHECKOUT',
  'group:default/payments',
  'user:default/alice',
  'component:default/',
  'component:default/checkout/extra',
  ':::',
];

/** Any UTF-16 code units, lone surrogates and NUL included. */
const anyUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map(c => String.fromCharCode(c)),
  maxLength: 24,
});

export const nastyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...NASTY_TEXTS) },
  { weight: 2, arbitrary: anyUnits },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 16 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('checkout', 'payments', 'note ', 'component:default/'),
        fc.constantFrom(...NASTY_TEXTS),
      )
      .map(([a, b]) => a + b),
  },
);

/**
 * Marks a JSON literal to splice into the body text as is, for numbers and
 * escapes JSON.stringify would never write (1e309, 20 digits, -0 ...).
 */
const raw = (literal: string) => `\u0001RAW:${literal}\u0001`;
const RAW_MARK = /"\\u0001RAW:(.*?)\\u0001"/g;

/** JSON text of a value, with the raw literals spliced in. */
export const toJsonText = (value: unknown) =>
  (JSON.stringify(value) ?? 'null').replace(RAW_MARK, (_m, literal) =>
    JSON.parse(`"${literal}"`),
  );

const RAW_LITERALS = [
  '1e309',
  '-1e309',
  '1E400',
  '99999999999999999999',
  '9007199254740993',
  '123456789012345678901234567890',
  '-0',
  '0.1e-400',
  '1.0',
  '"\\u0000"',
  '"\\ud800"',
  '"a\\udfffb"',
  '"\\u202e"',
];

const oddNumber = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.5,
    2 ** 31,
    2 ** 31 - 1,
    -(2 ** 31) - 1,
    2 ** 53,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    2 ** 63,
    1e20,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** A JSON value of the wrong kind, or of the right kind but odd. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyText },
  { weight: 3, arbitrary: oddNumber },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_LITERALS).map(raw) },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
  { weight: 1, arbitrary: fc.array(nastyText, { maxLength: 4 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      {},
      [],
      [[]],
      { $gt: '' },
      { __proto__: null, toString: 1 },
      new Array(150).fill('component'),
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

const UNKNOWN_KEYS = [
  'extra',
  'id',
  'createdBy',
  'updatedBy',
  'version',
  'isAdmin',
  '__proto__',
  'constructor',
  '',
  "' OR 1=1 --",
  '\u0000',
];

type Mutation = (body: Record<string, unknown>) => unknown;

/**
 * Sets an own property, `__proto__` included, to a copy of the value: the
 * odd values are shared constants, which a later mutation must not change.
 */
function setOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, {
    value: structuredClone(value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Sets the value at a path into a body, creating the objects on the way. */
function setPath(
  body: Record<string, unknown>,
  path: string[],
  value: unknown,
) {
  let target = body;
  for (const key of path.slice(0, -1)) {
    if (!target[key] || typeof target[key] !== 'object') {
      target[key] = {};
    }
    target = target[key] as Record<string, unknown>;
  }
  setOwn(target, path[path.length - 1], value);
  return body;
}

/** Characters neither database stores as given (PostgreSQL refuses NUL; lone surrogates are not text). */
const UNSTORABLE = ['\u0000', '\ud800', '\udfff', '\ud83d'];

/**
 * Something wrong with a valid body: a field wrong, missing or extra, a
 * nested field wrong, not an object at all, or a text field that is valid
 * but for one unstorable character.
 */
function mutation(
  fields: string[],
  nested: string[][],
  texts: string[][],
): fc.Arbitrary<Mutation> {
  const anyKey = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...fields) },
    { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN_KEYS) },
  );
  const options: fc.Arbitrary<Mutation>[] = [
    fc.tuple(anyKey, oddValue).map(([key, value]) => body => {
      setOwn(body, key, value);
      return body;
    }),
    fc.constantFrom(...fields).map(key => body => {
      delete body[key];
      return body;
    }),
    oddValue.map(value => () => structuredClone(value)),
  ];
  if (nested.length > 0) {
    options.push(
      fc.tuple(fc.constantFrom(...nested), oddValue).map(
        ([path, value]) =>
          body =>
            setPath(body, path, value),
      ),
    );
  }
  if (texts.length > 0) {
    options.push(
      fc
        .tuple(
          fc.constantFrom(...texts),
          fc.constantFrom('', 'Valid text ', 'component:default/checkout'),
          fc.constantFrom(...UNSTORABLE),
        )
        .map(
          ([path, prefix, character]) =>
            body =>
              setPath(body, path, `${prefix}${character}`),
        ),
    );
  }
  return fc.oneof(...options);
}

const MALFORMED_JSON = [
  '',
  ' ',
  '{',
  '}',
  '[',
  '{"status":',
  '{"status":"done"',
  '{"status":"done"}}',
  "{'status':'done'}",
  '{"status":undefined}',
  '{"status":"done",}',
  'nul',
  'NaN',
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":1e309}',
  '"just a string"',
  '42',
  'null',
  'true',
  '[]',
  '\u0000',
  '{"note":"\u0000"}',
  '{"note":"\\u0000"}',
  '{"note":"\\ud800"}',
  '{"note":"\\x41"}',
  '\ufeff{"status":"done"}',
  '{"__proto__":{"isAdmin":true},"status":"done"}',
  '{"constructor":{"prototype":{"x":1}}}',
  '<xml/>',
  'status=done',
  '['.repeat(5000),
  '{"a":'.repeat(3000),
];

const ODD_CONTENT_TYPES = [
  undefined,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json; charset=nope',
  'application/vnd.api+json',
  'application/json; charset="utf-8"',
  'APPLICATION/JSON',
  'application/json, text/plain',
  '*/*',
  ';;;',
];

/** A body for a route that takes JSON: mostly a valid one, mutated. */
function jsonBody(
  valid: Record<string, unknown>[],
  /** paths of nested fields to set to odd values */
  nested: string[][] = [],
  /** paths of text fields, to poison with one unstorable character */
  texts: string[][] = [],
): fc.Arbitrary<FuzzBody | undefined> {
  const fields = [...new Set(valid.flatMap(v => Object.keys(v)))];
  const mutated = fc
    .tuple(
      fc.constantFrom(...valid),
      fc.oneof(
        { weight: 1, arbitrary: fc.constant([]) },
        {
          weight: 1,
          arbitrary: fc.array(
            mutation(fields.length ? fields : ['x'], nested, texts),
            {
              minLength: 1,
              maxLength: 3,
            },
          ),
        },
      ),
    )
    .map(([base, mutations]) => {
      let body: unknown = structuredClone(base);
      for (const mutate of mutations) {
        body =
          body && typeof body === 'object' && !Array.isArray(body)
            ? mutate(body as Record<string, unknown>)
            : mutate({});
      }
      return toJsonText(body);
    });
  return fc.oneof(
    {
      weight: 12,
      arbitrary: mutated.map(text => ({
        text,
        contentType: 'application/json',
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .oneof(fc.constantFrom(...MALFORMED_JSON), anyUnits)
        .map(text => ({ text, contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(mutated, fc.constantFrom(...ODD_CONTENT_TYPES))
        .map(([text, contentType]) => ({ text, contentType })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          mutated,
          fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-bogus'),
        )
        .map(([text, contentEncoding]) => ({
          text,
          contentType: 'application/json',
          contentEncoding,
        })),
    },
    {
      weight: 1,
      arbitrary: fc.constant({
        text: '',
        contentType: 'application/json',
        oversized: true,
      }),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** A body a GET should ignore: usually none. */
const strayBody: fc.Arbitrary<FuzzBody | undefined> = fc.oneof(
  { weight: 20, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...MALFORMED_JSON).map(text => ({
      text,
      contentType: 'application/json',
    })),
  },
  {
    weight: 1,
    arbitrary: fc.constant({
      text: '',
      contentType: 'application/json',
      oversized: true,
    }),
  },
);

/** Raw path pieces an encoder would never produce. */
const RAW_SEGMENTS = [
  '..',
  '.',
  '%2e%2e',
  '%2E%2E%2F%2E%2E',
  '..%2F..%2Fetc%2Fpasswd',
  '%2F',
  '%00',
  'checkout%00',
  '%',
  '%ZZ',
  '%C0%AE%C0%AE',
  '%ED%A0%80',
  '%F0%9F%98',
  '%FF%FE',
  '',
  ';',
  'checkout;v=1',
  '*',
];

/** A path segment: mostly one of the valid values, sometimes anything. */
function segment(valid: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...valid).map(encodePart) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
    { weight: 2, arbitrary: nastyText.map(encodePart) },
  );
}

const QUERY_VALUES = [
  'true',
  'false',
  '1',
  '2',
  '10',
  '50',
  '200',
  '201',
  '0',
  '2026-11-01',
  '2026-12-31',
  '2026-02-30',
  '2027-01-01',
  'owner',
  'system',
  'domain',
  'none',
  'csv',
  'json',
  'component',
  'Component',
  'service',
  'production',
  'active',
  'draft',
  'archived',
  'component:default/checkout',
  'group:default/payments',
  'payments',
  'version-control',
  'idempotency-keys-on-post',
  '1e309',
  '99999999999999999999',
  '9007199254740992',
  '9007199254740993',
  '9223372036854775807',
  '9223372036854775808',
  '18446744073709551616',
  '-0',
  'NaN',
  '-1',
  '1.5',
  '0x10',
  ' 1',
  '1'.repeat(400),
];

/** A query string: none, valid values of the known keys, or odd values, repeated, unknown and bracketed keys. */
function queryString(valid: Record<string, string[]>): fc.Arbitrary<string> {
  const keys = Object.keys(valid);
  const key = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...keys, ...keys, 'x') },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...keys, 'x')
        .chain(k =>
          fc.constantFrom(`${k}[]`, `${k}[$gt]`, `${k}[0]`, `${k}[a][b]`),
        ),
    },
    { weight: 1, arbitrary: nastyText.map(encodePart) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('__proto__[x]', 'constructor[prototype][x]'),
    },
  );
  const value = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...QUERY_VALUES).map(encodePart) },
    { weight: 2, arbitrary: nastyText.map(encodePart) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%ZZ', '%00', '%ED%A0%80') },
  );
  const pair = fc.oneof(
    {
      weight: 10,
      arbitrary: fc.tuple(key, value).map(([k, v]) => `${k}=${v}`),
    },
    { weight: 1, arbitrary: key },
    { weight: 1, arbitrary: fc.constantFrom('', '=', '&', '==') },
  );
  const odd = fc
    .array(pair, { minLength: 1, maxLength: 5 })
    .map(pairs => pairs.join('&'));
  if (keys.length === 0) {
    return fc.oneof({ weight: 4, arbitrary: fc.constant('') }, odd);
  }
  const validPairs = fc
    .subarray(keys)
    .chain(chosen =>
      fc.tuple(
        ...chosen.map(k =>
          fc.constantFrom(...valid[k]).map(v => `${k}=${encodePart(v)}`),
        ),
      ),
    )
    .map(pairs => pairs.join('&'));
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 2, arbitrary: validPairs },
    { weight: 2, arbitrary: odd },
  );
}

const credentials: fc.Arbitrary<FuzzCredentials> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom<FuzzCredentials>('owner', 'platform'),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<FuzzCredentials>(
      'nonOwner',
      'service',
      'none',
      'garbage',
    ),
  },
);

const KINDS = [
  'component',
  'Component',
  'COMPONENT',
  'group',
  'user',
  'system',
  'domain',
  'resource',
];
const NAMESPACES = ['default', 'Default', 'other'];
const NAMES = [
  'checkout',
  'Checkout',
  'hidden-service',
  'ledger',
  'portal',
  'bob-script',
  'ledger-db',
  'payments',
  'payments-system',
  'money',
  'alice',
  'nope',
];
export const ITEM_IDS = [
  'version-control',
  'continuous-integration',
  'test-automation',
  'timeouts-on-remote-calls',
  'on-call-alerting',
  'idempotency-keys-on-post',
  'postmortem-blameless',
  'rust-on-hot-paths',
  'no-such-item',
];

/** Entities of the roll-up catalog, some spelled in other cases (refs are case-insensitive). */
const ENTITIES = [
  ['component', 'default', 'checkout'],
  ['Component', 'Default', 'Checkout'],
  ['component', 'default', 'hidden-service'],
  ['component', 'default', 'ledger'],
  ['component', 'default', 'portal'],
  ['component', 'default', 'bob-script'],
  ['resource', 'default', 'ledger-db'],
  ['system', 'default', 'payments-system'],
  ['domain', 'default', 'money'],
  ['group', 'default', 'payments'],
];

const entityPath = fc
  .oneof(
    {
      weight: 3,
      arbitrary: fc
        .constantFrom(...ENTITIES)
        .map(parts => parts.map(encodePart)),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(segment(KINDS), segment(NAMESPACES), segment(NAMES)),
    },
  )
  .map(parts => `/entities/${parts.join('/')}`);

const rolloutId = fc.oneof(
  { weight: 8, arbitrary: fc.constant('{rollout}') },
  { weight: 1, arbitrary: fc.uuid() },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '00000000-0000-0000-0000-000000000000',
      'not-a-uuid',
      encodePart("1' OR '1'='1"),
    ),
  },
  { weight: 1, arbitrary: segment(['x']) },
);

const today = new Date().toISOString().slice(0, 10);

const CHECKLIST_UPDATES = [
  { status: 'done' },
  { status: 'in-progress', note: 'Working on it' },
  { status: 'todo', evidenceUrl: 'https://example.com/pr/1' },
  {
    status: 'not-applicable',
    note: 'No remote calls here',
    until: '2099-12-31',
  },
  { status: 'not-applicable', note: 'Exempt', until: today },
  { status: 'done', note: "' OR 1=1 --; DROP TABLE checklist_status" },
  { status: 'done', note: '<script>alert(document.cookie)</script>' },
  { status: 'done', version: 1 },
  { status: 'in-progress', version: 0 },
];

const catalogEntity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'new-service', namespace: 'default', tags: ['ruby'] },
  spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
};

const MATCH_BODIES = [
  { entity: catalogEntity },
  {
    entity: catalogEntity,
    relatedEntities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: 'db', tags: ['postgres'] },
        spec: { type: 'database' },
      },
    ],
  },
];

export const ROLLOUT_INPUT = {
  title: 'Payments hardening',
  description: 'Every payments service adopts idempotency keys.',
  itemIds: ['idempotency-keys-on-post', 'timeouts-on-remote-calls'],
  target: { owners: ['payments', 'payments-core'] },
  startDate: '2026-11-01',
  dueDate: '2027-03-01',
  state: 'active',
  requireExemptionApproval: true,
};

const ROLLOUT_CREATES = [
  ROLLOUT_INPUT,
  {
    title: 'Tracing everywhere',
    itemIds: ['version-control'],
    target: { kinds: ['component'], tags: ['java'] },
    startDate: '2026-01-01',
    dueDate: '2026-02-01',
  },
];

const ROLLOUT_PATCHES = [
  { title: 'Renamed' },
  { description: '<script>alert(1)</script>' },
  { state: 'done' },
  { state: 'draft', version: 1 },
  { dueDate: '2027-06-01', version: 1 },
  { requireExemptionApproval: false },
  { target: { tags: ['ruby'] }, itemIds: ['version-control'] },
  {},
];

const APPROVALS = [
  {
    entityRef: 'component:default/checkout',
    itemId: 'timeouts-on-remote-calls',
  },
  { entityRef: 'component:default/ledger', itemId: 'idempotency-keys-on-post' },
  // a ref as people write it, without kind and namespace
  { entityRef: 'checkout', itemId: 'timeouts-on-remote-calls' },
];

const DAYS = ['2026-01-01', '2026-11-01', today, '2099-01-01'];

const SCORECARD_FILTERS = {
  groupBy: ['owner', 'system', 'domain', 'none'],
  kind: ['component', 'Component', 'resource'],
  type: ['service', 'database'],
  lifecycle: ['production', 'experimental'],
};

const ROLLUP_KINDS = ['groups', 'users', 'systems', 'domains'];

const route = (
  name: string,
  method: string,
  path: fc.Arbitrary<string>,
  query: fc.Arbitrary<string>,
  body: fc.Arbitrary<FuzzBody | undefined>,
) =>
  fc
    .record({ path, query, body, credentials })
    .map((r): FuzzRequest => ({ route: name, method, ...r }));

const noQuery = queryString({});

/** A request to one of the plugin's routes (or one next to them). */
export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  route('GET /health', 'GET', fc.constant('/health'), noQuery, strayBody),
  route(
    'GET /health/readiness',
    'GET',
    fc.constant('/health/readiness'),
    noQuery,
    strayBody,
  ),
  route('GET /knowledge', 'GET', fc.constant('/knowledge'), noQuery, strayBody),
  {
    weight: 2,
    arbitrary: route(
      'POST /match',
      'POST',
      fc.constant('/match'),
      noQuery,
      jsonBody(
        MATCH_BODIES,
        [
          ['entity', 'kind'],
          ['entity', 'metadata'],
          ['entity', 'metadata', 'name'],
          ['entity', 'metadata', 'namespace'],
          ['entity', 'spec'],
          ['entity', 'spec', 'owner'],
          ['entity', 'relations'],
        ],
        [
          ['entity', 'apiVersion'],
          ['entity', 'kind'],
          ['entity', 'metadata', 'name'],
          ['entity', 'metadata', 'namespace'],
          ['entity', 'metadata', 'title'],
          ['entity', 'spec', 'owner'],
          ['relatedEntities', '0', 'metadata', 'name'],
        ],
      ),
    ),
  },
  {
    weight: 2,
    arbitrary: route(
      'GET /entities/:kind/:namespace/:name/guidance',
      'GET',
      entityPath.map(p => `${p}/guidance`),
      noQuery,
      strayBody,
    ),
  },
  {
    weight: 2,
    arbitrary: route(
      'GET /entities/:kind/:namespace/:name/checklist/history',
      'GET',
      entityPath.map(p => `${p}/checklist/history`),
      queryString({
        itemId: ITEM_IDS,
        limit: ['1', '2', '50', '200'],
        cursor: ['1', '3', '1000'],
      }),
      strayBody,
    ),
  },
  {
    weight: 6,
    arbitrary: route(
      'PUT /entities/:kind/:namespace/:name/checklist/:itemId',
      'PUT',
      fc
        .tuple(entityPath, segment(ITEM_IDS))
        .map(([p, item]) => `${p}/checklist/${item}`),
      noQuery,
      jsonBody(CHECKLIST_UPDATES, [], [['note'], ['evidenceUrl']]),
    ),
  },
  route(
    'GET /entities/:kind/:namespace/:name/score/history',
    'GET',
    entityPath.map(p => `${p}/score/history`),
    queryString({ from: DAYS, to: DAYS }),
    strayBody,
  ),
  {
    weight: 2,
    arbitrary: route(
      'GET /<kind>s/:namespace/:name/progress',
      'GET',
      fc
        .oneof(
          fc.constantFrom(
            '/groups/default/payments',
            '/groups/default/org',
            '/groups/default/loop-a',
            '/users/default/alice',
            '/users/default/bob',
            '/systems/default/payments-system',
            '/domains/default/money',
          ),
          fc
            .tuple(
              fc.constantFrom(...ROLLUP_KINDS),
              segment(NAMESPACES),
              segment(NAMES),
            )
            .map(([kind, ns, name]) => `/${kind}/${ns}/${name}`),
        )
        .map(path => `${path}/progress`),
      queryString({
        recursive: ['true', 'false'],
        limit: ['1', '2', '100'],
        cursor: ['component:default/checkout', 'x'],
      }),
      strayBody,
    ),
  },
  route(
    'GET /scorecards',
    'GET',
    fc.constant('/scorecards'),
    queryString({
      ...SCORECARD_FILTERS,
      format: ['json', 'csv'],
      live: ['true', 'false'],
    }),
    strayBody,
  ),
  route(
    'GET /scorecards/history',
    'GET',
    fc.constant('/scorecards/history'),
    queryString({ ...SCORECARD_FILTERS, from: DAYS, to: DAYS }),
    strayBody,
  ),
  route(
    'GET /rollouts',
    'GET',
    fc.constant('/rollouts'),
    queryString({
      state: ['draft', 'active', 'done', 'archived'],
      entity: ['component:default/checkout', 'Component:default/ledger'],
      team: ['group:default/payments', 'payments'],
    }),
    strayBody,
  ),
  {
    weight: 4,
    arbitrary: route(
      'POST /rollouts',
      'POST',
      fc.constant('/rollouts'),
      noQuery,
      jsonBody(
        ROLLOUT_CREATES,
        [
          ['target', 'owners'],
          ['target', 'kinds'],
          ['target', 'colours'],
          ['itemIds', '0'],
        ],
        [
          ['title'],
          ['description'],
          ['itemIds', '0'],
          ['target', 'owners', '0'],
          ['target', 'kinds', '0'],
        ],
      ),
    ),
  },
  route(
    'GET /rollouts/:id',
    'GET',
    rolloutId.map(id => `/rollouts/${id}`),
    noQuery,
    strayBody,
  ),
  {
    weight: 4,
    arbitrary: route(
      'PATCH /rollouts/:id',
      'PATCH',
      rolloutId.map(id => `/rollouts/${id}`),
      noQuery,
      jsonBody(
        ROLLOUT_PATCHES,
        [
          ['target', 'tags'],
          ['target', 'owners'],
          ['itemIds', '0'],
        ],
        [['title'], ['description'], ['target', 'tags', '0'], ['itemIds', '0']],
      ),
    ),
  },
  {
    weight: 2,
    arbitrary: route(
      'POST /rollouts/:id/approvals',
      'POST',
      rolloutId.map(id => `/rollouts/${id}/approvals`),
      noQuery,
      jsonBody(APPROVALS, [], [['entityRef'], ['itemId']]),
    ),
  },
  route(
    'GET /rollouts/:id/progress',
    'GET',
    rolloutId.map(id => `/rollouts/${id}/progress`),
    noQuery,
    strayBody,
  ),
  // methods no route has, and paths next to the routes
  route(
    'other',
    'DELETE',
    fc.constantFrom(
      '/rollouts/{rollout}',
      '/entities/component/default/checkout/checklist/version-control',
    ),
    noQuery,
    strayBody,
  ),
  route(
    'other',
    'GET',
    fc
      .array(segment(['rollouts', 'entities', 'scorecards', 'x']), {
        minLength: 1,
        maxLength: 6,
      })
      .map(parts => `/${parts.join('/')}`),
    noQuery,
    strayBody,
  ),
  route(
    'other',
    'POST',
    fc.constantFrom(
      '/knowledge',
      '/scorecards',
      '/rollouts/{rollout}',
      '/health',
    ),
    noQuery,
    jsonBody([{ a: 1 }]),
  ),
);
