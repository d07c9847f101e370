import { blobHandlers } from '../../_lib/serverDeps';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ hash: string }> }) {
  return blobHandlers().download(request, (await params).hash);
}
