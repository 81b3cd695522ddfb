import { LineCounter, parseDocument } from 'yaml';
import { byId } from './byId';
import { canonicalJson, contentHash } from './contentHash';
import { KnowledgeBaseError, KnowledgeProblem } from './KnowledgeBaseError';
import { KnowledgeBase, KnowledgeFile, knowledgeFileSchema } from './schema';
import { schemaIssuesToProblems } from './schemaIssues';
import { collectSeedWriteUps, resolveSeedTitles } from './seedWriteUps';

/**
 * The text of one knowledge file (YAML, or JSON, which is YAML too) and the
 * path it is reported under in errors.
 *
 * @public
 */
export interface KnowledgeSource {
  path: string;
  content: string;
}

/** @public */
export interface BuildKnowledgeBaseOptions {
  /** the files shipped with the package (`knowledge/**\/*.yaml`) */
  builtin: KnowledgeSource[];
  /** an organisation's own files (`caseStudies.knowledge.files`); an entry with a built-in id replaces it */
  extensions?: KnowledgeSource[];
}

/** The sections of a knowledge file, in the order they are merged and reported. @public */
export const KNOWLEDGE_SECTIONS = [
  'companies',
  'lessons',
  'patterns',
  'antipatterns',
  'checklist',
] as const;

/** @public */
export type KnowledgeSection = (typeof KNOWLEDGE_SECTIONS)[number];

type KnowledgeEntries = Omit<KnowledgeBase, 'version'>;
type Entry = KnowledgeEntries[KnowledgeSection][number];

interface PlacedEntry {
  entry: Entry;
  file: string;
}

type EntriesById = Record<KnowledgeSection, Map<string, PlacedEntry>>;

interface ParsedSource {
  path: string;
  file: KnowledgeFile;
}

/**
 * Parses, validates and merges knowledge files into one knowledge base.
 *
 * Built-in files are merged first. An extension entry whose id equals a
 * built-in entry's id (in the same section) replaces it in place. The same id
 * twice among the built-ins, or twice among the extensions (in one file or in
 * two), is an error naming both files. Every reference between entries must
 * resolve. All problems are collected and thrown together as a
 * {@link KnowledgeBaseError}.
 *
 * Pure: no file system, no clock, no randomness; the same sources give the
 * same knowledge base and the same `version`.
 *
 * @public
 */
export function buildKnowledgeBase(
  options: BuildKnowledgeBaseOptions,
): KnowledgeBase {
  const problems: KnowledgeProblem[] = [];
  const builtinFiles = parseSources(options.builtin, problems);
  const extensionFiles = parseSources(options.extensions ?? [], problems);
  const allFilesValid = problems.length === 0;

  const merged = indexEntries(builtinFiles, problems);
  const overrides = indexEntries(extensionFiles, problems);
  overrideById(merged, overrides);
  const seeds = collectSeedWriteUps(builtinFiles, extensionFiles, problems);

  if (allFilesValid) problems.push(...findDanglingReferences(merged));
  if (problems.length > 0) throw new KnowledgeBaseError(problems);

  const entries = resolveSeedTitles(listEntries(merged), seeds);
  return { version: knowledgeVersion(entries), ...entries };
}

/**
 * Parses and validates one knowledge file on its own (no merging, no
 * cross-reference check). Throws a {@link KnowledgeBaseError} when it is invalid.
 *
 * @public
 */
export function parseKnowledgeFile(source: KnowledgeSource): KnowledgeFile {
  const problems: KnowledgeProblem[] = [];
  const [parsed] = parseSources([source], problems);
  if (!parsed) throw new KnowledgeBaseError(problems);
  return parsed.file;
}

/**
 * The content hash of a set of entries: canonical JSON of every section sorted
 * by id, so neither file order nor key order changes it.
 *
 * @public
 */
export function knowledgeVersion(entries: KnowledgeEntries): string {
  const sorted = Object.fromEntries(
    KNOWLEDGE_SECTIONS.map(section => [
      section,
      [...(entries[section] as Entry[])].sort(byId),
    ]),
  );
  return contentHash(canonicalJson(sorted));
}

function parseSources(
  sources: readonly KnowledgeSource[],
  problems: KnowledgeProblem[],
): ParsedSource[] {
  return sources.flatMap(source => {
    const file = parseSource(source, problems);
    return file ? [{ path: source.path, file }] : [];
  });
}

function parseSource(
  source: KnowledgeSource,
  problems: KnowledgeProblem[],
): KnowledgeFile | undefined {
  const raw = readYaml(source, problems);
  if (raw === undefined) return undefined;
  const result = knowledgeFileSchema.safeParse(raw);
  if (result.success) return result.data;
  problems.push(
    ...schemaIssuesToProblems(source.path, raw, result.error.issues),
  );
  return undefined;
}

