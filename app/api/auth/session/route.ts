import { authHandlers } from '../../_lib/serverDeps';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return authHandlers().session(request);
}

export function DELETE(request: Request) {
  return authHandlers().signOut(request);
}
