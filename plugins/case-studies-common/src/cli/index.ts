/**
 * The `case-studies` command line: guidance for a catalog-info.yaml without a
 * running Backstage. The only module of this package that touches the file
 * system. Run it with `bin/case-studies` or
 * `node --require @backstage/cli/config/nodeTransform.cjs src/cli/index.ts`.
 */
import fs, { readFileSync } from 'fs';
import { resolve } from 'path';
import { parseArgs } from 'util';
import {
  buildKnowledgeBase,
  KnowledgeBaseError,
  readKnowledgeDirectory,
} from '../knowledge';
import { SEVERITIES, type Severity } from '../knowledge/schema';
import { guidance } from '../matching/guidance';
import { profile } from '../profile/profile';
import { neighboursFromEntities } from '../profile/neighbours';
import { entityChecklist } from '../scoring/entityChecklist';
import { DEFAULT_SCORING_RULES, entityScore } from '../scoring/entityScore';
import {
  CatalogDocument,
  CatalogFileError,
  parseCatalogFile,
  pickEntity,
} from './catalogFile';
import { renderReport } from './report';

/** Where the command writes; tests capture it. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const EXIT_OK = 0;
/** a warning at or above `--fail-on` fired */
export const EXIT_WARNINGS = 1;
/** bad arguments, or a file that cannot be read or parsed */
export const EXIT_USAGE = 2;

const BUILTIN_KNOWLEDGE_DIR = resolve(__dirname, '../../knowledge');

const USAGE = `Usage: case-studies match <catalog-info.yaml> [options]

Profiles the first Component of the file (or the entity named by --entity)
and prints the companies it resembles, warnings, lessons and the checklist.
Other documents of the file (and of --catalog files) are its neighbours:
the Resources it depends on, its System and Domain, its owner Group.

Options:
  --json                 print { profile, guidance } as JSON
  --fail-on <severity>   exit 1 when a warning of this severity or worse fires
                         (critical, high, medium, low)
  --knowledge <file>     an extra knowledge file (repeatable)
  --catalog <file>       more catalog documents for the neighbours (repeatable)
  --entity <name>        the entity to profile, by name or kind:namespace/name
  -h, --help             this text
`;

class UsageError extends Error {}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

/** The built-in knowledge files, named relative to the package, plus the given extensions. */
export function loadKnowledge(extensionPaths: string[] = []) {
  const builtin = readKnowledgeDirectory(
    fs,
    BUILTIN_KNOWLEDGE_DIR,
    'knowledge/',
  );
  const extensions = extensionPaths.map(path => ({
    path,
    content: readText(path),
  }));
  return buildKnowledgeBase({ builtin, extensions });
}

function parseSeverity(value: string | undefined): Severity | undefined {
  if (value === undefined) return undefined;
  if (!(SEVERITIES as readonly string[]).includes(value)) {
    throw new UsageError(
      `--fail-on must be one of ${[...SEVERITIES]
        .reverse()
        .join(', ')}, not "${value}"`,
    );
  }
  return value as Severity;
}

function parseArguments(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        'fail-on': { type: 'string' },
        knowledge: { type: 'string', multiple: true, default: [] },
        catalog: { type: 'string', multiple: true, default: [] },
        entity: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return parsed;
}

function runMatch(argv: string[], io: CliIo): number {
  const { values, positionals } = parseArguments(argv);
  if (values.help) {
    io.out(USAGE);
    return EXIT_OK;
  }
  const [command, file, ...extra] = positionals;
  if (command !== 'match' || !file || extra.length > 0) {
    throw new UsageError(
      command && command !== 'match'
        ? `unknown command "${command}"`
        : 'expected: match <catalog-info.yaml>',
    );
  }
  const failOn = parseSeverity(values['fail-on']);

  const documents: CatalogDocument[] = [file, ...values.catalog].flatMap(path =>
    parseCatalogFile(path, readText(path)),
  );
  const target = pickEntity(documents, file, values.entity);
  const knowledge = loadKnowledge(values.knowledge);

  const serviceProfile = profile(
    target.entity,
    neighboursFromEntities(
      target.entity,
      documents.map(document => document.entity),
    ),
  );
  const result = guidance(serviceProfile, knowledge);
  // Without a backend there are no stored statuses: automatic evidence is
  // what counts as done, so this is the score before anyone ticks an item.
  const checklist = entityChecklist({
    entity: target.entity,
    guidance: result,
    knowledge,
    states: [],
  });
  const score = entityScore(
    checklist.progress,
    result.antipatterns,
    DEFAULT_SCORING_RULES,
  );

  io.out(
    values.json
      ? `${JSON.stringify(
          { profile: serviceProfile, guidance: result, score },
          null,
          2,
        )}\n`
      : renderReport(serviceProfile, result, checklist, score),
  );

  if (failOn) {
    const threshold = SEVERITIES.indexOf(failOn);
    const failing = result.antipatterns.filter(
      warning => SEVERITIES.indexOf(warning.severity) >= threshold,
    );
    if (failing.length > 0) {
      io.err(
        `case-studies: ${
          failing.length
        } warning(s) at or above ${failOn}: ${failing
          .map(w => `${w.id} (${w.severity})`)
          .join(', ')}\n`,
      );
      return EXIT_WARNINGS;
    }
  }
  return EXIT_OK;
}

/**
 * Runs the command line with its arguments (without `node` and the script)
 * and returns the exit code: 0, 1 when `--fail-on` is reached, 2 on usage or
 * parse errors (with a message on `err`).
 */
export function main(argv: string[], io: CliIo): number {
  try {
    return runMatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`case-studies: ${error.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    if (
      error instanceof CatalogFileError ||
      error instanceof KnowledgeBaseError
    ) {
      io.err(`case-studies: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), {
    out: text => process.stdout.write(text),
    err: text => process.stderr.write(text),
  });
}
