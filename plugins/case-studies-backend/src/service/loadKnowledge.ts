import {
  LoggerService,
  resolvePackagePath,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  buildKnowledgeBase,
  KnowledgeBase,
  KnowledgeSource,
} from '@case-studies/plugin-case-studies-common';
import fs from 'fs/promises';
import path from 'path';

const builtinDir = resolvePackagePath(
  '@case-studies/plugin-case-studies-common',
  'knowledge',
);

async function listKnowledgeFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map(async entry => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listKnowledgeFiles(full);
      return /\.(ya?ml|json)$/.test(entry.name) ? [full] : [];
    }),
  );
  return files.flat().sort();
}

async function readSources(
  files: string[],
  relativeTo: string,
): Promise<KnowledgeSource[]> {
  return Promise.all(
    files.map(async file => ({
      path: path.relative(relativeTo, file) || file,
      content: await fs.readFile(file, 'utf8'),
    })),
  );
}

/**
 * Reads the built-in knowledge shipped with the common package and the
 * organisation's files named in `caseStudies.knowledge.files`. Any problem
 * (unreadable file, schema error, duplicate id, dangling reference) throws,
 * so that the backend fails at start-up with a message naming the file.
 */
export async function loadKnowledge(options: {
  config: RootConfigService;
  logger: LoggerService;
}): Promise<KnowledgeBase> {
  const extensionFiles = (
    options.config.getOptionalStringArray('caseStudies.knowledge.files') ?? []
  ).map(file => path.resolve(file));

  const builtin = await readSources(
    await listKnowledgeFiles(builtinDir),
    builtinDir,
  );
  const extensions = await Promise.all(
    extensionFiles.map(async file => {
      try {
        return { path: file, content: await fs.readFile(file, 'utf8') };
      } catch (error) {
        throw new Error(
          `Cannot read knowledge file ${file} named in caseStudies.knowledge.files: ${error}`,
        );
      }
    }),
  );

  const knowledge = buildKnowledgeBase({ builtin, extensions });
  options.logger.info(
    `Knowledge base ${knowledge.version}: ${knowledge.companies.length} companies, ` +
      `${knowledge.patterns.length} patterns, ${knowledge.antipatterns.length} antipatterns, ` +
      `${knowledge.checklist.length} checklist items (${extensions.length} organisation files)`,
  );
  return knowledge;
}
