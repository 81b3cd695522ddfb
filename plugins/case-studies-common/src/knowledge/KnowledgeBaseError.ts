/**
 * One thing wrong with a knowledge file: where it is (file, entry, field) and
 * what is wrong.
 *
 * @public
 */
export interface KnowledgeProblem {
  /** the path of the file, as given in its `KnowledgeSource` */
  file: string;
  /** the entry, as `section[id]` (e.g. `companies[netflix]`), or `section[#index]` when it has no usable id */
  entry?: string;
  /** the field inside the entry (or file), e.g. `scale[0].year` */
  field?: string;
  message: string;
}

/** Renders a problem as one line: `file: entry field: message`. @public */
export function formatKnowledgeProblem(problem: KnowledgeProblem): string {
  const location = [problem.entry, problem.field].filter(Boolean).join(' ');
  return location
    ? `${problem.file}: ${location}: ${problem.message}`
    : `${problem.file}: ${problem.message}`;
}

/**
 * Thrown when the knowledge base cannot be built: a file does not parse, an
 * entry does not match the schema, an id is defined twice, or a reference
 * points nowhere. Lists every problem found, not only the first.
 *
 * @public
 */
export class KnowledgeBaseError extends Error {
  readonly problems: KnowledgeProblem[];

  constructor(problems: KnowledgeProblem[]) {
    const count =
      problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(
      `Invalid case-studies knowledge base (${count}):\n${problems
        .map(problem => `  - ${formatKnowledgeProblem(problem)}`)
        .join('\n')}`,
    );
    this.name = 'KnowledgeBaseError';
    this.problems = problems;
  }
}
