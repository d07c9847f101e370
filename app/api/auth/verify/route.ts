import { authHandlers } from '../../_lib/serverDeps';

export function POST(request: Request) {
  return authHandlers(request).verify(request);
}
