import {
  Condition,
  PROFILE_ATTRIBUTES,
  PROFILE_FACTS,
  ProfileAttribute,
  ProfileFact,
} from '../knowledge/conditions';
import type {
  ProfileFactValue,
  ProfileValue,
  ServiceProfile,
} from '../profile/types';
import { canonicalValue } from '../profile/vocabulary';
import { KnowledgeBaseError } from '../knowledge/KnowledgeBaseError';
import {
  describeEvidence,
  EVERY_SERVICE,
  PhraseParts,
  phraseOfFact,
  phraseOfValues,
  phraseParts,
} from './explain';

/** An attribute a condition read, and what it found. @public */
export interface AttributeEvidence {
  type: 'attribute';
  attribute: ProfileAttribute;
  /** the test, readable: `in postgres, mysql`, `known`, `unknown` */
  test: string;
  /** for a holding `in`, the values that matched; otherwise every value read (empty: unknown) */
  values: ProfileValue[];
  /** whether this test held (before any enclosing `not`) */
  holds: boolean;
}

/** A fact a condition read, and what it found. @public */
export interface FactEvidence {
  type: 'fact';
  fact: ProfileFact;
  /** the test, readable: `> 3`, `>= 2, < 10` */
  test: string;
  /** undefined when the fact is unknown */
  value?: ProfileFactValue;
  holds: boolean;
}

/** @public */
export type ConditionEvidence = AttributeEvidence | FactEvidence;

/**
 * The result of a condition over a profile, with the values it read: for a
 * holding condition the reads that made it hold, for a failing one the reads
 * that made it fail.
 *
 * @public
 */
export interface ConditionResult {
  holds: boolean;
  evidence: ConditionEvidence[];
}

/** The parts of a profile a condition reads. */
export type ConditionInput = Pick<ServiceProfile, 'attributes' | 'facts'>;

/**
 * A profile as arrays indexed like `PROFILE_ATTRIBUTES` and `PROFILE_FACTS`:
 * reads index arrays instead of looking up many different keys from one
 * call site, which V8 would make megamorphic and slow.
 */
interface IndexedInput {
  attributes: ProfileValue[][];
  facts: (ProfileFactValue | undefined)[];
}

function indexInput(input: ConditionInput): IndexedInput {
  const attributes: ProfileValue[][] = new Array(PROFILE_ATTRIBUTES.length);
  for (let i = 0; i < PROFILE_ATTRIBUTES.length; i++) {
    attributes[i] = input.attributes[PROFILE_ATTRIBUTES[i]] ?? [];
  }
  const facts: (ProfileFactValue | undefined)[] = new Array(
    PROFILE_FACTS.length,
  );
  for (let i = 0; i < PROFILE_FACTS.length; i++) {
    facts[i] = input.facts[PROFILE_FACTS[i]];
  }
  return { attributes, facts };
}

/**
 * One test of one attribute or fact: the leaves of every condition. Reads are
 * plain data evaluated by the session in loops over attributes and facts, so
 * the engine's hot loop stays monomorphic instead of calling a different
 * closure per test.
 */
type Read =
  | {
      kind: 'in';
      attribute: ProfileAttribute;
      attributeIndex: number;
      accepted: ReadonlySet<string>;
      test: string;
      parts: PhraseParts;
    }
  | {
      kind: 'known';
      attribute: ProfileAttribute;
      attributeIndex: number;
      wanted: boolean;
      test: string;
      parts: PhraseParts;
    }
  | {
      kind: 'fact';
      fact: ProfileFact;
      factIndex: number;
      checks: { bound: number; compare: (a: number, b: number) => boolean }[];
      test: string;
      parts: PhraseParts;
    };

const COMPARISONS = [
  ['gt', '>', (a: number, b: number) => a > b],
  ['gte', '>=', (a: number, b: number) => a >= b],
  ['lt', '<', (a: number, b: number) => a < b],
  ['lte', '<=', (a: number, b: number) => a <= b],
  ['eq', '=', (a: number, b: number) => a === b],
] as const;

type FactCondition = Extract<Condition, { fact: ProfileFact }>;
type AttributeCondition = Extract<Condition, { attribute: ProfileAttribute }>;

