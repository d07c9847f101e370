import { studyHandlers } from '../../_lib/serverDeps';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ hash: string }> }) {
  return studyHandlers().downloadContribution(request, (await params).hash);
}
