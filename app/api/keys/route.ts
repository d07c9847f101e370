import { keyHandlers } from '../_lib/serverDeps';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return keyHandlers().list(request);
}

export function POST(request: Request) {
  return keyHandlers().store(request);
}
