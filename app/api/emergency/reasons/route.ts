import { emergencyHandlers } from '../../_lib/serverDeps';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return emergencyHandlers().list(request);
}

export function POST(request: Request) {
  return emergencyHandlers().reveal(request);
}
