import type {
  AllergyIntolerance,
  CodeableConcept,
  Medication,
  Reference,
  DocumentReference,
  Condition,
  Immunization,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Resource,
} from '@medplum/fhirtypes';
import { absences, absenceStatement, type Absence, type AbsenceTopic } from './absenceStatements';
import { noteContent, type NoteContent } from './clinicalNote';
import { describeConcept } from './describeConcept';
import { isLabOrVital } from './isLabOrVital';
import { observationValue } from './observationValue';

/**
 * One line of the chart: what, a short detail, and when (ISO date or date-time, if known); a note
 * carries its text, shown formatted and collapsed.
 */
export type ChartRow = { id: string; title: string; detail: string | null; date: string | null; note?: NoteContent };

export type ChartSummary = {
  activeConditions: ChartRow[];
  currentMedications: ChartRow[];
  allergies: ChartRow[];
  immunizations: ChartRow[];
  /** Latest value of each lab or vital sign, newest first. */
  recentLabs: ChartRow[];
  /** Notes and documents, newest first, each with its text where it has one. */
  notes: ChartRow[];
  /** Why allergies, problems and medications may be empty: stated none, unavailable, or silent. */
  absence: Record<AbsenceTopic, Absence>;
};

const RECENT_LABS = 20;

/** A dose as the chart groups it: by the vaccine's code (its name where it has none). */
type Dose = ChartRow & { vaccine: string | null; counts: boolean };

/**
 * Doses of the same vaccine (same code) as one row, "11 doses", dated by the latest. A dose
 * recorded as not done or as sub-potent stays a row of its own, never counted as given, and so
 * does a dose whose vaccine has no code and no name.
 */
function groupDoses(rows: readonly Dose[]): ChartRow[] {
  const groups = new Map<string, ChartRow[]>();
  const single: ChartRow[] = [];
  for (const { vaccine, counts, ...row } of rows) {
    if (!counts || vaccine === null) single.push(row);
    else groups.set(vaccine, [...(groups.get(vaccine) ?? []), row]);
  }
  const grouped = [...groups.values()].map((doses) => {
    const latest = [...doses].sort(byDateDesc)[0]!;
    return { ...latest, detail: doses.length > 1 ? `${doses.length} doses` : latest.detail };
  });
  return [...grouped, ...single];
}

/** Newest first; the same day by title, so a chart never depends on the order records arrive in. */
function byDateDesc(a: ChartRow, b: ChartRow): number {
  return (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title);
}

function statusCode(concept: Condition['clinicalStatus']): string | undefined {
  return concept?.coding?.[0]?.code;
}

function rowId(resource: Resource, index: number): string {
  return `${resource.resourceType}/${resource.id ?? index}`;
}

/**
 * The readable chart of a set of FHIR resources: what a clinician scans first. Every list is
 * derived from the resources, nothing is invented; resources of other kinds are simply not in
 * the summary (they stay available as records).
 */
