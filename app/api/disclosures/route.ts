import { disclosureHandlersFor } from '../_lib/serverDeps';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return disclosureHandlersFor().list(request);
}