function factRead(condition: FactCondition): Read {
  const checks = COMPARISONS.flatMap(([key, symbol, compare]) => {
    const bound = condition[key];
    return bound === undefined ? [] : [{ bound, symbol, compare }];
  });
  const test = checks.map(c => `${c.symbol} ${c.bound}`).join(', ');
  return {
    kind: 'fact',
    fact: condition.fact,
    factIndex: PROFILE_FACTS.indexOf(condition.fact),
    checks,
    test,
    parts: phraseParts(condition.fact, test),
  };
}

function attributeRead(condition: AttributeCondition): Read {
  const { attribute } = condition;
  const attributeIndex = PROFILE_ATTRIBUTES.indexOf(attribute);
  if ('known' in condition) {
    const test = condition.known ? 'known' : 'unknown';
    return {
      kind: 'known',
      attribute,
      attributeIndex,
      wanted: condition.known,
      test,
      parts: phraseParts(attribute, test),
    };
  }
  const accepted = [
    ...new Set(condition.in.map(v => canonicalValue(attribute, v) ?? v)),
  ];
  const test = `in ${accepted.join(', ')}`;
  return {
    kind: 'in',
    attribute,
    attributeIndex,
    accepted: new Set(accepted),
    test,
    parts: phraseParts(attribute, test),
  };
}

/**
 * A read's identity: the same test in two conditions is read once. Values
 * keep the order the condition lists them in, because the evidence shows the
 * test as written (`in serverless, edge` and `in edge, serverless` are two).
 */
function readKey(read: Read): string {
  if (read.kind === 'fact') return `fact ${read.fact} ${read.test}`;
  if (read.kind === 'known') return `known ${read.attribute} ${read.wanted}`;
  return `in ${read.attribute} ${read.test}`;
}

/** Whether a known fact passes every comparison of a fact read. */
function factHolds(
  read: Extract<Read, { kind: 'fact' }>,
  value: ProfileFactValue,
): boolean {
  for (const check of read.checks) {
    if (!check.compare(value.value, check.bound)) return false;
  }
  return true;
}

const NO_VALUES: ProfileValue[] = Object.freeze(
  [],
) as unknown as ProfileValue[];

/** The evidence of a read that finds nothing, the same for every profile. */
function evidenceOfNothing(read: Read): ConditionEvidence {
  return Object.freeze(
    read.kind === 'fact'
      ? {
          type: 'fact' as const,
          fact: read.fact,
          test: read.test,
          holds: false,
        }
      : {
          type: 'attribute' as const,
          attribute: read.attribute,
          test: read.test,
          values: NO_VALUES,
          holds: read.kind === 'known' && !read.wanted,
        },
  );
}

/** The values an `in` read accepts, in profile order (a loop: no closure per read). */
function acceptedValues(
  read: { accepted: ReadonlySet<string> },
  values: ProfileValue[],
): ProfileValue[] {
  let count = 0;
  for (const value of values) {
    if (read.accepted.has(value.value)) count++;
  }
  // All of them (a single value, most often): the profile's own list, as
  // the evidence of a failing read already is.
  if (count === values.length) return values;
  const accepted: ProfileValue[] = new Array(count);
  let next = 0;
  for (const value of values) {
    if (read.accepted.has(value.value)) accepted[next++] = value;
  }
  return accepted;
}

function readEvidence(
  read: Read,
  input: IndexedInput,
  holds: boolean,
): ConditionEvidence {
  if (read.kind === 'fact') {
    const value = input.facts[read.factIndex];
    return value === undefined
      ? { type: 'fact', fact: read.fact, test: read.test, holds }
      : { type: 'fact', fact: read.fact, test: read.test, value, holds };
  }
  const values = input.attributes[read.attributeIndex];
  return {
    type: 'attribute',
    attribute: read.attribute,
    test: read.test,
    values: read.kind === 'in' && holds ? acceptedValues(read, values) : values,
    holds,
  };
}

