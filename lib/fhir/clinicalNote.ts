import type { DocumentReference } from '@medplum/fhirtypes';
import { base64 } from '@scure/base';
import type { Address } from 'viem';
import { OwnChartError } from '../errors/OwnChartError';

export const MAX_NOTE_CHARACTERS = 10_000;

/** LOINC 11506-3 "Progress note": what a clinician's free-text note is. */
const PROGRESS_NOTE = { system: 'http://loinc.org', code: '11506-3', display: 'Progress note' };

/**
 * A free-text note as a FHIR DocumentReference with the text as a plain-text attachment. The
 * author is named by account (eip155 CAIP-10), the same identity the chain records as author.
 */
export function makeClinicalNote({
  title,
  text,
  author,
  chainId,
  now = new Date(),
}: {
  title: string;
  text: string;
  author: Address;
  chainId: number;
  now?: Date;
}): DocumentReference {
  const cleanTitle = title.trim();
  const cleanText = text.trim();
  if (!cleanText) throw new OwnChartError('Write the note before saving it.');
  if (cleanText.length > MAX_NOTE_CHARACTERS) {
    throw new OwnChartError(`A note can be at most ${MAX_NOTE_CHARACTERS.toLocaleString('en-US')} characters.`);
  }
  return {
    resourceType: 'DocumentReference',
    id: crypto.randomUUID(),
    status: 'current',
    type: { coding: [PROGRESS_NOTE], text: 'Note' },
    date: now.toISOString(),
    description: cleanTitle || 'Note',
    author: [{ identifier: { system: 'urn:ietf:rfc:3986', value: `eip155:${chainId}:${author}` } }],
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          data: base64.encode(new TextEncoder().encode(cleanText)),
          title: cleanTitle || 'Note',
        },
      },
    ],
  };
}

/** The plain text carried in a DocumentReference's first text attachment, if any. */
export function noteText(document: DocumentReference): string | null {
  const attachment = document.content?.find((c) => c.attachment?.contentType?.startsWith('text/plain'))?.attachment;
  if (!attachment?.data) return null;
  try {
    return new TextDecoder().decode(base64.decode(attachment.data));
  } catch {
    return null;
  }
}
