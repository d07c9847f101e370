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

/** How a note's text is written: plain, markdown, or XHTML (an HTML attachment or a narrative). */
export type NoteFormat = 'plain' | 'markdown' | 'xhtml';

export type NoteContent = { format: NoteFormat; text: string };

/** Attachment types by how they are shown, richest first. */
const NOTE_TYPES: readonly (readonly [NoteFormat, RegExp])[] = [
  ['markdown', /^text\/markdown\b/i],
  ['xhtml', /^(text\/html|application\/xhtml\+xml)\b/i],
  ['plain', /^text\/plain\b/i],
];

/** The charset a content type declares ("text/plain; charset=iso-8859-1"), UTF-8 by default. */
function charsetOf(contentType: string): string {
  return /;\s*charset=([^;\s]+)/i.exec(contentType)?.[1]?.replace(/["']/g, '') ?? 'utf-8';
}

/** The attachment's text in its declared charset; `exact` is false if some bytes did not decode. */
function decodeText(data: string, contentType: string): { text: string; exact: boolean } | null {
  let bytes: Uint8Array;
  try {
    bytes = base64.decode(data);
  } catch {
    return null;
  }
  const charset = charsetOf(contentType);
  try {
    new TextDecoder(charset);
  } catch {
    // A label no browser knows: read it as UTF-8 and say the text may be off.
    return { text: new TextDecoder('utf-8').decode(bytes), exact: false };
  }
  try {
    return { text: new TextDecoder(charset, { fatal: true }).decode(bytes), exact: true };
  } catch {
    return { text: new TextDecoder(charset).decode(bytes), exact: false };
  }
}

/**
 * The text of a note: its richest readable attachment (markdown, then HTML or XHTML, then plain
 * text) in the charset it declares, else the resource's own narrative. Null when it carries no
 * text at all.
 */
export function noteContent(document: DocumentReference): NoteContent | null {
  const attachments = (document.content ?? []).map((c) => c.attachment).filter((a) => a?.data);
  // Text with bytes that did not decode is shown (with "�") only if nothing reads cleanly.
  let damaged: NoteContent | null = null;
  for (const [format, type] of NOTE_TYPES) {
    for (const attachment of attachments) {
      const contentType = attachment.contentType ?? '';
      if (!type.test(contentType)) continue;
      const decoded = decodeText(attachment.data!, contentType);
      if (!decoded?.text.trim()) continue;
      if (decoded.exact) return { format, text: decoded.text };
      damaged ??= { format: 'plain', text: decoded.text };
    }
  }
  if (document.text?.div) return { format: 'xhtml', text: document.text.div };
  return damaged;
}
