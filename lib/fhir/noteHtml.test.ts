// @vitest-environment jsdom
import type { Composition, DocumentReference } from '@medplum/fhirtypes';
import { base64 } from '@scure/base';
import createDOMPurify from 'dompurify';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { noteContent } from './clinicalNote';
import { noteHtml } from './noteHtml';
import { parseBundle } from './parseBundle';

const purify = createDOMPurify(window);

const document = (contentType: string, text: string): DocumentReference => ({
  resourceType: 'DocumentReference',
  status: 'current',
  content: [{ attachment: { contentType, data: base64.encode(new TextEncoder().encode(text)) } }],
});

const rendered = (html: string | null) => {
  const element = window.document.createElement('div');
  element.innerHTML = html ?? '';
  return element;
};

describe('noteHtml', () => {
  it('formats a markdown note: lists, emphasis, headings as bold lines', () => {
    const note = noteContent(document('text/markdown', '# Plan\n\n- **Metformin** 500 mg\n- review in *3 months*'))!;
    expect(note.format).toBe('markdown');
    const html = rendered(noteHtml(note, purify));
    expect(html.querySelectorAll('li')).toHaveLength(2);
    expect(html.querySelector('strong')?.textContent).toBe('Plan');
    expect(html.querySelector('h1')).toBeNull();
    expect(html.textContent).toContain('review in 3 months');
  });

  it('keeps the text of a real IPS narrative and drops nothing a reader needs', () => {
    const { resources } = parseBundle(readFileSync('fixtures/fhir/ips-document-minimal.json', 'utf8'));
    const composition = resources.find((r) => r.resourceType === 'Composition') as Composition;
    const div = composition.section![0]!.text!.div;
    const html = rendered(noteHtml({ format: 'xhtml', text: div }, purify));
    const source = rendered(div);
    expect(html.textContent!.replace(/\s+/g, ' ').trim()).toBe(source.textContent!.replace(/\s+/g, ' ').trim());
    expect(html.textContent!.trim().length).toBeGreaterThan(5);
  });

  it('removes scripts, event handlers, styles, images, forms and javascript links', () => {
    const attack = [
      '<p onclick="steal()">Dose <b style="color:red">10 mg</b></p>',
      '<script>steal()</script><img src="https://tracker.example/p.gif" onerror="steal()">',
      '<a href="javascript:steal()">click</a> <a href="https://example.org/leaflet">leaflet</a>',
      '<form action="https://phish.example"><input name="pin"></form><iframe src="https://x.example"></iframe>',
      '<svg><script>steal()</script></svg><div id="chartConfig">x</div>',
    ].join('');
    for (const format of ['xhtml', 'markdown'] as const) {
      const html = noteHtml({ format, text: attack }, purify)!;
      expect(html).not.toMatch(/script|onclick|onerror|style=|<img|<form|<input|<iframe|<svg|javascript:|id=/i);
      const element = rendered(html);
      expect(element.textContent).toContain('Dose 10 mg');
      const links = [...element.querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href'))).toEqual([null, 'https://example.org/leaflet']);
      expect(links[1]!.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('keeps XHTML headings as lines of their own, and strips attributes that hide or rename text', () => {
    const html = rendered(
      noteHtml(
        {
          format: 'xhtml',
          text: '<div><h3>Allergies</h3>Penicillin: anaphylaxis<h3 id="x">Plan</h3><span aria-hidden="true" data-x="1">Avoid penicillins</span> <a href="https://evil.example" aria-label="Your lab report">report</a></div>',
        },
        purify,
      ),
    );
    expect([...html.querySelectorAll('strong')].map((s) => s.textContent)).toEqual(['Allergies', 'Plan']);
    expect(html.innerHTML).not.toMatch(/aria-|data-|<h3|id=/);
    expect(html.textContent).toContain('Avoid penicillins');
  });

  it('never turns plain text into HTML', () => {
    const note = noteContent(document('text/plain', '<b>not bold</b>'))!;
    expect(note).toEqual({ format: 'plain', text: '<b>not bold</b>' });
    expect(noteHtml(note, purify)).toBeNull();
  });

  it('prefers a markdown copy over plain text, and ignores an attachment that is not UTF-8', () => {
    const both: DocumentReference = {
      resourceType: 'DocumentReference',
      status: 'current',
      content: [
        { attachment: { contentType: 'text/plain', data: base64.encode(new TextEncoder().encode('Plan')) } },
        { attachment: { contentType: 'text/markdown', data: base64.encode(new Uint8Array([0xff, 0xfe])) } },
      ],
    };
    expect(noteContent(both)).toEqual({ format: 'plain', text: 'Plan' });
  });

  it('reads a note in the charset it declares, and shows undecodable text rather than nothing', () => {
    const latin1 = (contentType: string): DocumentReference => ({
      resourceType: 'DocumentReference',
      status: 'current',
      // "Café au lait spots" in ISO-8859-1: é is the single byte 0xE9.
      content: [{ attachment: { contentType, data: base64.encode(new Uint8Array([0x43, 0x61, 0x66, 0xe9])) } }],
    });
    expect(noteContent(latin1('text/plain; charset=ISO-8859-1'))).toEqual({ format: 'plain', text: 'Café' });
    expect(noteContent(latin1('text/plain'))).toEqual({ format: 'plain', text: 'Caf\uFFFD' });
    expect(noteContent(latin1("text/plain; charset='x-unknown'"))).toEqual({ format: 'plain', text: 'Caf\uFFFD' });
  });
});
