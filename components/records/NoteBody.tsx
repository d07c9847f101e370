'use client';

import { useEffect, useId, useState } from 'react';
import type { NoteContent } from '@/lib/fhir/clinicalNote';
import { noteWords } from '@/lib/fhir/noteWords';

/** Longer than this and a note opens collapsed to its first lines. */
const COLLAPSE_AFTER_CHARACTERS = 280;
const COLLAPSE_AFTER_LINES = 4;

function isLong(note: NoteContent): boolean {
  const words = noteWords(note).trim();
  return words.length > COLLAPSE_AFTER_CHARACTERS || words.split('\n').length > COLLAPSE_AFTER_LINES;
}

/**
 * Markdown or XHTML as sanitised HTML. The renderer and DOMPurify are loaded only when such a
 * note is shown; until then, and if they fail to load, the note is shown as its plain source
 * rather than not at all.
 */
function useSafeHtml(note: NoteContent): string | null {
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    if (note.format === 'plain') return;
    let cancelled = false;
    void Promise.all([import('dompurify'), import('@/lib/fhir/noteHtml')]).then(([purify, { noteHtml }]) => {
      // An instance of its own, so the note's hook never touches another user of DOMPurify.
      if (!cancelled) setHtml(noteHtml(note, purify.default(window)));
    });
    return () => {
      cancelled = true;
    };
  }, [note]);
  return html;
}

/** A note's text, formatted safely, collapsed to its first lines with "Show more" when long. */
export function NoteBody({ note, label }: { note: NoteContent; label: string }) {
  const id = useId();
  const long = isLong(note);
  const [expanded, setExpanded] = useState(false);
  const html = useSafeHtml(note);
  const collapsed = long && !expanded;
  return (
    <div className="space-y-1">
      <div
        id={id}
        className={`note-body text-slate-800 ${html === null ? 'whitespace-pre-line' : ''} ${collapsed ? 'max-h-28 overflow-hidden' : ''}`}
        // Sanitised by DOMPurify to text structure only (lib/fhir/noteHtml.ts); never the raw note.
        {...(html === null ? { children: note.text } : { dangerouslySetInnerHTML: { __html: html } })}
      />
      {long && (
        <button
          type="button"
          className="btn-secondary"
          aria-expanded={expanded}
          aria-controls={id}
          aria-label={`${expanded ? 'Show less' : 'Show more'} of ${label}`}
          onClick={() => setExpanded((open) => !open)}
        >
          {expanded ? 'Show less' : 'Show more'}
        </button>
      )}
    </div>
  );
}
