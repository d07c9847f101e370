'use client';

import Link from 'next/link';
import { useId, useState, type DragEvent } from 'react';
import type { Address } from 'viem';
import { useRecordWriter } from '@/components/hooks/useRecordWriter';
import { CATEGORIES } from '@/lib/categories';
import { UserRejectedError, type OwnChartError } from '@/lib/errors/OwnChartError';
import { toOwnChartError } from '@/lib/errors/toOwnChartError';
import { categorizeResource } from '@/lib/fhir/categorizeResource';
import { resourceTypeLabel } from '@/lib/fhir/describeResource';
import { checkImportSize, MAX_IMPORT_BYTES, parseBundle, type ParsedBundle } from '@/lib/fhir/parseBundle';
import { summarizeResources } from '@/lib/fhir/summarizeResources';
import type { ImportProgress, ImportResult } from '@/lib/vault/importRecords';
import type { SealingKeys } from '@/lib/vault/sealingKeys';

type Selected = { fileName: string; bundle: ParsedBundle };

type Stage =
  | { state: 'choosing' }
  | { state: 'importing'; progress: ImportProgress | null }
  | { state: 'done'; result: ImportResult }
  | { state: 'failed'; error: OwnChartError; progress: ImportProgress | null };

const PHASE: Record<ImportProgress['phase'], string> = {
  sealing: 'Encrypting',
  uploading: 'Uploading',
  anchoring: 'Recording on the blockchain (confirm in your wallet)',
  done: 'Done',
};

/** Uploads while uploading (an import counts as stored only once anchored), else what is stored. */
const progressCount = (p: ImportProgress) => (p.phase === 'uploading' ? p.uploaded : p.anchored);

/**
 * Import of a FHIR Bundle: pick or drop a file, see what it holds, then encrypt, upload and anchor
 * it (one on-chain root per import) with progress. Same content is never stored twice, so after a failure "Retry"
 * finishes the job without duplicates.
 */