/** The compiled reads, grouped by what they read so a session tests each attribute once. */
interface ReadIndex {
  reads: Read[];
  /**
   * Per read, its outcome, evidence and phrase when it finds nothing: the
   * same for every profile. A session starts from copies of these (a cheap
   * copy of packed arrays) and overwrites the reads of what the profile does
   * know.
   */
  nothingOutcomes: boolean[];
  nothingResults: ConditionEvidence[];
  nothingPhrases: string[];
  /** per read, its outcome before its accepted values are looked up: only `known` holds */
  knownOutcomes: boolean[];
  /** per attribute (by position in `PROFILE_ATTRIBUTES`), the indexes of the reads of it */
  byAttribute: number[][];
  /** per attribute, accepted value → the indexes of the `in` reads that accept it */
  acceptors: Map<string, number[]>[];
  /** per fact (by position in `PROFILE_FACTS`), the indexes of the reads of it */
  byFact: number[][];
}

function indexRead(index: ReadIndex, read: Read, readIndex: number): void {
  const evidence = evidenceOfNothing(read);
  // What a read finds when it finds nothing: only `unknown` holds.
  index.nothingOutcomes.push(read.kind === 'known' && !read.wanted);
  index.nothingResults.push(evidence);
  index.nothingPhrases.push(describeEvidence(evidence));
  index.knownOutcomes.push(read.kind === 'known' && read.wanted);
  // A name outside the vocabulary (only in an unvalidated condition) is
  // never in a profile: its read always finds nothing.
  if (read.kind === 'fact') {
    if (read.factIndex >= 0) index.byFact[read.factIndex].push(readIndex);
    return;
  }
  if (read.attributeIndex < 0) return;
  index.byAttribute[read.attributeIndex].push(readIndex);
  if (read.kind !== 'in') return;
  const acceptors = index.acceptors[read.attributeIndex];
  for (const value of read.accepted) {
    const accepting = acceptors.get(value);
    if (accepting) accepting.push(readIndex);
    else acceptors.set(value, [readIndex]);
  }
}

// Op codes are words, so a compiled condition reads as what it does in a
// debugger; numbers saved only 1.2 % of the instructions (docs/benchmarks.md).
const ALWAYS = 'always';
const READ = 'read';
const NOT = 'not';
const ALL = 'all';
const ANY = 'any';

/** A condition compiled to a tree of operations over shared reads. */
export type CompiledCondition =
  | { op: typeof ALWAYS }
  | { op: typeof READ; index: number }
  | { op: typeof NOT; part: CompiledCondition }
  | { op: typeof ALL | typeof ANY; parts: CompiledCondition[] };

/**
 * The attributes and facts of a profile as bits of one 32-bit integer:
 * attribute `i` of `PROFILE_ATTRIBUTES` is bit `i`, fact `j` of
 * `PROFILE_FACTS` bit `PROFILE_ATTRIBUTES.length + j`. A condition that reads
 * none of the bits a profile knows is skipped with one `&` (×1.03 in
 * instructions, docs/benchmarks.md), so the vocabulary must fit:
 * `ConditionCompiler` refuses to compile when it does not.
 */
export const MAX_ATTRIBUTES_AND_FACTS = 31;

function attributeBit(attributeIndex: number): number {
  return 1 << attributeIndex;
}
function factBit(factIndex: number): number {
  return 1 << (PROFILE_ATTRIBUTES.length + factIndex);
}

/** Evidence of a condition with its explanation in one sentence. */
export interface ExplainedEvidence {
  because: ConditionEvidence[];
  explanation: string;
}

/** Evaluates compiled conditions over one profile; every read is tested once, up front. */
export class ConditionSession {
  private readonly input: IndexedInput;
  private readonly outcomes: boolean[];
  private readonly results: (ConditionEvidence | undefined)[];
  private readonly phrases: (string | undefined)[];
  /**
   * The read indexes of the condition being explained: a buffer kept across
   * explanations (`explainingCount` says how much of it is in use), because
   * emptying an array frees its storage and refilling it allocates again.
   */
  private readonly explaining: number[] = [];
  private explainingCount = 0;

  private readonly reads: Read[];

  /**
   * The attributes that have values and the facts that are known, as bits
   * (see `attributeBit`): a condition that reads none of them reads nothing.
   */
  readonly known: number;

