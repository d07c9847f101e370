'use client';

import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { Address } from 'viem';

/**
 * A printable card with the patient's address as text and as a QR code, for a wallet or phone
 * case: all a responder needs to find the record. It carries no health data.
 */
export function EmergencyCard({ patient }: { patient: Address }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    void QRCode.toString(patient, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(setSvg);
  }, [patient]);
  return (
    <section aria-labelledby="emergency-card-heading" className="card space-y-3">
      <h2 id="emergency-card-heading" className="text-xl font-semibold">
        Emergency card
      </h2>
      <p>Print this and keep it with you. It holds only your OwnChart address, no health information.</p>
      <figure className="inline-block rounded-md border-2 border-slate-900 p-4">
        {svg && (
          <div
            role="img"
            aria-label={`QR code of the address ${patient}`}
            className="h-40 w-40"
            // The SVG is generated locally from the address by the qrcode library.
            dangerouslySetInnerHTML={{ __html: svg }}
          />
        )}
        <figcaption className="mt-2 max-w-xs font-mono text-sm break-all">
          OwnChart emergency access: {patient}
        </figcaption>
      </figure>
      <div>
        <button type="button" className="btn-secondary" onClick={() => window.print()}>
          Print card
        </button>
      </div>
    </section>
  );
}
