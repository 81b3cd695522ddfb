import { byId } from '../knowledge/byId';
import type { Condition } from '../knowledge/conditions';
import {
  SEVERITIES,
  type Antipattern,
  type AutomaticEvidence,
  type ChecklistCategory,
  type ChecklistItem,
  type Company,
  type KnowledgeBase,
  type Lesson,
  type Pattern,
  type Severity,
} from '../knowledge/schema';
import type { MissingAnnotation, ServiceProfile } from '../profile/types';
import {
  CompiledCondition,
  ConditionCompiler,
  ConditionSession,
  ConditionEvidence,
  isUnconditional,
  restsOnKnownValues,
} from './evaluateCondition';
import { EVERY_SERVICE } from './explain';
import { AttributeComparison, CompanyMatcher } from './similarity';

/** A "when not to copy" caveat of a company that holds for the service. @public */
export interface CompanyCaveat {
  text: string;
  because: ConditionEvidence[];
  explanation: string;
}

/** A company ranked by similarity to the service. @public */
export interface CompanyMatch {
  id: string;
  name: string;
  summary: string;
  small: boolean;
  /** 0..100 */
  score: number;
  /** attributes of the service that the company shares, with the values on each side */
  matched: AttributeComparison[];
  /** attributes known for the service that the company does not share */
  unmatched: AttributeComparison[];
  decisions: Company['decisions'];
  copyWhen: string[];
  caveats: CompanyCaveat[];
}

/** A lesson whose `appliesWhen` holds. @public */
export interface ApplicableLesson {
  id: string;
  title: string;
  summary: string;
  reason: string;
  companies: string[];
  patterns: string[];
  /** the profile values that made it apply (empty: it applies to every service) */
  because: ConditionEvidence[];
  explanation: string;
}

/** A pattern whose `appliesWhen` holds. @public */
export interface ApplicablePattern {
  id: string;
  name: string;
  category: Pattern['category'];
  adoption: Pattern['adoption'];
  problem: string;
  solution: string;
  reason: string;
  companies: string[];
  because: ConditionEvidence[];
  explanation: string;
}

/** An antipattern whose `detect` rule holds. @public */
export interface AntipatternWarning {
  id: string;
  title: string;
  summary: string;
  whyItHurts: string;
  severity: Severity;
  /** the attribute and fact values the rule read, with their provenance */
  evidence: ConditionEvidence[];
  explanation: string;
  remedy: string;
  remedyPatterns: { id: string; name: string }[];
  lesson: { id: string; title: string };
  companies: string[];
}

/** A checklist item and whether it applies to the service. @public */
export interface ChecklistApplicability {
  id: string;
  category: ChecklistCategory;
  title: string;
  why: string;
  verify: string;
  weight: number;
  applies: boolean;
  /** the item's own reason */
  reason: string;
  /** the values `appliesWhen` read (for a failing condition, the ones that made it fail) */
  because: ConditionEvidence[];
  explanation: string;
  /** catalog facts that satisfy the item automatically; see `automaticEvidence` */
  automaticEvidence: AutomaticEvidence[];
}

/** Everything the knowledge base says about one service. @public */
export interface Guidance {
  entityRef: string;
  knowledgeVersion: string;
  /** every company, most similar first (ties by id) */
  companies: CompanyMatch[];
  /** applicable lessons, those that depend on the service first, then by id */
  lessons: ApplicableLesson[];
  patterns: ApplicablePattern[];
  /** detected antipatterns, most severe first, then by id */
  antipatterns: AntipatternWarning[];
  /** every checklist item, in knowledge base order */
  checklist: ChecklistApplicability[];
  tellUsMore: MissingAnnotation[];
}

/** Evidence and its sentence, as every explained item carries them. */
type Explained = Pick<ApplicableLesson, 'because' | 'explanation'>;

/** What a condition that reads nothing explains, shared by every result. */
const UNCONDITIONAL: Explained = Object.freeze({
  because: Object.freeze([]) as unknown as ConditionEvidence[],
  explanation: EVERY_SERVICE,
});

/**
 * A knowledge entry with its compiled condition. An `always` entry's output
 * is the same for every service, so it is built once (and frozen) instead of
 * per call.
 */
