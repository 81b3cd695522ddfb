import type { z } from 'zod';
import type { KnowledgeProblem } from './KnowledgeBaseError';

type Issue = z.core.$ZodIssue;
type PathSegment = PropertyKey;

const CONDITION_FIELDS = new Set(['appliesWhen', 'when', 'detect', 'not']);

const CONDITION_FORMS =
  'a condition is one of {always: true}, {all: [...]}, {any: [...]}, {not: ...}, ' +
  '{attribute, in: [...]}, {attribute, known: true|false}, {fact, gt|gte|lt|lte|eq}';

const EVIDENCE_FORMS =
  'evidence is one of {annotation}, {tag}, {link: {type?, titleIncludes?}}, {relation: {type, targetKind?}}';

/** `['scale', 0, 'year']` → `scale[0].year` */
export function formatFieldPath(path: readonly PathSegment[]): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    const name = String(segment);
    return text ? `${text}.${name}` : name;
  }, '');
}

/**
 * The zod issues of one file as problems located at `section[id] field`.
 * `raw` is the parsed (unvalidated) file, read to name entries by their id.
 */
export function schemaIssuesToProblems(
  file: string,
  raw: unknown,
  issues: readonly Issue[],
): KnowledgeProblem[] {
  return issues.flatMap(issue =>
    explainIssue(issue, []).map(({ path, message }) =>
      locateProblem(file, raw, path, message),
    ),
  );
}

interface ExplainedIssue {
  path: PathSegment[];
  message: string;
}

/** Flattens union issues into the most plausible branch's issues, with absolute paths. */
function explainIssue(
  issue: Issue,
  prefix: readonly PathSegment[],
): ExplainedIssue[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const branch = closestUnionBranch(issue.errors);
    if (branch) return branch.flatMap(inner => explainIssue(inner, path));
    return [{ path, message: noUnionBranchMessage(path) }];
  }
  return [{ path, message: describeIssue(issue) }];
}

/**
 * The union branch the author most likely meant: ignore branches whose shape
 * does not fit at all (unexpected keys, not an object), then prefer the one
 * with the fewest issues, then the deepest one.
 */
function closestUnionBranch(
  branches: readonly (readonly Issue[])[],
): readonly Issue[] | undefined {
  const plausible = branches.filter(branch => !branch.some(isShapeMismatch));
  return [...plausible].sort(
    (a, b) => a.length - b.length || deepestPath(b) - deepestPath(a),
  )[0];
}

function isShapeMismatch(issue: Issue): boolean {
  if (issue.path.length > 0) return false;
  return (
    issue.code === 'unrecognized_keys' ||
    issue.code === 'invalid_type' ||
    issue.code === 'invalid_union'
  );
}

function deepestPath(branch: readonly Issue[]): number {
  return Math.max(0, ...branch.map(issue => issue.path.length));
}

function noUnionBranchMessage(path: readonly PathSegment[]): string {
  if (path.some(segment => segment === 'evidence')) {
    return `matches none of the allowed forms; ${EVIDENCE_FORMS}`;
  }
  if (looksLikeCondition(path)) {
    return `is not a valid condition; ${CONDITION_FORMS}`;
  }
  return 'matches none of the allowed forms';
}

function looksLikeCondition(path: readonly PathSegment[]): boolean {
  const last = path[path.length - 1];
  const beforeLast = path[path.length - 2];
  return (
    CONDITION_FIELDS.has(String(last)) ||
    (typeof last === 'number' && (beforeLast === 'all' || beforeLast === 'any'))
  );
}

function describeIssue(issue: Issue): string {
  if (
    issue.code === 'invalid_type' &&
    /received undefined$/.test(issue.message)
  ) {
    return `is required (expected ${issue.expected})`;
  }
  return issue.message;
}

const SECTION_NAMES = new Set([
  'companies',
  'lessons',
  'patterns',
  'antipatterns',
  'checklist',
  'seeds',
]);

function locateProblem(
  file: string,
  raw: unknown,
  path: readonly PathSegment[],
  message: string,
): KnowledgeProblem {
  const [section, index, ...rest] = path;
  if (
    typeof section === 'string' &&
    SECTION_NAMES.has(section) &&
    typeof index === 'number'
  ) {
    const entry = `${section}[${entryLabel(raw, section, index)}]`;
    const field = formatFieldPath(rest);
    return field ? { file, entry, field, message } : { file, entry, message };
  }
  const field = formatFieldPath(path);
  return field ? { file, field, message } : { file, message };
}

/** The entry's id (a seed write-up's file) when it has a non-empty string one, else `#index`. */
export function entryLabel(
  raw: unknown,
  section: string,
  index: number,
): string {
  const entries = (raw as Record<string, unknown> | undefined)?.[section];
  const entry = Array.isArray(entries)
    ? (entries[index] as { id?: unknown; file?: unknown } | undefined)
    : undefined;
  const candidate = entry?.id ?? entry?.file;
  return typeof candidate === 'string' && candidate.trim()
    ? candidate
    : `#${index}`;
}
