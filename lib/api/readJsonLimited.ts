import { readLimited } from './readLimited';

export type JsonBody<T> = { ok: true; value: T } | { ok: false; status: 400 | 413 };

/** Parses a JSON request body of at most `maxBytes`. */
export async function readJsonLimited<T>(request: Request, maxBytes: number): Promise<JsonBody<T>> {
  const bytes = await readLimited(request, maxBytes);
  if (!bytes) return { ok: false, status: 413 };
  try {
    return { ok: true, value: JSON.parse(new TextDecoder().decode(bytes)) as T };
  } catch {
    return { ok: false, status: 400 };
  }
}
