import { z } from 'zod';
import {
  conditionSchema,
  PROFILE_ATTRIBUTES,
  vocabularyValue,
} from './conditions';

/**
 * The schema of the knowledge base. Built-in files (`knowledge/*.yaml` in this
 * package) and an organisation's own files (`caseStudies.knowledge.files`) are
 * validated with the same schema.
 */

const id = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'must be a kebab-case id (lower-case letters, digits and dashes)',
  );
const text = z.string().trim().min(1);
const idList = z.array(id).default([]);

const seedFile = z
  .string()
  .regex(/^\d{3}_[0-9a-f]+\.txt$/, 'must be a seed file name');

/**
 * Where a statement came from: a seed write-up (by file name, its provenance),
 * a public source (title and/or url; with `seed`, a source that seed names),
 * an organisation's own document, or the Case Studies project itself.
 *
 * `project: true` marks general engineering knowledge the project adds; it is
 * never attributed to a seed, so it cannot be combined with `seed`.
 */
export const sourceSchema = z
  .strictObject({
    /** file name of the seed write-up, e.g. `000_d219270d818add02.txt`; users see its title (see `seeds`) */
    seed: seedFile.optional(),
    /** title of a public source, e.g. a postmortem the seed names */
    title: text.optional(),
    url: z.url().optional(),
    /** the Case Studies project's own knowledge, not any seed's */
    project: z.literal(true).optional(),
    /** with `project`: which part of the entry is the project's own, e.g. `trade-offs` */
    covers: text.optional(),
  })
  .refine(s => s.seed || s.title || s.url || s.project, {
    message: 'a source needs a seed, a title, a url or project: true',
  })
  .refine(s => !(s.project && s.seed), {
    message:
      "the project's own knowledge is not a seed's: give project: true and seed in two separate sources",
  })
  .refine(s => !s.covers || s.project, {
    message:
      "covers says which part is the project's own; it needs project: true",
  });

const sources = z.array(sourceSchema).min(1);

/** A seed write-up: the file an entry names as provenance and the title users see. */
export const seedWriteUpSchema = z.strictObject({
  file: seedFile,
  /** the write-up's own title */
  title: text,
  /** what it covers, in one line */
  covers: text.optional(),
});

export const scaleFigureSchema = z.strictObject({
  metric: text,
  /** the figure as a number (a lower bound when the source says "7,000+" or "millions") */
  value: z.number(),
  unit: text,
  /** how the source states it when that differs from the bare number, e.g. `7,000+ (estimated)` */
  stated: text.optional(),
  /** the year the figure describes; left out when the source gives none (never guessed) */
  year: z.number().int().min(1990).max(2100).optional(),
  /** the seed write-up the figure is taken from; built-in figures always name one */
  seed: seedFile.optional(),
  /** the public source the seed (or, for a correction, the record) names for this figure */
  source: z.strictObject({ title: text, url: z.url().optional() }).optional(),
  note: text.optional(),
  /** set when the figure corrects a slip in the source, saying what the source said */
  correction: text.optional(),
});

/** A profile in the service-profile vocabulary: every attribute a list of values. */
export const profileSchema = z.partialRecord(
  z.enum(PROFILE_ATTRIBUTES),
  z.array(vocabularyValue).min(1),
);

export const companySchema = z.strictObject({
  id,
  name: text,
  summary: text,
  /** true for the small-company cases (Plausible, Gumroad, Bytebase) */
  small: z.boolean().default(false),
  scale: z.array(scaleFigureSchema).default([]),
  stack: z.strictObject({
    languages: z.array(text).default([]),
    databases: z.array(text).default([]),
    caches: z.array(text).default([]),
    messaging: z.array(text).default([]),
    consistency: text.optional(),
    architecture: text,
    deployment: z.array(text).default([]),
    tools: z.array(z.strictObject({ name: text, purpose: text })).default([]),
  }),
  /** the company in the service-profile vocabulary, for matching */
  profile: profileSchema,
  decisions: z
    .array(
      z.strictObject({
        what: text,
        why: text,
        year: z.number().int().optional(),
      }),
    )
    .default([]),
  /** ids of lessons (see `lessons`) this company teaches */
  lessons: idList,
  patterns: idList,
  copyWhen: z.array(text).default([]),
  dontCopyWhen: z
    .array(
      z.strictObject({
        text,
        /** when this caveat applies to a service; shown on the company card when it holds */
        when: conditionSchema,
      }),
    )
    .default([]),
  sources,
});

export const lessonSchema = z.strictObject({
  id,
  title: text,
  summary: text,
  companies: idList,
  patterns: idList,
  appliesWhen: conditionSchema,
  /** why the lesson is shown when `appliesWhen` holds, in one sentence */
  reason: text,
  sources,
});

export const PATTERN_ADOPTION = ['copy', 'depends', 'dont-copy'] as const;