  constructor(index: ReadIndex, input: ConditionInput) {
    const reads = index.reads;
    const count = reads.length;
    this.reads = reads;
    this.input = indexInput(input);
    let known = 0;
    this.outcomes = index.nothingOutcomes.slice(0, count);
    this.results = index.nothingResults.slice(0, count);
    this.phrases = index.nothingPhrases.slice(0, count);
    // Reads are tested per attribute and fact rather than one by one: an
    // attribute's values are looked up once in the reads that accept them.
    const { attributes, facts } = this.input;
    for (let a = 0; a < index.byAttribute.length; a++) {
      const readIndexes = index.byAttribute[a];
      const values = attributes[a];
      if (values.length === 0) continue;
      known |= attributeBit(a);
      if (readIndexes.length === 0) continue;
      for (const i of readIndexes) {
        this.outcomes[i] = index.knownOutcomes[i];
        this.results[i] = undefined;
        this.phrases[i] = undefined;
      }
      const acceptors = index.acceptors[a];
      for (const value of values) {
        const accepting = acceptors.get(value.value);
        if (accepting) for (const i of accepting) this.outcomes[i] = true;
      }
    }
    for (let f = 0; f < index.byFact.length; f++) {
      const readIndexes = index.byFact[f];
      const fact = facts[f];
      if (fact === undefined) continue;
      known |= factBit(f);
      for (const i of readIndexes) {
        const read = reads[i] as Extract<Read, { kind: 'fact' }>;
        this.outcomes[i] = factHolds(read, fact);
        this.results[i] = undefined;
        this.phrases[i] = undefined;
      }
    }
    this.known = known;
  }

  private read(index: number): ConditionEvidence {
    let result = this.results[index];
    if (result === undefined) {
      result = readEvidence(
        this.reads[index],
        this.input,
        this.outcomes[index],
      );
      this.results[index] = result;
    }
    return result;
  }

  private phrase(index: number): string {
    let phrase = this.phrases[index];
    if (phrase === undefined) {
      // A read gets here only when the profile has something for it to
      // read: a fact's value, or an attribute's values.
      const { parts } = this.reads[index];
      const evidence = this.read(index);
      phrase =
        evidence.type === 'fact'
          ? phraseOfFact(parts, evidence.value!, evidence.holds)
          : phraseOfValues(parts, evidence.values, evidence.holds);
      this.phrases[index] = phrase;
    }
    return phrase;
  }

  holds(condition: CompiledCondition): boolean {
    switch (condition.op) {
      case ALWAYS:
        return true;
      case READ:
        return this.outcomes[condition.index];
      case NOT:
        return !this.holds(condition.part);
      case ALL:
        for (const part of condition.parts) if (!this.holds(part)) return false;
        return true;
      default:
        for (const part of condition.parts) if (this.holds(part)) return true;
        return false;
    }
  }

  /**
   * The indexes of the reads that explain the condition's result: a holding
   * `all` all its parts', a failing one its first failing part's; a holding
   * `any` its holding parts', a failing one all its parts'; `not` its part's.
   */
  private explainingReads(condition: CompiledCondition): void {
    switch (condition.op) {
      case ALWAYS:
        break;
      case READ: {
        for (let i = 0; i < this.explainingCount; i++) {
          if (this.explaining[i] === condition.index) return;
        }
        this.explaining[this.explainingCount++] = condition.index;
        break;
      }
      case NOT:
        this.explainingReads(condition.part);
        break;
      case ALL: {
        // Plain loops: a closure per call here would allocate on every explanation.
        for (const part of condition.parts) {
          if (!this.holds(part)) {
            this.explainingReads(part);
            return;
          }
        }
        for (const part of condition.parts) this.explainingReads(part);
        break;
      }
      default: {
        let anyHolds = false;
        for (const part of condition.parts) {
          if (this.holds(part)) {
            anyHolds = true;
            this.explainingReads(part);
          }
        }
        if (!anyHolds) {
          for (const part of condition.parts) this.explainingReads(part);
        }
      }
    }
  }

  explained(condition: CompiledCondition): ExplainedEvidence {
    this.explainingCount = 0;
    this.explainingReads(condition);
    const count = this.explainingCount;
    const indexes = this.explaining;
    if (count === 1) {
      return {
        because: [this.read(indexes[0])],
        explanation: this.phrase(indexes[0]),
      };
    }
    const because: ConditionEvidence[] = new Array(count);
    let explanation = count === 0 ? EVERY_SERVICE : '';
    for (let i = 0; i < count; i++) {
      because[i] = this.read(indexes[i]);
      explanation +=
        i === 0 ? this.phrase(indexes[i]) : `; ${this.phrase(indexes[i])}`;
    }
    return { because, explanation };
  }
}

