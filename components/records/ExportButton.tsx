'use client';

import type { Resource } from '@medplum/fhirtypes';
import { toExportBundle } from '@/lib/fhir/toExportBundle';

/** Downloads every readable record as one FHIR R4 Bundle, assembled in the browser. */
export function ExportButton({ resources }: { resources: Resource[] }) {
  function download() {
    const blob = new Blob([JSON.stringify(toExportBundle(resources), null, 2)], { type: 'application/fhir+json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `ownchart-export-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    URL.revokeObjectURL(url);
  }
  return (
    <button type="button" className="btn-secondary" disabled={resources.length === 0} onClick={download}>
      Export as FHIR Bundle
    </button>
  );
}