interface Compiled<T, Output> {
  entry: T;
  condition: CompiledCondition;
  unconditional?: Output;
}

interface CompiledKnowledge {
  compiler: ConditionCompiler;
  companies: CompanyMatcher;
  /** per company, by its position in `companies.companies`, its "don't copy" caveats */
  caveats: Compiled<{ text: string }, CompanyCaveat>[][];
  lessons: Compiled<Lesson, ApplicableLesson>[];
  patterns: Compiled<Pattern, ApplicablePattern>[];
  antipatterns: Compiled<Antipattern, never>[];
  checklist: Compiled<ChecklistItem, ChecklistApplicability>[];
  /** per antipattern id, its remedy patterns with their names */
  remedyPatterns: Map<string, { id: string; name: string }[]>;
  /** per antipattern id, the lesson that motivates it */
  motivatingLessons: Map<string, { id: string; title: string }>;
}

function caveatOutput(
  caveat: { text: string },
  explained: Explained,
): CompanyCaveat {
  return {
    text: caveat.text,
    because: explained.because,
    explanation: explained.explanation,
  };
}

function lessonOutput(
  lesson: Lesson,
  { because, explanation }: Explained,
): ApplicableLesson {
  return {
    id: lesson.id,
    title: lesson.title,
    summary: lesson.summary,
    reason: lesson.reason,
    companies: lesson.companies,
    patterns: lesson.patterns,
    because,
    explanation,
  };
}

function patternOutput(
  pattern: Pattern,
  { because, explanation }: Explained,
): ApplicablePattern {
  return {
    id: pattern.id,
    name: pattern.name,
    category: pattern.category,
    adoption: pattern.adoption,
    problem: pattern.problem,
    solution: pattern.solution,
    reason: pattern.reason,
    companies: pattern.companies,
    because,
    explanation,
  };
}

function checklistOutput(
  item: ChecklistItem,
  applies: boolean,
  { because, explanation }: Explained,
): ChecklistApplicability {
  return {
    id: item.id,
    category: item.category,
    title: item.title,
    why: item.why,
    verify: item.verify,
    weight: item.weight,
    applies,
    reason: item.reason,
    because,
    explanation,
    automaticEvidence: item.evidence,
  };
}

/** Knowledge bases are immutable once built, so each is compiled once. */
const compiledKnowledge = new WeakMap<KnowledgeBase, CompiledKnowledge>();

/** Conditions that depend on the service come before `always` ones; then by id. */
function specificFirst<T extends { id: string; appliesWhen: Condition }>(
  entries: T[],
): T[] {
  const always = (entry: T) => ('always' in entry.appliesWhen ? 1 : 0);
  return [...entries].sort((a, b) => always(a) - always(b) || byId(a, b));
}

function compileKnowledge(knowledge: KnowledgeBase): CompiledKnowledge {
  const cached = compiledKnowledge.get(knowledge);
  if (cached) return cached;
  const compiler = new ConditionCompiler();
  const compile = <T, Output>(
    entry: T,
    condition: Condition,
    output?: (entry: T, explained: Explained) => Output,
  ): Compiled<T, Output> => {
    const compiledCondition = compiler.compile(condition);
    return isUnconditional(compiledCondition) && output
      ? {
          entry,
          condition: compiledCondition,
          unconditional: Object.freeze(output(entry, UNCONDITIONAL)),
        }
      : { entry, condition: compiledCondition };
  };
  const severityRank = (a: Antipattern) => SEVERITIES.indexOf(a.severity);
  const patternNames = new Map(knowledge.patterns.map(p => [p.id, p.name]));
  const lessonTitles = new Map(knowledge.lessons.map(l => [l.id, l.title]));
  const companies = new CompanyMatcher(knowledge.companies);
  const compiled: CompiledKnowledge = {
    compiler,
    companies,
    caveats: companies.companies.map(company =>
      company.dontCopyWhen.map(caveat =>
        compile({ text: caveat.text }, caveat.when, caveatOutput),
      ),
    ),
    lessons: specificFirst(knowledge.lessons).map(l =>
      compile(l, l.appliesWhen, lessonOutput),
    ),
    patterns: specificFirst(knowledge.patterns).map(p =>
      compile(p, p.appliesWhen, patternOutput),
    ),
    antipatterns: [...knowledge.antipatterns]
      .sort((a, b) => severityRank(b) - severityRank(a) || byId(a, b))
      .map(a => compile<Antipattern, never>(a, a.detect)),
    checklist: knowledge.checklist.map(item =>
      compile(item, item.appliesWhen, (entry, explained) =>
        checklistOutput(entry, true, explained),
      ),
    ),
    remedyPatterns: new Map(
      knowledge.antipatterns.map(a => [
        a.id,
        a.remedyPatterns.map(id => ({ id, name: patternNames.get(id) ?? id })),
      ]),
    ),
    motivatingLessons: new Map(
      knowledge.antipatterns.map(a => [
        a.id,
        { id: a.lesson, title: lessonTitles.get(a.lesson) ?? a.lesson },
      ]),
    ),
  };
  compiledKnowledge.set(knowledge, compiled);
  return compiled;
}

