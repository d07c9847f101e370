import type { NoteContent } from './clinicalNote';

/** The words of a note without its markup: for measuring and searching, never for display. */
export function noteWords(note: NoteContent): string {
  return note.format === 'xhtml' ? note.text.replace(/<[^>]*>/g, ' ') : note.text;
}
