import type { KnowledgeProblem } from './KnowledgeBaseError';
import type {
  KnowledgeBase,
  KnowledgeFile,
  ScaleFigure,
  SeedWriteUp,
  Source,
} from './schema';

type Entries = Omit<KnowledgeBase, 'version'>;

/**
 * The seed write-ups of all files by file name. Built-in files come first; an
 * extension may describe a write-up of its own, or retitle a built-in one. The
 * same file twice within the built-ins (or within the extensions) is a problem.
 */
export function collectSeedWriteUps(
  builtin: readonly { path: string; file: KnowledgeFile }[],
  extensions: readonly { path: string; file: KnowledgeFile }[],
  problems: KnowledgeProblem[],
): Map<string, SeedWriteUp> {
  const collect = (files: typeof builtin) => {
    const found = new Map<string, { seed: SeedWriteUp; path: string }>();
    for (const { path, file } of files) {
      for (const seed of file.seeds) {
        const first = found.get(seed.file);
        if (first) {
          problems.push({
            file: path,
            entry: `seeds[${seed.file}]`,
            message: `seed write-up "${seed.file}" is described twice (also in ${first.path})`,
          });
        } else {
          found.set(seed.file, { seed, path });
        }
      }
    }
    return found;
  };
  const all = new Map<string, SeedWriteUp>();
  for (const [file, { seed }] of collect(builtin)) all.set(file, seed);
  for (const [file, { seed }] of collect(extensions)) all.set(file, seed);
  return all;
}

/**
 * Every source and scale figure that names a known seed gets that seed's
 * title as `seedTitle`, so users read "Real-World Architectures" rather than
 * `001_93e03eb51d1c4337.txt`. A seed the list does not describe stays
 * unresolved (the built-in knowledge test requires every built-in one to
 * resolve).
 */
export function resolveSeedTitles(
  entries: Entries,
  seeds: ReadonlyMap<string, SeedWriteUp>,
): Entries {
  const titled = <T extends Source | ScaleFigure>(item: T): T => {
    const title = item.seed ? seeds.get(item.seed)?.title : undefined;
    return title ? { ...item, seedTitle: title } : item;
  };
  const withSources = <E extends { sources: Source[] }>(entry: E): E => ({
    ...entry,
    sources: entry.sources.map(titled),
  });
  return {
    companies: entries.companies.map(company => ({
      ...withSources(company),
      scale: company.scale.map(titled),
    })),
    lessons: entries.lessons.map(withSources),
    patterns: entries.patterns.map(withSources),
    antipatterns: entries.antipatterns.map(withSources),
    checklist: entries.checklist.map(withSources),
  };
}