/** The file's data, or `undefined` (with problems recorded) when it is not a YAML/JSON mapping. */
function readYaml(
  source: KnowledgeSource,
  problems: KnowledgeProblem[],
): unknown {
  const lineCounter = new LineCounter();
  const document = parseDocument(source.content, {
    lineCounter,
    prettyErrors: false,
  });
  if (document.errors.length > 0) {
    problems.push(
      ...document.errors.map(error => ({
        file: source.path,
        message: `not valid YAML/JSON at ${positionOf(
          lineCounter,
          error.pos[0],
        )}: ${error.message.split('\n')[0]}`,
      })),
    );
    return undefined;
  }
  const data: unknown = document.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({
      file: source.path,
      message: `must be a mapping with any of the sections ${[
        ...KNOWLEDGE_SECTIONS,
        'seeds',
      ].join(', ')}`,
    });
    return undefined;
  }
  return data;
}

function positionOf(lineCounter: LineCounter, offset: number): string {
  const { line, col } = lineCounter.linePos(offset);
  return `line ${line}, column ${col}`;
}

function emptyIndex(): EntriesById {
  return {
    companies: new Map(),
    lessons: new Map(),
    patterns: new Map(),
    antipatterns: new Map(),
    checklist: new Map(),
  };
}

/** Entries by section and id; an id seen twice is a problem naming both files. */
function indexEntries(
  files: readonly ParsedSource[],
  problems: KnowledgeProblem[],
): EntriesById {
  const index = emptyIndex();
  for (const { path, file } of files) {
    for (const section of KNOWLEDGE_SECTIONS) {
      for (const entry of file[section] as Entry[]) {
        const existing = index[section].get(entry.id);
        if (existing) {
          problems.push(duplicateIdProblem(section, entry.id, existing, path));
        } else {
          index[section].set(entry.id, { entry, file: path });
        }
      }
    }
  }
  return index;
}

function duplicateIdProblem(
  section: KnowledgeSection,
  id: string,
  first: PlacedEntry,
  secondFile: string,
): KnowledgeProblem {
  const where =
    first.file === secondFile
      ? `twice in ${secondFile}`
      : `in both ${first.file} and ${secondFile}`;
  return {
    file: secondFile,
    entry: `${section}[${id}]`,
    message: `duplicate id "${id}": defined ${where}`,
  };
}

/** Extension entries replace built-in entries with the same id (keeping their place) or are appended. */
function overrideById(target: EntriesById, overrides: EntriesById): void {
  for (const section of KNOWLEDGE_SECTIONS) {
    for (const [id, placed] of overrides[section]) {
      target[section].set(id, placed);
    }
  }
}

interface ReferenceRule {
  section: KnowledgeSection;
  field: string;
  target: KnowledgeSection;
}

/** Every field that holds ids of other entries. */
const REFERENCE_RULES: readonly ReferenceRule[] = [
  { section: 'companies', field: 'lessons', target: 'lessons' },
  { section: 'companies', field: 'patterns', target: 'patterns' },
  { section: 'lessons', field: 'companies', target: 'companies' },
  { section: 'lessons', field: 'patterns', target: 'patterns' },
  { section: 'patterns', field: 'companies', target: 'companies' },
  { section: 'patterns', field: 'related', target: 'patterns' },
  { section: 'antipatterns', field: 'lesson', target: 'lessons' },
  { section: 'antipatterns', field: 'companies', target: 'companies' },
  { section: 'antipatterns', field: 'remedyPatterns', target: 'patterns' },
  { section: 'checklist', field: 'lessons', target: 'lessons' },
  { section: 'checklist', field: 'companies', target: 'companies' },
  { section: 'checklist', field: 'patterns', target: 'patterns' },
];

const SINGULAR: Record<KnowledgeSection, string> = {
  companies: 'company',
  lessons: 'lesson',
  patterns: 'pattern',
  antipatterns: 'antipattern',
  checklist: 'checklist item',
};

function findDanglingReferences(index: EntriesById): KnowledgeProblem[] {
  return REFERENCE_RULES.flatMap(rule =>
    [...index[rule.section].values()].flatMap(placed =>
      danglingReferencesOf(placed, rule, index),
    ),
  );
}

function danglingReferencesOf(
  { entry, file }: PlacedEntry,
  { section, field, target }: ReferenceRule,
  index: EntriesById,
): KnowledgeProblem[] {
  const value = (entry as unknown as Record<string, unknown>)[field];
  const ids = Array.isArray(value) ? (value as string[]) : [value as string];
  return ids.flatMap((id, position) =>
    index[target].has(id)
      ? []
      : [
          {
            file,
            entry: `${section}[${entry.id}]`,
            field: Array.isArray(value) ? `${field}[${position}]` : field,
            message: `refers to unknown ${SINGULAR[target]} "${id}"`,
          },
        ],
  );
}

function listEntries(index: EntriesById): KnowledgeEntries {
  const values = <S extends KnowledgeSection>(section: S) =>
    [...index[section].values()].map(
      placed => placed.entry,
    ) as KnowledgeEntries[S];
  return {
    companies: values('companies'),
    lessons: values('lessons'),
    patterns: values('patterns'),
    antipatterns: values('antipatterns'),
    checklist: values('checklist'),
  };
}
