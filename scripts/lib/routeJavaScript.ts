import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** First-load budgets (kB, gzipped), from issue 14: the landing page and the pages a patient opens most. */
export const JS_BUDGET_KB: Readonly<Record<string, number>> = { '/': 110, '/access': 250, '/records': 250 };

export type RouteJavaScript = { route: string; kilobytes: number };

/**
 * JavaScript a browser loads before a route is interactive, gzipped: its page's chunks and those
 * of every layout above it, each counted once. `next build` prints a "First Load JS" that leaves
 * out chunks only the root layout uses (the landing page read 109 kB while loading 346 kB), so
 * the budget is checked against this instead.
 */
export function routeJavaScript(distDir: string): RouteJavaScript[] | null {
  const manifestPath = path.join(distDir, 'app-build-manifest.json');
  if (!existsSync(manifestPath)) return null;
  const { pages } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { pages: Record<string, string[]> };
  const sizes = new Map<string, number>();
  const gzipped = (file: string) => {
    if (!sizes.has(file)) sizes.set(file, gzipSync(readFileSync(path.join(distDir, file)), { level: 9 }).length);
    return sizes.get(file)!;
  };
  return Object.keys(pages)
    .filter((entry) => entry.endsWith('/page') && !entry.startsWith('/_'))
    .map((entry) => {
      const segments = entry.split('/').slice(1, -1);
      const layouts = segments.map((_, i) => `/${segments.slice(0, i + 1).join('/')}/layout`);
      const files = new Set([...['/layout', ...layouts, entry].flatMap((e) => pages[e] ?? [])]);
      const bytes = [...files].filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gzipped(f), 0);
      const route = entry === '/page' ? '/' : entry.slice(0, -'/page'.length);
      // Route groups ("(app)") are folders, not part of the path.
      return { route: route.replace(/\/\([^)]+\)/g, '') || '/', kilobytes: Math.round(bytes / 102.4) / 10 };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}
