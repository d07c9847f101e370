import type { OperationOutcome } from '@medplum/fhirtypes';
import { OwnChartError } from '../errors/OwnChartError';

export type FhirImportErrorCode = 'too-large' | 'invalid-json' | 'not-fhir' | 'not-bundle' | 'not-r4' | 'empty';

const ISSUE_CODE: Record<FhirImportErrorCode, 'too-long' | 'structure' | 'invalid' | 'not-supported' | 'required'> = {
  'too-large': 'too-long',
  'invalid-json': 'structure',
  'not-fhir': 'invalid',
  'not-bundle': 'not-supported',
  'not-r4': 'not-supported',
  empty: 'required',
};

/**
 * A file that cannot be imported, with a sentence for the patient and the equivalent FHIR
 * OperationOutcome for anything that speaks FHIR.
 */
export class FhirImportError extends OwnChartError {
  override name = 'FhirImportError';
  readonly code: FhirImportErrorCode;
  readonly outcome: OperationOutcome;

  constructor(code: FhirImportErrorCode, shortMessage: string, details?: string) {
    super(shortMessage, { details });
    this.code = code;
    this.outcome = {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: ISSUE_CODE[code], details: { text: shortMessage }, diagnostics: details }],
    };
  }
}
