import { authHandlers } from '../../_lib/serverDeps';

export function POST(request: Request) {
  return authHandlers().verify(request);
}
