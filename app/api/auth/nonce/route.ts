import { authHandlers } from '../../_lib/serverDeps';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return authHandlers().nonce(request);
}
