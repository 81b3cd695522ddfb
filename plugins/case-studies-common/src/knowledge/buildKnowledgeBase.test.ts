import {
  buildKnowledgeBase,
  KnowledgeSource,
  knowledgeVersion,
  parseKnowledgeFile,
} from './buildKnowledgeBase';
import { KnowledgeBaseError, KnowledgeProblem } from './KnowledgeBaseError';
import { canonicalJson, contentHash } from './contentHash';

const SEED = '000_d219270d818add02.txt';

const lessonYaml = (id: string, title = 'A lesson', extra = '') => `
  - id: ${id}
    title: ${title}
    summary: Something worth knowing.
    appliesWhen: { always: true }
    reason: Always relevant.
    sources: [{ seed: ${SEED} }]${extra}`;

const patternYaml = (id: string) => `
  - id: ${id}
    name: A pattern
    category: resilience
    problem: A problem.
    solution: A solution.
    tradeoffs: [A cost.]
    appliesWhen: { always: true }
    reason: Always relevant.
    sources: [{ seed: ${SEED} }]`;

const companyYaml = (id: string, scaleYear = '2024') => `
  - id: ${id}
    name: Example Co
    summary: A company.
    scale:
      - { metric: users, value: 10, unit: users, year: ${scaleYear} }
    stack: { architecture: Monolith }
    profile: { architecture: [monolith] }
    lessons: [lesson-a]
    patterns: [pattern-a]
    dontCopyWhen:
      - text: Not at small scale.
        when: { attribute: scale, in: [small] }
    sources: [{ title: Internal wiki }]`;

const builtinLessons: KnowledgeSource = {
  path: 'lessons.yaml',
  content: `lessons:${lessonYaml('lesson-a', 'Built-in title')}${lessonYaml(
    'lesson-b',
  )}`,
};
const builtinPatterns: KnowledgeSource = {
  path: 'patterns.yaml',
  content: `patterns:${patternYaml('pattern-a')}`,
};
const builtinCompanies: KnowledgeSource = {
  path: 'companies/example.yaml',
  content: `companies:${companyYaml('example-co')}`,
};
const builtin = [builtinLessons, builtinPatterns, builtinCompanies];

function problemsOf(build: () => unknown): KnowledgeProblem[] {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeBaseError);
    return (error as KnowledgeBaseError).problems;
  }
  throw new Error('expected a KnowledgeBaseError, but nothing was thrown');
}

function messageOf(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeBaseError);
    return (error as Error).message;
  }
  throw new Error('expected a KnowledgeBaseError, but nothing was thrown');
}

