import fs from 'fs';
import os from 'os';
import path from 'path';
import { buildKnowledgeBase } from './buildKnowledgeBase';
import { isKnowledgeFileName, readKnowledgeDirectory } from './knowledgeFiles';

const lesson = (id: string) => ({
  id,
  title: `Lesson ${id}`,
  summary: 'Something worth knowing.',
  appliesWhen: { always: true },
  reason: 'Always relevant.',
  sources: [{ seed: '000_d219270d818add02.txt' }],
});

describe('the knowledge file reader', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'knowledge-'));
    fs.mkdirSync(path.join(dir, 'companies'));
    fs.writeFileSync(
      path.join(dir, 'lessons.yaml'),
      `lessons:\n  - ${JSON.stringify(lesson('from-yaml'))}\n`,
    );
    fs.writeFileSync(
      path.join(dir, 'companies', 'more.json'),
      JSON.stringify({ lessons: [lesson('from-json')] }),
    );
    fs.writeFileSync(path.join(dir, 'companies', 'short.yml'), 'lessons: []\n');
    fs.writeFileSync(path.join(dir, 'README.md'), '# not knowledge\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads YAML and JSON files at any depth, in path order, named below the directory', () => {
    const sources = readKnowledgeDirectory(fs, dir, 'knowledge/');
    expect(sources.map(s => s.path)).toEqual([
      'knowledge/companies/more.json',
      'knowledge/companies/short.yml',
      'knowledge/lessons.yaml',
    ]);
    expect(sources[2].content).toContain('from-yaml');
  });

  it('gives sources that build one knowledge base from both formats', () => {
    const knowledge = buildKnowledgeBase({
      builtin: readKnowledgeDirectory(fs, dir),
    });
    expect(knowledge.lessons.map(l => l.id).sort()).toEqual([
      'from-json',
      'from-yaml',
    ]);
  });

  it('recognises knowledge files by extension only', () => {
    expect(
      ['a.yaml', 'a.YML', 'a.json', 'a.md', 'yaml', 'a.yaml.bak'].map(
        isKnowledgeFileName,
      ),
    ).toEqual([true, true, true, false, false, false]);
  });
});
