import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { EXIT_OK, EXIT_USAGE, EXIT_WARNINGS, main } from '.';

const EXAMPLES_DIR = resolve(__dirname, '../../../../examples');
const demo = (file: string) => join(EXAMPLES_DIR, file);
const DEMO_NEIGHBOURS = ['resources.yaml', 'systems.yaml', 'org.yaml'].flatMap(
  file => ['--catalog', demo(file)],
);

function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = main(argv, {
    out: text => {
      out += text;
    },
    err: text => {
      err += text;
    },
  });
  return { code, out, err };
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'case-studies-cli-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function scratchFile(name: string, content: string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

/** A service and, in the same file, the database it depends on and its small system. */
const SELF_CONTAINED = `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: shop
  tags: [rails]
  annotations:
    case-studies/scale: small
spec:
  type: service
  lifecycle: production
  owner: team-a
  system: shop
  dependsOn: [resource:shop-db]
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: shop-db
  tags: [postgresql]
spec:
  type: database
  owner: team-a
  system: shop
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: shop
spec:
  owner: team-a
`;

describe('case-studies match', () => {
  it('prints a report naming the most similar company, with provenance', () => {
    const { code, out } = run(
      'match',
      demo('components.yaml'),
      ...DEMO_NEIGHBOURS,
      '--fail-on',
      'critical',
    );
    expect(code).toBe(EXIT_OK);
    expect(out).toContain('component:default/payments-monolith');
    expect(out).toMatch(/Companies like this service\n {2}1\. Stripe \d+/);
    expect(out).toContain('annotation case-studies/language');
  });

  it('uses the other documents of the file as neighbours', () => {
    const { code, out } = run(
      'match',
      scratchFile('shop.yaml', SELF_CONTAINED),
    );
    expect(code).toBe(EXIT_OK);
    expect(out).toContain(
      'postgres [dependsOn resource:default/shop-db (tag postgresql), high]',
    );
    expect(out).toContain(
      'system.components: 1 [system system:default/shop has 1 component]',
    );
    expect(out).toMatch(/1\. Gumroad \d+ \(small company\)/);
  });

  it('exits 1 when a warning reaches --fail-on', () => {
    const { code, err } = run(
      'match',
      demo('components.yaml'),
      '--entity',
      'payout-orchestrator',
      ...DEMO_NEIGHBOURS,
      '--fail-on',
      'critical',
    );
    expect(code).toBe(EXIT_WARNINGS);
    expect(err).toContain('microservices-with-strong-consistency (critical)');
  });

  it('prints the profile and guidance as JSON', () => {
    const { code, out } = run(
      'match',
      demo('components.yaml'),
      '--entity',
      'chat-gateway',
      ...DEMO_NEIGHBOURS,
      '--json',
    );
    expect(code).toBe(EXIT_OK);
    const parsed = JSON.parse(out);
    expect(parsed.profile.entityRef).toBe('component:default/chat-gateway');
    expect(parsed.guidance.companies[0].id).toBe('discord');
    expect(parsed.score.level).toMatch(/^(none|bronze|silver|gold)$/);
  });

  it('prints the score with each warning it loses points for', () => {
    const { code, out } = run(
      'match',
      demo('components.yaml'),
      '--entity',
      'payout-orchestrator',
      ...DEMO_NEIGHBOURS,
    );
    expect(code).toBe(EXIT_OK);
    const scoreSection = out.split('\nScore\n')[1].split('\n\n')[0];
    expect(scoreSection).toMatch(/^ {2}\d+\/100, /);
    expect(scoreSection).toContain('-20 critical warning: ');
  });

  it('adds extra knowledge files', () => {
    const extra = scratchFile(
      'ours.yaml',
      `antipatterns:
  - id: rails-without-owner-dashboards
    title: Rails without dashboards
    summary: A Rails service without observability.
    whyItHurts: Nobody sees it fail.
    severity: critical
    lesson: observability-is-built-in
    detect:
      all:
        - { attribute: language, in: [ruby] }
        - not: { attribute: practices, in: [observability] }
    remedy: Add dashboards.
    sources: [{ title: Our own postmortem }]
`,
    );
    const shop = scratchFile('shop-again.yaml', SELF_CONTAINED);
    expect(run('match', shop, '--fail-on', 'critical').code).toBe(EXIT_OK);
    const { code, err } = run(
      'match',
      shop,
      '--knowledge',
      extra,
      '--fail-on',
      'critical',
    );
    expect(code).toBe(EXIT_WARNINGS);
    expect(err).toContain('rails-without-owner-dashboards');
  });

  it.each([
    [[], 'expected: match <catalog-info.yaml>'],
    [['lint', 'x.yaml'], 'unknown command "lint"'],
    [
      ['match', 'a.yaml', '--fail-on', 'severe'],
      '--fail-on must be one of critical, high, medium, low',
    ],
    [['match', 'a.yaml', '--colour'], "Unknown option '--colour'"],
    [['match', '/does/not/exist.yaml'], 'cannot read /does/not/exist.yaml'],
  ])('exits 2 with a clear message for %j', (argv, message) => {
    const { code, err } = run(...argv);
    expect(code).toBe(EXIT_USAGE);
    expect(err).toContain(message);
  });

  it('exits 2 on a file that is not YAML or has no entity', () => {
    const broken = run(
      'match',
      scratchFile('broken.yaml', 'kind: Component\n  name: [x\n'),
    );
    expect(broken.code).toBe(EXIT_USAGE);
    expect(broken.err).toMatch(/broken\.yaml: not valid YAML at line \d+/);

    const notEntity = run('match', scratchFile('list.yaml', '- a\n- b\n'));
    expect(notEntity.code).toBe(EXIT_USAGE);
    expect(notEntity.err).toContain('must be a catalog entity with a kind');

    const missing = run(
      'match',
      scratchFile('one.yaml', SELF_CONTAINED),
      '--entity',
      'nope',
    );
    expect(missing.code).toBe(EXIT_USAGE);
    expect(missing.err).toContain('no entity named "nope"');
  });

  it('exits 2 naming the problem in an invalid knowledge file', () => {
    const bad = scratchFile(
      'bad-knowledge.yaml',
      'lessons:\n  - id: Not Kebab\n',
    );
    const { code, err } = run(
      'match',
      scratchFile('s.yaml', SELF_CONTAINED),
      '--knowledge',
      bad,
    );
    expect(code).toBe(EXIT_USAGE);
    expect(err).toContain('bad-knowledge.yaml');
  });

  it('prints usage for --help', () => {
    const { code, out } = run('--help');
    expect(code).toBe(EXIT_OK);
    expect(out).toContain('Usage: case-studies match');
  });
});
