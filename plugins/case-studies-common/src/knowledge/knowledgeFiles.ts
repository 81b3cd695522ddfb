import type { KnowledgeSource } from './buildKnowledgeBase';

/**
 * The part of Node's `fs` the knowledge reader uses. It is passed in, so
 * this package stays free of I/O for the browser; the CLI and the backend
 * pass `fs`.
 *
 * @public
 */
export interface KnowledgeFileSystem {
  readdirSync(
    path: string,
    options: { withFileTypes: true },
  ): { name: string; isDirectory(): boolean }[];
  readFileSync(path: string, encoding: 'utf8'): string;
}

/**
 * Knowledge files are YAML or JSON (which is YAML too: `buildKnowledgeBase`
 * parses both with the `yaml` library).
 *
 * @public
 */
export function isKnowledgeFileName(name: string): boolean {
  return /\.(ya?ml|json)$/i.test(name);
}

/**
 * Every knowledge file under a directory, at any depth, in path order, each
 * named `namePrefix` + its path below the directory (with `/`).
 *
 * @public
 */
export function readKnowledgeDirectory(
  fs: KnowledgeFileSystem,
  directory: string,
  namePrefix = '',
): KnowledgeSource[] {
  const sources: KnowledgeSource[] = [];
  const visit = (dir: string, below: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      const name = `${below}${entry.name}`;
      if (entry.isDirectory()) visit(path, `${name}/`);
      else if (isKnowledgeFileName(entry.name)) {
        sources.push({
          path: `${namePrefix}${name}`,
          content: fs.readFileSync(path, 'utf8'),
        });
      }
    }
  };
  visit(directory, '');
  return sources.sort((a, b) =>
    a.path < b.path ? -1 : Number(a.path > b.path),
  );
}