export function ImportRecords({
  patient,
  storedFingerprints,
  sealingKeys,
}: {
  patient: Address;
  /** Fingerprints of what the patient already holds (from their decrypted records). */
  storedFingerprints: () => Promise<ReadonlySet<string>>;
  sealingKeys: () => Promise<SealingKeys>;
}) {
  const write = useRecordWriter(patient);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [fileError, setFileError] = useState<OwnChartError | null>(null);
  const [stage, setStage] = useState<Stage>({ state: 'choosing' });
  const [dragging, setDragging] = useState(false);
  const id = useId();

  async function choose(file: File | undefined) {
    if (!file) return;
    setStage({ state: 'choosing' });
    setSelected(null);
    setFileError(null);
    try {
      // Before reading it: a huge file would freeze the tab.
      checkImportSize(file.size);
      setSelected({ fileName: file.name, bundle: parseBundle(await file.text()) });
    } catch (error) {
      setFileError(toOwnChartError(error));
    }
  }

  async function run() {
    if (!selected) return;
    let progress: ImportProgress | null = null;
    setStage({ state: 'importing', progress });
    try {
      const items = selected.bundle.resources.map((resource) => ({
        resource,
        category: CATEGORIES.find((c) => c.key === categorizeResource(resource))!.bit,
      }));
      const result = await write(items, {
        sealingKeys: await sealingKeys(),
        alreadyStored: await storedFingerprints(),
        onProgress: (p) => {
          progress = p;
          setStage({ state: 'importing', progress: p });
        },
      });
      setStage({ state: 'done', result });
    } catch (error) {
      setStage({ state: 'failed', error: toOwnChartError(error), progress });
    }
  }

  const preview = selected ? summarizeResources(selected.bundle.resources) : null;
  const busy = stage.state === 'importing';
  const progress = stage.state === 'importing' || stage.state === 'failed' ? stage.progress : null;

  return (
    <div className="space-y-6">
      <section aria-labelledby={`${id}-choose`} className="card space-y-3">
        <h2 id={`${id}-choose`} className="text-xl font-semibold">
          Choose a file
        </h2>
        <p>
          A FHIR R4 Bundle in JSON, such as a patient-portal export or Synthea output (up to{' '}
          {MAX_IMPORT_BYTES / 1024 / 1024} MB). Nothing is stored until you confirm.
        </p>
        <div
          onDragOver={(e: DragEvent) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e: DragEvent) => {
            e.preventDefault();
            setDragging(false);
            void choose(e.dataTransfer.files[0]);
          }}
          data-testid="import-drop-zone"
          className={`rounded-lg border-2 border-dashed p-6 text-center focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-blue-800 ${dragging ? 'border-blue-800 bg-blue-50' : 'border-slate-400'}`}
        >
          <p className="mb-2">Drop the file here, or</p>
          <label htmlFor={`${id}-file`} className="btn-secondary inline-block cursor-pointer">
            Choose FHIR file
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".json,application/json,application/fhir+json"
            className="sr-only"
            disabled={busy}
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        </div>
        {fileError && (
          <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-950">
            <p>
              <strong>This file cannot be imported. </strong>
              {fileError.shortMessage}
            </p>
            {fileError.details && <p className="text-sm">{fileError.details}</p>}
          </div>
        )}
      </section>

      {selected && preview && (
        <section aria-labelledby={`${id}-preview`} className="card space-y-3">
          <h2 id={`${id}-preview`} className="text-xl font-semibold">
            What {selected.fileName} holds
          </h2>
          <p>
            {preview.total.toLocaleString('en-US')} resources in a {selected.bundle.type} bundle.
          </p>
          <table className="w-full text-left">
            <caption className="sr-only">Resources by category</caption>
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Resources</th>
              </tr>
            </thead>
            <tbody>
              {preview.byCategory.map(([key, count]) => (
                <tr key={key}>
                  <td>{CATEGORIES.find((c) => c.key === key)!.label}</td>
                  <td>{count.toLocaleString('en-US')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <details>
            <summary className="cursor-pointer">By kind of resource</summary>
            <ul className="mt-2 columns-2">
              {preview.byType.map(([type, count]) => (
                <li key={type}>
                  {resourceTypeLabel(type)}: {count.toLocaleString('en-US')}
                </li>
              ))}
            </ul>
          </details>
          <button type="button" className="btn-primary" disabled={busy} onClick={run}>
            {stage.state === 'failed'
              ? 'Retry import'
              : `Encrypt and store ${preview.total.toLocaleString('en-US')} records`}
          </button>
        </section>
      )}

      <div role="status" aria-live="polite" className="space-y-2">
        {progress && progress.total > 0 && (
          <>
            <label htmlFor={`${id}-progress`} className="block font-medium">
              {PHASE[progress.phase]}: {progressCount(progress).toLocaleString('en-US')} of{' '}
              {progress.total.toLocaleString('en-US')} records {progress.phase === 'uploading' ? 'uploaded' : 'stored'}
            </label>
            <progress id={`${id}-progress`} className="w-full" max={progress.total} value={progressCount(progress)} />
          </>
        )}
        {stage.state === 'done' && (
          <p className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-emerald-950">
            <span aria-hidden="true">✓ </span>
            {stage.result.stored === 0
              ? 'Nothing new to store: every record in this file is already in your records.'
              : `Stored ${stage.result.stored.toLocaleString('en-US')} records.`}
            {stage.result.duplicates > 0 &&
              ` ${stage.result.duplicates.toLocaleString('en-US')} already stored, not stored again.`}{' '}
            <Link href="/records">See my records</Link>
          </p>
        )}
      </div>
      {stage.state === 'failed' && (
        <div
          role={stage.error instanceof UserRejectedError ? undefined : 'alert'}
          className="rounded-md border border-red-300 bg-red-50 p-3 text-red-950"
        >
          <p>
            <strong>The import stopped. </strong>
            {stage.error.shortMessage}
          </p>
          <p>
            {(stage.progress?.anchored ?? 0) === 0
              ? 'Nothing from this file was stored: records count only once the whole import is anchored on-chain.'
              : `${stage.progress!.anchored.toLocaleString('en-US')} records were stored completely; nothing else was recorded.`}{' '}
            Retry to finish: records already stored are skipped.
          </p>
        </div>
      )}
    </div>
  );
}