/** The outputs of the entries whose condition holds. */
function applicableOutputs<T, Output>(
  session: ConditionSession,
  entries: Compiled<T, Output>[],
  output: (entry: T, explained: Explained) => Output,
): Output[] {
  const outputs: Output[] = [];
  for (let i = 0; i < entries.length; i++) {
    const { entry, condition, unconditional } = entries[i];
    if (unconditional) outputs.push(unconditional);
    else if (session.holds(condition)) {
      outputs.push(output(entry, session.explained(condition)));
    }
  }
  return outputs;
}

/**
 * The guidance for one service profile: similar companies with their
 * matching attributes and the caveats that hold, the lessons and patterns
 * that apply, the antipatterns detected, every checklist item with whether it
 * applies, and the annotations that would sharpen all of it.
 *
 * Pure and deterministic. A warning needs evidence: its rule must hold and
 * have read a known value (other than the lifecycle every component has), so
 * an entity without metadata is never warned. Entries that apply to every
 * service are shared, frozen objects.
 *
 * @public
 */
export function guidance(
  serviceProfile: ServiceProfile,
  knowledge: KnowledgeBase,
): Guidance {
  const compiled = compileKnowledge(knowledge);
  const session = compiled.compiler.session(serviceProfile);

  const companies = compiled.companies.rank(
    serviceProfile.attributes,
    (company, position, score, matched, unmatched): CompanyMatch => ({
      id: company.id,
      name: company.name,
      summary: company.summary,
      small: company.small,
      score,
      matched,
      unmatched,
      decisions: company.decisions,
      copyWhen: company.copyWhen,
      caveats: applicableOutputs(
        session,
        compiled.caveats[position],
        caveatOutput,
      ),
    }),
  );

  const antipatterns: AntipatternWarning[] = [];
  for (const { entry: antipattern, condition } of compiled.antipatterns) {
    if (!session.holds(condition)) continue;
    const { because, explanation } = session.explained(condition);
    if (!restsOnKnownValues(because)) continue;
    antipatterns.push({
      id: antipattern.id,
      title: antipattern.title,
      summary: antipattern.summary,
      whyItHurts: antipattern.whyItHurts,
      severity: antipattern.severity,
      evidence: because,
      explanation,
      remedy: antipattern.remedy,
      remedyPatterns: compiled.remedyPatterns.get(antipattern.id)!,
      lesson: compiled.motivatingLessons.get(antipattern.id)!,
      companies: antipattern.companies,
    });
  }

  const checklist: ChecklistApplicability[] = [];
  for (const { entry: item, condition, unconditional } of compiled.checklist) {
    checklist.push(
      unconditional ??
        checklistOutput(
          item,
          session.holds(condition),
          session.explained(condition),
        ),
    );
  }

  return {
    entityRef: serviceProfile.entityRef,
    knowledgeVersion: knowledge.version,
    companies,
    lessons: applicableOutputs(session, compiled.lessons, lessonOutput),
    patterns: applicableOutputs(session, compiled.patterns, patternOutput),
    antipatterns,
    checklist,
    tellUsMore: serviceProfile.missing,
  };
}