export function toChartSummary(resources: readonly Resource[]): ChartSummary {
  const summary: ChartSummary = {
    activeConditions: [],
    currentMedications: [],
    allergies: [],
    immunizations: [],
    recentLabs: [],
    notes: [],
    absence: absences(resources),
  };
  const latestLab = new Map<string, ChartRow>();
  const doses: Dose[] = [];
  /** Resource types with at least one record that is not an absence statement. */
  const present = new Set<string>();
  // Requests often name their drug by reference to a Medication resource in the same export.
  const medications = new Map<string, Medication>();
  for (const resource of resources) {
    if (resource.resourceType === 'Medication' && resource.id) {
      medications.set(`Medication/${resource.id}`, resource as Medication);
      medications.set(`urn:uuid:${resource.id}`, resource as Medication);
    }
  }
  const drugOf = (concept: CodeableConcept | undefined, reference: Reference | undefined) =>
    describeConcept(
      concept ??
        (reference?.reference ? medications.get(reference.reference)?.code : undefined) ??
        (reference?.display ? { text: reference.display } : undefined),
    );

  resources.forEach((resource, index) => {
    const id = rowId(resource, index);
    // "No known allergy" is a statement about the list, not an allergy: it is not a row.
    if (absenceStatement(resource)) return;
    present.add(resource.resourceType);
    switch (resource.resourceType) {
      case 'Condition': {
        const condition = resource as Condition;
        const status = statusCode(condition.clinicalStatus);
        if (status === undefined || ['active', 'recurrence', 'relapse'].includes(status)) {
          summary.activeConditions.push({
            id,
            title: describeConcept(condition.code),
            detail: status ?? null,
            date: condition.onsetDateTime ?? condition.recordedDate ?? null,
          });
        }
        break;
      }
      case 'MedicationRequest': {
        const request = resource as MedicationRequest;
        if (request.status === 'active') {
          summary.currentMedications.push({
            id,
            title: drugOf(request.medicationCodeableConcept, request.medicationReference),
            detail: request.dosageInstruction?.[0]?.text ?? null,
            date: request.authoredOn ?? null,
          });
        }
        break;
      }
      case 'MedicationStatement': {
        const statement = resource as MedicationStatement;
        if (statement.status === 'active' || statement.status === 'intended') {
          summary.currentMedications.push({
            id,
            title: drugOf(statement.medicationCodeableConcept, statement.medicationReference),
            detail: statement.dosage?.[0]?.text ?? null,
            date: statement.effectiveDateTime ?? statement.effectivePeriod?.start ?? null,
          });
        }
        break;
      }
      case 'AllergyIntolerance': {
        const allergy = resource as AllergyIntolerance;
        const status = statusCode(allergy.clinicalStatus);
        if (status !== 'inactive' && status !== 'resolved') {
          const reaction = allergy.reaction?.[0]?.manifestation?.[0];
          summary.allergies.push({
            id,
            title: describeConcept(allergy.code),
            detail:
              [allergy.criticality && `${allergy.criticality} criticality`, reaction && describeConcept(reaction)]
                .filter(Boolean)
                .join(' · ') || null,
            date: allergy.recordedDate ?? allergy.onsetDateTime ?? null,
          });
        }
        break;
      }
      case 'Immunization': {
        const immunization = resource as Immunization;
        if (immunization.status !== 'entered-in-error') {
          const coding = immunization.vaccineCode?.coding?.find((c) => c.code);
          const title = describeConcept(immunization.vaccineCode);
          const notDone = immunization.status === 'not-done';
          doses.push({
            id,
            title,
            detail: notDone ? 'not done' : immunization.isSubpotent ? 'sub-potent dose' : null,
            date: immunization.occurrenceDateTime ?? null,
            vaccine: coding ? `${coding.system ?? ''}|${coding.code}` : title === 'Unnamed' ? null : title,
            counts: !notDone && !immunization.isSubpotent,
          });
        }
        break;
      }
      case 'Observation': {
        const observation = resource as Observation;
        if (!isLabOrVital(observation)) break;
        const value = observationValue(observation);
        if (value === null) break;
        const title = describeConcept(observation.code);
        const row = { id, title, detail: value, date: observation.effectiveDateTime ?? observation.issued ?? null };
        const previous = latestLab.get(title);
        if (!previous || (row.date ?? '') > (previous.date ?? '')) latestLab.set(title, row);
        break;
      }
      case 'DocumentReference': {
        const document = resource as DocumentReference;
        if (document.status === 'entered-in-error') break;
        const note = noteContent(document);
        summary.notes.push({
          id,
          title: document.description ?? describeConcept(document.type),
          detail: null,
          date: document.date ?? null,
          ...(note && { note }),
        });
        break;
      }
    }
  });

  // Records that exist but are not current (resolved, stopped, inactive) make an empty list
  // "none current", never "nothing recorded".
  const hasRecords = (types: readonly string[]) => types.some((type) => present.has(type));
  const notCurrent = (topic: AbsenceTopic, rows: readonly ChartRow[], types: readonly string[]) => {
    if (rows.length === 0 && summary.absence[topic] === 'not-recorded' && hasRecords(types)) {
      summary.absence[topic] = 'none-current';
    }
  };
  notCurrent('problems', summary.activeConditions, ['Condition']);
  notCurrent('medications', summary.currentMedications, ['MedicationRequest', 'MedicationStatement']);
  notCurrent('allergies', summary.allergies, ['AllergyIntolerance']);

  summary.recentLabs = [...latestLab.values()].sort(byDateDesc).slice(0, RECENT_LABS);
  summary.immunizations = groupDoses(doses);
  for (const list of [
    summary.activeConditions,
    summary.currentMedications,
    summary.allergies,
    summary.immunizations,
    summary.notes,
  ]) {
    list.sort(byDateDesc);
  }
  return summary;
}