describe('buildKnowledgeBase', () => {
  it('parses, validates and merges the sections of all files', () => {
    const kb = buildKnowledgeBase({ builtin });
    expect(kb.lessons.map(l => l.id)).toEqual(['lesson-a', 'lesson-b']);
    expect(kb.patterns.map(p => p.id)).toEqual(['pattern-a']);
    expect(kb.companies.map(c => c.id)).toEqual(['example-co']);
    expect(kb.antipatterns).toEqual([]);
    expect(kb.checklist).toEqual([]);
    // schema defaults are applied
    expect(kb.patterns[0].adoption).toBe('depends');
    expect(kb.companies[0].small).toBe(false);
    expect(kb.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('accepts JSON as well as YAML', () => {
    const kb = buildKnowledgeBase({
      builtin: [
        ...builtin,
        {
          path: 'extra.json',
          content: JSON.stringify({
            lessons: [
              {
                id: 'lesson-json',
                title: 'From JSON',
                summary: 'Parsed as JSON.',
                appliesWhen: { fact: 'team.members', lt: 10 },
                reason: 'Small team.',
                sources: [{ url: 'https://example.com/postmortem' }],
              },
            ],
          }),
        },
      ],
    });
    expect(kb.lessons.map(l => l.id)).toContain('lesson-json');
  });

  describe('version', () => {
    it('is deterministic and independent of file order', () => {
      const a = buildKnowledgeBase({ builtin });
      const b = buildKnowledgeBase({ builtin: [...builtin].reverse() });
      expect(b.version).toBe(a.version);
    });

    it('changes when any entry changes', () => {
      const a = buildKnowledgeBase({ builtin });
      const changed = buildKnowledgeBase({
        builtin: [
          {
            ...builtinLessons,
            content: builtinLessons.content.replace(
              'Built-in title',
              'Built-in title!',
            ),
          },
          builtinPatterns,
          builtinCompanies,
        ],
      });
      expect(changed.version).not.toBe(a.version);
    });

    it('does not depend on key order inside entries', () => {
      const kb = buildKnowledgeBase({ builtin });
      const reordered = {
        ...kb,
        lessons: kb.lessons.map(lesson =>
          Object.fromEntries(Object.entries(lesson).reverse()),
        ) as typeof kb.lessons,
      };
      expect(knowledgeVersion(reordered)).toBe(kb.version);
    });
  });

  describe('validation errors', () => {
    it('names the file, the entry id and the field path', () => {
      const bad: KnowledgeSource = {
        path: 'acme/case-studies.yaml',
        content: `companies:${companyYaml('acme', '"last year"')}`,
      };
      const message = messageOf(() =>
        buildKnowledgeBase({ builtin, extensions: [bad] }),
      );
      expect(message).toContain(
        'acme/case-studies.yaml: companies[acme] scale[0].year:',
      );
      expect(message).toMatch(/expected number/);

      const [problem] = problemsOf(() =>
        buildKnowledgeBase({ builtin, extensions: [bad] }),
      );
      expect(problem).toEqual(
        expect.objectContaining({
          file: 'acme/case-studies.yaml',
          entry: 'companies[acme]',
          field: 'scale[0].year',
        }),
      );
    });

    it('reports a missing required field as required', () => {
      const bad: KnowledgeSource = {
        path: 'ext.yaml',
        content: `lessons:
  - id: no-summary
    title: Missing summary
    appliesWhen: { always: true }
    reason: x
    sources: [{ seed: ${SEED} }]`,
      };
      const problems = problemsOf(() =>
        buildKnowledgeBase({ builtin, extensions: [bad] }),
      );
      expect(problems).toEqual([
        expect.objectContaining({
          file: 'ext.yaml',
          entry: 'lessons[no-summary]',
          field: 'summary',
          message: expect.stringMatching(/required/),
        }),
      ]);
    });

    it('points into conditions at the branch the author meant', () => {
      const bad: KnowledgeSource = {
        path: 'ext.yaml',
        content: `lessons:${lessonYaml('colourful').replace(
          '{ always: true }',
          '{ all: [{ attribute: scale, in: [small] }, { attribute: colour, in: [red] }] }',
        )}`,
      };
      const problems = problemsOf(() =>
        buildKnowledgeBase({ builtin, extensions: [bad] }),
      );
      expect(problems).toHaveLength(1);
      expect(problems[0].entry).toBe('lessons[colourful]');
      expect(problems[0].field).toBe('appliesWhen.all[1].attribute');
      expect(problems[0].message).toMatch(/practices/);
    });

    it('explains a condition that matches no form at all', () => {
      const bad: KnowledgeSource = {
        path: 'ext.yaml',
        content: `lessons:${lessonYaml('shapeless').replace(
          '{ always: true }',
          '{ sometimes: true }',
        )}`,
      };
      const [problem] = problemsOf(() =>
        buildKnowledgeBase({ builtin, extensions: [bad] }),
      );
      expect(problem.field).toBe('appliesWhen');
      expect(problem.message).toMatch(/not a valid condition/);
    });

    it('labels an entry without a usable id by its position', () => {
      const bad: KnowledgeSource = {
        path: 'ext.yaml',
        content: `lessons:${lessonYaml('ok-one')}\n  - title: no id`,
      };
      const problems = problemsOf(() =>
        buildKnowledgeBase({ builtin, extensions: [bad] }),
      );
      expect(problems.map(p => p.entry)).toContain('lessons[#1]');
      expect(problems.find(p => p.field === 'id')).toBeDefined();
    });

    it('rejects unknown sections and unknown fields', () => {
      const bad: KnowledgeSource = {
        path: 'ext.yaml',
        content: `lesons: []\nlessons:${lessonYaml(
          'typo',
          'T',
          '\n    colour: red',
        )}`,
      };
      const problems = problemsOf(() =>
        buildKnowledgeBase({ builtin, extensions: [bad] }),
      );
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            file: 'ext.yaml',
            message: expect.stringContaining('lesons'),
          }),
          expect.objectContaining({
            entry: 'lessons[typo]',
            message: expect.stringContaining('colour'),
          }),
        ]),
      );
    });

    it('reports YAML syntax errors with the file and line', () => {
      const bad: KnowledgeSource = {
        path: 'broken.yaml',
        content: 'lessons:\n  - id: x\n    title: [unclosed\n',
      };
      const [problem] = problemsOf(() =>
        buildKnowledgeBase({ builtin, extensions: [bad] }),
      );
      expect(problem.file).toBe('broken.yaml');
      expect(problem.message).toMatch(/not valid YAML\/JSON at line \d+/);
    });

    it('rejects a file that is not a mapping', () => {
      for (const content of ['', '- a\n- b\n', 'just text']) {
        const [problem] = problemsOf(() =>
          buildKnowledgeBase({
            builtin,
            extensions: [{ path: 'odd.yaml', content }],
          }),
        );
        expect(problem).toEqual({
          file: 'odd.yaml',
          message: expect.stringContaining('must be a mapping'),
        });
      }
    });

    it('collects the problems of every file before throwing', () => {
      const problems = problemsOf(() =>
        buildKnowledgeBase({
          builtin,
          extensions: [
            { path: 'one.yaml', content: 'lessons: 3' },
            { path: 'two.yaml', content: 'patterns: nope' },
          ],
        }),
      );
      expect(problems.map(p => p.file)).toEqual(['one.yaml', 'two.yaml']);
    });
  });

  describe('merging by id', () => {
    it('lets an extension entry replace the built-in entry with the same id, in place', () => {
      const kb = buildKnowledgeBase({
        builtin,
        extensions: [
          {
            path: 'org/overrides.yaml',
            content: `lessons:${lessonYaml('lesson-a', 'Our own title')}`,
          },
        ],
      });
      expect(kb.lessons.map(l => [l.id, l.title])).toEqual([
        ['lesson-a', 'Our own title'],
        ['lesson-b', 'A lesson'],
      ]);
      expect(kb.version).not.toBe(buildKnowledgeBase({ builtin }).version);
    });

    it('appends extension entries with new ids', () => {
      const kb = buildKnowledgeBase({
        builtin,
        extensions: [
          { path: 'org.yaml', content: `lessons:${lessonYaml('ours')}` },
        ],
      });
      expect(kb.lessons.map(l => l.id)).toEqual([
        'lesson-a',
        'lesson-b',
        'ours',
      ]);
    });

    it('keeps ids of different sections apart', () => {
      const kb = buildKnowledgeBase({
        builtin,
        extensions: [
          { path: 'org.yaml', content: `patterns:${patternYaml('lesson-a')}` },
        ],
      });
      expect(kb.patterns.map(p => p.id)).toEqual(['pattern-a', 'lesson-a']);
      expect(kb.lessons).toHaveLength(2);
    });

    it('reports the same id in two extension files, naming both files', () => {
      const problems = problemsOf(() =>
        buildKnowledgeBase({
          builtin,
          extensions: [
            { path: 'team-a.yaml', content: `lessons:${lessonYaml('shared')}` },
            { path: 'team-b.yaml', content: `lessons:${lessonYaml('shared')}` },
          ],
        }),
      );
      expect(problems).toHaveLength(1);
      expect(problems[0]).toEqual(
        expect.objectContaining({
          file: 'team-b.yaml',
          entry: 'lessons[shared]',
        }),
      );
      expect(problems[0].message).toContain('team-a.yaml');
      expect(problems[0].message).toContain('team-b.yaml');
    });

    it('reports the same id twice in one file', () => {
      const problems = problemsOf(() =>
        buildKnowledgeBase({
          builtin,
          extensions: [
            {
              path: 'ext.yaml',
              content: `lessons:${lessonYaml('twice')}${lessonYaml('twice')}`,
            },
          ],
        }),
      );
      expect(problems).toEqual([
        expect.objectContaining({
          file: 'ext.yaml',
          entry: 'lessons[twice]',
          message: expect.stringContaining('twice in ext.yaml'),
        }),
      ]);
    });

    it('reports the same id in two built-in files instead of merging silently', () => {
      const problems = problemsOf(() =>
        buildKnowledgeBase({
          builtin: [
            ...builtin,
            {
              path: 'more-lessons.yaml',
              content: `lessons:${lessonYaml('lesson-b')}`,
            },
          ],
        }),
      );
      expect(problems).toHaveLength(1);
      expect(problems[0].entry).toBe('lessons[lesson-b]');
      expect(problems[0].message).toContain('lessons.yaml');
      expect(problems[0].message).toContain('more-lessons.yaml');
    });
  });

  describe('cross-references', () => {
    it('reports references to unknown entries with file, entry and field', () => {
      const problems = problemsOf(() =>
        buildKnowledgeBase({
          builtin,
          extensions: [
            {
              path: 'org.yaml',
              content: `lessons:${lessonYaml(
                'dangling',
                'T',
                '\n    companies: [example-co, nobody]\n    patterns: [pattern-a]',
              )}
antipatterns:
  - id: bad-idea
    title: A bad idea
    summary: s
    whyItHurts: w
    severity: low
    lesson: missing-lesson
    detect: { attribute: practices, in: [spotify-model] }
    remedy: r
    remedyPatterns: [pattern-a, missing-pattern]
    sources: [{ title: Our wiki }]`,
            },
          ],
        }),
      );
      expect(problems).toEqual([
        {
          file: 'org.yaml',
          entry: 'lessons[dangling]',
          field: 'companies[1]',
          message: 'refers to unknown company "nobody"',
        },
        {
          file: 'org.yaml',
          entry: 'antipatterns[bad-idea]',
          field: 'lesson',
          message: 'refers to unknown lesson "missing-lesson"',
        },
        {
          file: 'org.yaml',
          entry: 'antipatterns[bad-idea]',
          field: 'remedyPatterns[1]',
          message: 'refers to unknown pattern "missing-pattern"',
        },
      ]);
    });

    it('resolves extension references to built-in entries', () => {
      const kb = buildKnowledgeBase({
        builtin,
        extensions: [
          {
            path: 'org.yaml',
            content: `lessons:${lessonYaml(
              'ours',
              'T',
              '\n    companies: [example-co]\n    patterns: [pattern-a]',
            )}`,
          },
        ],
      });
      expect(kb.lessons.find(l => l.id === 'ours')?.companies).toEqual([
        'example-co',
      ]);
    });
  });
});

