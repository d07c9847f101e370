import { blobHandlers } from '../../_lib/serverDeps';

export function POST(request: Request) {
  return blobHandlers().uploadManifest(request);
}
