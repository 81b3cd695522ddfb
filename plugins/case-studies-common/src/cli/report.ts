import { PROFILE_ATTRIBUTES } from '../knowledge/conditions';
import type { Guidance } from '../matching/guidance';
import type { ProfileValue, ServiceProfile } from '../profile/types';
import type { EntityChecklist } from '../scoring/entityChecklist';
import type { EntityScore } from '../scoring/entityScore';

const TOP_COMPANIES = 5;

function withSource(value: ProfileValue): string {
  return `${value.value} [${value.source.detail}, ${value.source.confidence}]`;
}

function section(title: string, lines: string[]): string[] {
  return lines.length > 0 ? ['', title, ...lines] : [];
}

/** The readable report of the CLI: profile with provenance, companies, warnings, lessons, checklist. */
export function renderReport(
  serviceProfile: ServiceProfile,
  result: Guidance,
  checklist: EntityChecklist,
  score: EntityScore,
): string {
  const width = Math.max(...PROFILE_ATTRIBUTES.map(a => a.length)) + 2;
  const profileLines = PROFILE_ATTRIBUTES.map(attribute => {
    const values = serviceProfile.attributes[attribute];
    const text =
      values.length > 0 ? values.map(withSource).join('; ') : 'unknown';
    return `  ${attribute.padEnd(width)}${text}`;
  });
  const factLines = Object.entries(serviceProfile.facts).map(
    ([fact, value]) => `  ${fact}: ${value!.value} [${value!.source.detail}]`,
  );
  const conflictLines = serviceProfile.conflicts.map(
    conflict =>
      `  ${conflict.attribute}: kept ${conflict.kept
        .map(withSource)
        .join(', ')} over ${conflict.overridden.map(withSource).join(', ')}`,
  );
  const rejectedLines = serviceProfile.rejected.map(
    rejected => `  ${rejected.detail}: "${rejected.value}" ${rejected.reason}`,
  );

  const companyLines = result.companies
    .slice(0, TOP_COMPANIES)
    .flatMap((company, index) => {
      const matched = company.matched
        .map(m => `${m.attribute} ${m.shared.join(', ')}`)
        .join('; ');
      const unmatched = company.unmatched
        .map(
          u =>
            `${u.attribute} ${u.service.join(', ')} vs ${
              u.company.join(', ') || '-'
            }`,
        )
        .join('; ');
      return [
        `  ${index + 1}. ${company.name} ${company.score}${
          company.small ? ' (small company)' : ''
        }`,
        `     matched: ${matched || 'nothing'}`,
        ...(unmatched ? [`     unmatched: ${unmatched}`] : []),
        ...company.decisions
          .slice(0, 2)
          .map(d => `     decision: ${d.what} (${d.why})`),
        ...company.caveats.map(
          c => `     don't copy: ${c.text} [because ${c.explanation}]`,
        ),
      ];
    });

  const warningLines = result.antipatterns.flatMap(warning => [
    `  [${warning.severity}] ${warning.title}`,
    `     evidence: ${warning.explanation}`,
    `     remedy: ${warning.remedy}`,
    ...(warning.remedyPatterns.length > 0
      ? [`     patterns: ${warning.remedyPatterns.map(p => p.name).join(', ')}`]
      : []),
    `     lesson: ${warning.lesson.title}`,
  ]);

  const lessonLines = result.lessons.map(
    lesson => `  - ${lesson.title}: ${lesson.reason} [${lesson.explanation}]`,
  );
  const patternLines = result.patterns.map(
    pattern =>
      `  - ${pattern.name} (${pattern.adoption}): ${pattern.reason} [${pattern.explanation}]`,
  );
  const applicable = checklist.items.filter(item => item.applies);
  const checklistLines = applicable.map(
    item =>
      `  [${item.automatic.satisfied ? 'x' : ' '}] ${item.title} (${
        item.category
      }, weight ${item.weight})${
        item.automatic.satisfied ? ' - shown by the catalog' : ''
      }`,
  );
  const scoreLines = [
    `  ${score.score}/100, ${
      score.level === 'none' ? 'no level yet' : score.level
    }${
      score.next
        ? `; ${score.next.pointsNeeded} points to ${score.next.level}`
        : ''
    }`,
    `  checklist completion ${score.completion} (automatic evidence only; statuses are kept by the backend)`,
    ...score.penalties.map(
      penalty =>
        `  -${penalty.points} ${penalty.severity} warning: ${penalty.title}`,
    ),
  ];
  const tellUsMoreLines = result.tellUsMore.map(
    missing =>
      `  ${missing.yaml}    # ${
        missing.state === 'confirm' ? 'confirm: ' : ''
      }${missing.why}`,
  );

  return [
    `${serviceProfile.entityRef}  (knowledge ${result.knowledgeVersion})`,
    ...section('Profile', profileLines),
    ...section('Facts', factLines),
    ...section('Conflicts (the stronger source won)', conflictLines),
    ...section('Ignored values', rejectedLines),
    ...section('Score', scoreLines),
    ...section('Companies like this service', companyLines),
    ...section('Warnings', warningLines.length > 0 ? warningLines : ['  none']),
    ...section('Lessons that apply', lessonLines),
    ...section('Patterns that apply', patternLines),
    ...section(
      `Checklist: ${applicable.length} of ${checklist.items.length} items apply`,
      checklistLines,
    ),
    ...section(
      'Tell us more (add under metadata.annotations)',
      tellUsMoreLines,
    ),
    '',
  ].join('\n');
}