/**
 * Compiles conditions so that many of them can be evaluated over one profile
 * cheaply: every distinct attribute or fact test is read once per profile,
 * however many conditions share it, and evidence is only gathered for the
 * conditions that ask for it.
 */
export class ConditionCompiler {
  private readonly index: ReadIndex = {
    reads: [],
    nothingOutcomes: [],
    nothingResults: [],
    nothingPhrases: [],
    knownOutcomes: [],
    byAttribute: PROFILE_ATTRIBUTES.map(() => []),
    acceptors: PROFILE_ATTRIBUTES.map(() => new Map()),
    byFact: PROFILE_FACTS.map(() => []),
  };
  private readonly readIndex = new Map<string, number>();

  constructor() {
    const count = PROFILE_ATTRIBUTES.length + PROFILE_FACTS.length;
    if (count > MAX_ATTRIBUTES_AND_FACTS) {
      throw new KnowledgeBaseError([
        {
          file: 'profile vocabulary',
          message: `${PROFILE_ATTRIBUTES.length} attributes and ${PROFILE_FACTS.length} facts are ${count}; conditions are compiled to bit masks of at most ${MAX_ATTRIBUTES_AND_FACTS} (see MAX_ATTRIBUTES_AND_FACTS in matching/evaluateCondition.ts)`,
        },
      ]);
    }
  }

  compile(condition: Condition): CompiledCondition {
    if ('always' in condition) return { op: ALWAYS };
    if ('all' in condition) {
      return { op: ALL, parts: condition.all.map(c => this.compile(c)) };
    }
    if ('any' in condition) {
      return { op: ANY, parts: condition.any.map(c => this.compile(c)) };
    }
    if ('not' in condition)
      return { op: NOT, part: this.compile(condition.not) };
    const read =
      'fact' in condition ? factRead(condition) : attributeRead(condition);
    const key = readKey(read);
    let index = this.readIndex.get(key);
    if (index === undefined) {
      index = this.index.reads.length;
      this.index.reads.push(read);
      this.readIndex.set(key, index);
      indexRead(this.index, read, index);
    }
    return { op: READ, index };
  }

  /**
   * The attributes and facts a condition reads, as bits to test against
   * `ConditionSession.known`: when none of them is known, the condition's
   * result and evidence are those of a profile that knows nothing. A name
   * outside the vocabulary is never known, so its read sets no bit.
   */
  readsOf(condition: CompiledCondition): number {
    switch (condition.op) {
      case ALWAYS:
        return 0;
      case READ: {
        const read = this.index.reads[condition.index];
        if (read.kind === 'fact') {
          return read.factIndex < 0 ? 0 : factBit(read.factIndex);
        }
        return read.attributeIndex < 0 ? 0 : attributeBit(read.attributeIndex);
      }
      case NOT:
        return this.readsOf(condition.part);
      default: {
        let bits = 0;
        for (const part of condition.parts) bits |= this.readsOf(part);
        return bits;
      }
    }
  }

  /** An evaluation of compiled conditions over one profile. */
  session(input: ConditionInput): ConditionSession {
    return new ConditionSession(this.index, input);
  }
}

/**
 * Evaluates a condition over a profile. An unknown attribute or fact never
 * satisfies `in` or a comparison.
 *
 * For many conditions over many profiles, `guidance` compiles the knowledge
 * base once instead.
 *
 * @public
 */
export function evaluateCondition(
  condition: Condition,
  profile: ConditionInput,
): ConditionResult {
  const compiler = new ConditionCompiler();
  const compiled = compiler.compile(condition);
  const session = compiler.session(profile);
  return {
    holds: session.holds(compiled),
    evidence: session.explained(compiled).because,
  };
}

/**
 * Whether evidence rests on something the catalog said about the entity: a
 * known attribute value other than the lifecycle every component has, or a
 * known fact. Warnings need it, so an entity without metadata is never warned.
 */
export function restsOnKnownValues(evidence: ConditionEvidence[]): boolean {
  return evidence.some(read =>
    read.type === 'fact'
      ? read.value !== undefined
      : read.values.length > 0 && read.attribute !== 'lifecycle',
  );
}
