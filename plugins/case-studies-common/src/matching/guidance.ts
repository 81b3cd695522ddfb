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
  ConditionEvidence,
  ConditionInput,
  ConditionSession,
  restsOnKnownValues,
} from './evaluateCondition';
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

/**
 * A knowledge entry with its compiled condition. A condition that reads
 * nothing the profile knows (an `always` one, or one about attributes and
 * facts the profile lacks) gives the same result, evidence and sentence for
 * every such profile, so that output is built once (frozen) and shared.
 */
interface Compiled<T, Output> {
  entry: T;
  condition: CompiledCondition;
  /** the attributes and facts the condition reads, as bits of `ConditionSession.known` */
  reads: number;
  /** the output when the profile knows none of them; null when the entry does not apply then */
  whenNothingKnown: Output | null;
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

/** A profile that knows nothing: what every condition reads from it is the same for all such profiles. */
const NOTHING_KNOWN: ConditionInput = {
  // A session reads a missing attribute as one without values.
  attributes: {} as ConditionInput['attributes'],
  facts: {},
};

/** A shared output, frozen with its evidence list so no caller can change it for the others. */
function frozenOutput<Output extends Explained>(output: Output): Output {
  Object.freeze(output.because);
  return Object.freeze(output);
}

function compileKnowledge(knowledge: KnowledgeBase): CompiledKnowledge {
  const cached = compiledKnowledge.get(knowledge);
  if (cached) return cached;
  const compiler = new ConditionCompiler();
  // Outputs for profiles that know nothing a condition reads are built once
  // every condition is compiled, by a session over an empty profile.
  const settlements: ((nothing: ConditionSession) => void)[] = [];
  const compile = <T, Output extends Explained>(
    entry: T,
    condition: Condition,
    output?: (entry: T, holds: boolean, explained: Explained) => Output | null,
  ): Compiled<T, Output> => {
    const compiledCondition = compiler.compile(condition);
    const compiled: Compiled<T, Output> = {
      entry,
      condition: compiledCondition,
      reads: compiler.readsOf(compiledCondition),
      whenNothingKnown: null,
    };
    if (!output) return compiled;
    settlements.push(nothing => {
      const result = output(
        entry,
        nothing.holds(compiledCondition),
        nothing.explained(compiledCondition),
      );
      compiled.whenNothingKnown = result && frozenOutput(result);
    });
    return compiled;
  };
  const ifApplies =
    <T, Output>(output: (entry: T, explained: Explained) => Output) =>
    (entry: T, holds: boolean, explained: Explained) =>
      holds ? output(entry, explained) : null;
  const severityRank = (a: Antipattern) => SEVERITIES.indexOf(a.severity);
  const patternNames = new Map(knowledge.patterns.map(p => [p.id, p.name]));
  const lessonTitles = new Map(knowledge.lessons.map(l => [l.id, l.title]));
  const companies = new CompanyMatcher(knowledge.companies);
  const compiled: CompiledKnowledge = {
    compiler,
    companies,
    caveats: companies.companies.map(company =>
      company.dontCopyWhen.map(caveat =>
        compile({ text: caveat.text }, caveat.when, ifApplies(caveatOutput)),
      ),
    ),
    lessons: specificFirst(knowledge.lessons).map(l =>
      compile(l, l.appliesWhen, ifApplies(lessonOutput)),
    ),
    patterns: specificFirst(knowledge.patterns).map(p =>
      compile(p, p.appliesWhen, ifApplies(patternOutput)),
    ),
    // A warning needs a known value among its evidence, so with nothing
    // known an antipattern never fires: it needs no shared output.
    antipatterns: [...knowledge.antipatterns]
      .sort((a, b) => severityRank(b) - severityRank(a) || byId(a, b))
      .map(a => compile<Antipattern, never>(a, a.detect)),
    checklist: knowledge.checklist.map(item =>
      compile(item, item.appliesWhen, checklistOutput),
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
  const nothing = compiler.session(NOTHING_KNOWN);
  for (const settle of settlements) settle(nothing);
  compiledKnowledge.set(knowledge, compiled);
  return compiled;
}

/** Whether the profile knows nothing the entry's condition reads. */
function readsNothingKnown(
  session: ConditionSession,
  compiled: Compiled<unknown, unknown>,
): boolean {
  return (compiled.reads & session.known) === 0;
}

/** The outputs of the entries whose condition holds. */
function applicableOutputs<T, Output>(
  session: ConditionSession,
  entries: Compiled<T, Output>[],
  output: (entry: T, explained: Explained) => Output,
): Output[] {
  const outputs: Output[] = [];
  for (let i = 0; i < entries.length; i++) {
    const compiled = entries[i];
    if (readsNothingKnown(session, compiled)) {
      if (compiled.whenNothingKnown) outputs.push(compiled.whenNothingKnown);
    } else if (session.holds(compiled.condition)) {
      outputs.push(
        output(compiled.entry, session.explained(compiled.condition)),
      );
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
 * an entity without metadata is never warned. Entries whose condition reads
 * nothing the profile knows (those that apply to every service among them)
 * are shared, frozen objects.
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
  for (const entry of compiled.antipatterns) {
    const { entry: antipattern, condition } = entry;
    if (readsNothingKnown(session, entry) || !session.holds(condition)) {
      continue;
    }
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
  for (const entry of compiled.checklist) {
    const { entry: item, condition } = entry;
    checklist.push(
      readsNothingKnown(session, entry)
        ? entry.whenNothingKnown!
        : checklistOutput(
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
