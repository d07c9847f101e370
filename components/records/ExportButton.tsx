'use client';

import type { Resource } from '@medplum/fhirtypes';
import { downloadFile } from '@/components/ui/downloadFile';
import { toExportBundle } from '@/lib/fhir/toExportBundle';

/** Downloads every readable record as one FHIR R4 Bundle, assembled in the browser. */
export function ExportButton({ resources }: { resources: Resource[] }) {
  return (
    <button
      type="button"
      className="btn-secondary"
      disabled={resources.length === 0}
      onClick={() =>
        downloadFile(
          `ownchart-export-${new Date().toISOString().slice(0, 10)}.json`,
          JSON.stringify(toExportBundle(resources), null, 2),
          'application/fhir+json',
        )
      }
    >
      Export as FHIR Bundle
    </button>
  );
}