describe('seed write-ups and their titles', () => {
  const seeds = (title: string, file = SEED): KnowledgeSource => ({
    path: 'sources.yaml',
    content: `seeds:\n  - { file: ${file}, title: "${title}" }`,
  });
  const figureCompany: KnowledgeSource = {
    path: 'companies/figures.yaml',
    content: `companies:
  - id: figures-co
    name: Figures Co
    summary: A company.
    scale:
      - { metric: users, value: 10, unit: users, seed: ${SEED} }
      - { metric: nodes, value: 3, unit: nodes }
    stack: { architecture: Monolith }
    profile: { architecture: [monolith] }
    sources: [{ seed: ${SEED} }, { seed: 009_0000000000000000.txt }]`,
  };

  it('gives every source and figure that names a known seed its title', () => {
    const kb = buildKnowledgeBase({
      builtin: [...builtin, figureCompany, seeds('Real-World Architectures')],
    });
    expect(kb.lessons[0].sources).toEqual([
      { seed: SEED, seedTitle: 'Real-World Architectures' },
    ]);
    const company = kb.companies.find(c => c.id === 'figures-co')!;
    expect(company.scale.map(f => f.seedTitle)).toEqual([
      'Real-World Architectures',
      undefined,
    ]);
    // a seed nobody describes keeps its file name only
    expect(company.sources[1]).toEqual({ seed: '009_0000000000000000.txt' });
  });

  it('lets an organisation retitle a seed, and changes the version with the title', () => {
    const plain = buildKnowledgeBase({
      builtin: [...builtin, seeds('Built-in title')],
    });
    const retitled = buildKnowledgeBase({
      builtin: [...builtin, seeds('Built-in title')],
      extensions: [{ ...seeds('Our title'), path: 'ours.yaml' }],
    });
    expect(retitled.lessons[0].sources[0].seedTitle).toBe('Our title');
    expect(retitled.version).not.toBe(plain.version);
  });

  it('rejects a seed described twice among the built-ins', () => {
    const problems = problemsOf(() =>
      buildKnowledgeBase({
        builtin: [
          ...builtin,
          seeds('One'),
          { ...seeds('Two'), path: 'b.yaml' },
        ],
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'b.yaml',
        entry: `seeds[${SEED}]`,
        message: expect.stringMatching(/described twice.*sources\.yaml/),
      }),
    ]);
  });

  it('marks the project\u2019s own knowledge, never together with a seed', () => {
    const lesson = (source: string): KnowledgeSource => ({
      path: 'ext.yaml',
      content: `lessons:
  - id: own
    title: Our own
    summary: General knowledge.
    appliesWhen: { always: true }
    reason: x
    sources: [${source}]`,
    });
    const kb = buildKnowledgeBase({
      builtin,
      extensions: [lesson('{ project: true, covers: the trade-offs }')],
    });
    expect(kb.lessons.find(l => l.id === 'own')!.sources).toEqual([
      { project: true, covers: 'the trade-offs' },
    ]);
    expect(
      problemsOf(() =>
        buildKnowledgeBase({
          builtin,
          extensions: [lesson(`{ project: true, seed: ${SEED} }`)],
        }),
      ),
    ).toEqual([
      expect.objectContaining({
        entry: 'lessons[own]',
        field: 'sources[0]',
        message: expect.stringMatching(/not a seed/),
      }),
    ]);
    expect(
      problemsOf(() =>
        buildKnowledgeBase({
          builtin,
          extensions: [lesson(`{ seed: ${SEED}, covers: the trade-offs }`)],
        }),
      ),
    ).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/needs project: true/),
      }),
    ]);
  });
});

describe('parseKnowledgeFile', () => {
  it('returns the validated file', () => {
    const file = parseKnowledgeFile(builtinPatterns);
    expect(file.patterns[0].id).toBe('pattern-a');
    expect(file.lessons).toEqual([]);
  });

  it('throws a KnowledgeBaseError for an invalid file', () => {
    expect(() =>
      parseKnowledgeFile({ path: 'x.yaml', content: 'checklist: [{}]' }),
    ).toThrow(/x\.yaml: checklist\[#0\] id: is required/);
  });
});

describe('canonicalJson and contentHash', () => {
  it('sorts keys at every level and drops undefined values', () => {
    expect(
      canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } }),
    ).toBe('{"a":{"d":[2,{"e":0,"f":1}]},"b":1}');
  });

  it('hashes to 16 hex digits, equal for equal text and different otherwise', () => {
    expect(contentHash('abc')).toMatch(/^[0-9a-f]{16}$/);
    expect(contentHash('abc')).toBe(contentHash('abc'));
    expect(contentHash('abc')).not.toBe(contentHash('abd'));
    expect(contentHash('')).not.toBe(contentHash(' '));
  });
});
