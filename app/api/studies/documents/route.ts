import { studyHandlers } from '../../_lib/serverDeps';

export function POST(request: Request) {
  return studyHandlers().putDocument(request);
}
