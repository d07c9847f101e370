import { disclosureHandlersFor } from '../../_lib/serverDeps';

export function POST(request: Request) {
  return disclosureHandlersFor().anchorNow(request);
}
