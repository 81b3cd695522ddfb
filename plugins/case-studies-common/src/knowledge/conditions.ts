import { z } from 'zod';
import {
  PROFILE_ATTRIBUTES,
  ProfileAttribute,
  SCALE_LEVELS,
} from '../profile/attributes';

export {
  KNOWN_PRACTICES,
  PROFILE_ATTRIBUTES,
  SCALE_LEVELS,
} from '../profile/attributes';
export type { ProfileAttribute } from '../profile/attributes';

/**
 * Numeric facts read from the catalog around an entity (its owner group, its
 * system, its declared figures). Conditions compare them with numbers.
 *
 * @public
 */
export const PROFILE_FACTS = [
  /** members of the owning group */
  'team.members',
  /** components owned by the owning group */
  'team.components',
  /** components owned per member of the owning group */
  'team.componentsPerMember',
  /** deployed components (services, workers, functions; not libraries, docs or websites) owned by the owning group */
  'team.services',
  /** deployed components owned per member of the owning group */
  'team.servicesPerMember',
  /** components in the entity's system */
  'system.components',
  /** distinct database resources used by the components of the entity's system */
  'system.databases',
  /** components of the entity's system that declare strong consistency */
  'system.strongConsistencyComponents',
  /** database resources the entity depends on */
  'entity.databases',
  /** components the entity depends on */
  'entity.componentDependencies',
  /** deployed components of the entity's own system that it depends on (`dependsOn`): calls it makes inside its system */
  'entity.sameSystemServiceDependencies',
  /** declared peak requests per second (`case-studies/peak-rps`) */
  'scale.peakRps',
  /** declared users (`case-studies/users`) */
  'scale.users',
] as const;

/** @public */
export type ProfileFact = (typeof PROFILE_FACTS)[number];

/** @public */
export type ScaleLevel = (typeof SCALE_LEVELS)[number];

/**
 * A condition over a service profile, used by `appliesWhen`, `dontCopyWhen`
 * and antipattern `detect` rules.
 *
 * - `{ always: true }` holds for every entity.
 * - `{ attribute, in }` holds when the attribute is known and any of its values is in the list.
 * - `{ attribute, known }` holds when the attribute is (or is not) known.
 * - `{ fact, gt | gte | lt | lte | eq }` holds when the fact is known and every given comparison holds.
 * - `all`, `any`, `not` combine conditions.
 *
 * An unknown attribute or fact never satisfies `in` or a comparison, so a
 * service with no metadata triggers nothing that needs evidence.
 *
 * @public
 */
export type Condition =
  | { always: true }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { attribute: ProfileAttribute; in: string[] }
  | { attribute: ProfileAttribute; known: boolean }
  | {
      fact: ProfileFact;
      gt?: number;
      gte?: number;
      lt?: number;
      lte?: number;
      eq?: number;
    };

const vocabularyValue = z
  .string()
  .min(1)
  .regex(/^[a-z0-9][a-z0-9.+-]*$/, 'must be a lower-case vocabulary value');

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ always: z.literal(true) }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
    z.strictObject({
      attribute: z.enum(PROFILE_ATTRIBUTES),
      in: z.array(vocabularyValue).min(1),
    }),
    z.strictObject({
      attribute: z.enum(PROFILE_ATTRIBUTES),
      known: z.boolean(),
    }),
    z
      .strictObject({
        fact: z.enum(PROFILE_FACTS),
        gt: z.number().optional(),
        gte: z.number().optional(),
        lt: z.number().optional(),
        lte: z.number().optional(),
        eq: z.number().optional(),
      })
      .refine(
        c =>
          [c.gt, c.gte, c.lt, c.lte, c.eq].some(value => value !== undefined),
        {
          message:
            'a fact condition needs at least one of gt, gte, lt, lte, eq',
        },
      ),
  ]),
);

export { vocabularyValue };