export const patternSchema = z.strictObject({
  id,
  name: text,
  category: z.enum([
    'architecture',
    'data',
    'caching',
    'resilience',
    'delivery',
    'api',
    'edge',
    'realtime',
    'organisation',
    'observability',
  ]),
  problem: text,
  solution: text,
  tradeoffs: z.array(text).min(1),
  /** the seeds' "copy / don't copy" verdict for a typical team */
  adoption: z.enum(PATTERN_ADOPTION).default('depends'),
  companies: idList,
  related: idList,
  appliesWhen: conditionSchema,
  reason: text,
  sources,
});

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

export const antipatternSchema = z.strictObject({
  id,
  title: text,
  summary: text,
  whyItHurts: text,
  severity: z.enum(SEVERITIES),
  /** the lesson that motivates the remedy */
  lesson: id,
  companies: idList,
  /** when this holds for a service, the warning is shown with the profile values and facts the rule read */
  detect: conditionSchema,
  remedy: text,
  remedyPatterns: idList,
  sources,
});

export const CHECKLIST_CATEGORIES = [
  'dora-metrics',
  'dora-capabilities',
  'postmortem',
  'resilience',
  'architecture',
  'practices',
] as const;

/** Catalog facts that mark a checklist item satisfied without anyone ticking it. */
export const automaticEvidenceSchema = z.union([
  z.strictObject({ annotation: text }),
  z.strictObject({ tag: vocabularyValue }),
  z.strictObject({
    link: z.strictObject({
      type: text.optional(),
      titleIncludes: text.optional(),
    }),
  }),
  z.strictObject({
    relation: z.strictObject({
      type: text,
      targetKind: text.optional(),
    }),
  }),
]);

export const checklistItemSchema = z.strictObject({
  id,
  category: z.enum(CHECKLIST_CATEGORIES),
  title: text,
  why: text,
  lessons: idList,
  companies: idList,
  patterns: idList,
  verify: text,
  weight: z.number().int().min(1).max(5),
  appliesWhen: conditionSchema,
  /** why the item applies, or why not, in one sentence */
  reason: text,
  evidence: z.array(automaticEvidenceSchema).default([]),
  sources,
});

/** One knowledge file: any mix of sections. */
export const knowledgeFileSchema = z.strictObject({
  companies: z.array(companySchema).default([]),
  lessons: z.array(lessonSchema).default([]),
  patterns: z.array(patternSchema).default([]),
  antipatterns: z.array(antipatternSchema).default([]),
  checklist: z.array(checklistItemSchema).default([]),
  /** the seed write-ups that entries name in `seed` (built in: `knowledge/sources.yaml`) */
  seeds: z.array(seedWriteUpSchema).default([]),
});

/** Filled in when the knowledge base is built: the title of the seed named in `seed`. */
interface ResolvedSeedTitle {
  /** the seed write-up's title, when `seed` names a known write-up */
  seedTitle?: string;
}
/** @public */
export type Source = z.infer<typeof sourceSchema> & ResolvedSeedTitle;
/** @public */
export type ScaleFigure = z.infer<typeof scaleFigureSchema> & ResolvedSeedTitle;
/** @public */
export type SeedWriteUp = z.infer<typeof seedWriteUpSchema>;
/** @public */
export type CompanyProfile = z.infer<typeof profileSchema>;
/** An entry as the built knowledge base holds it: its sources carry their seed titles. */
type WithResolvedSources<T extends { sources: unknown }> = Omit<
  T,
  'sources'
> & {
  sources: Source[];
};
/** @public */
export type Company = Omit<
  WithResolvedSources<z.infer<typeof companySchema>>,
  'scale'
> & { scale: ScaleFigure[] };
/** @public */
export type Lesson = WithResolvedSources<z.infer<typeof lessonSchema>>;
/** @public */
export type Pattern = WithResolvedSources<z.infer<typeof patternSchema>>;
/** @public */
export type Antipattern = WithResolvedSources<
  z.infer<typeof antipatternSchema>
>;
/** @public */
export type Severity = (typeof SEVERITIES)[number];
/** @public */
export type ChecklistCategory = (typeof CHECKLIST_CATEGORIES)[number];
/** @public */
export type AutomaticEvidence = z.infer<typeof automaticEvidenceSchema>;
/** @public */
export type ChecklistItem = WithResolvedSources<
  z.infer<typeof checklistItemSchema>
>;
/** @public */
export type KnowledgeFile = z.infer<typeof knowledgeFileSchema>;

/** The merged, validated knowledge base. @public */
export interface KnowledgeBase {
  /** content hash of the merged entries; changes whenever any entry changes */
  version: string;
  companies: Company[];
  lessons: Lesson[];
  patterns: Pattern[];
  antipatterns: Antipattern[];
  checklist: ChecklistItem[];
}
