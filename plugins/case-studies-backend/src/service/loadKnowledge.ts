import {
  LoggerService,
  resolvePackagePath,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  buildKnowledgeBase,
  KnowledgeBase,
  readKnowledgeDirectory,
} from '@case-studies/plugin-case-studies-common';
import fsSync from 'fs';
import fs from 'fs/promises';
import path from 'path';

const builtinDir = resolvePackagePath(
  '@case-studies/plugin-case-studies-common',
  'knowledge',
);

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

  const builtin = readKnowledgeDirectory(fsSync, builtinDir);
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
