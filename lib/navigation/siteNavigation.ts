import type { DemoRole } from '../wallet/demoAccounts';

/** Who is using OwnChart: each sees the pages for what they do. */
export type NavRole = 'patient' | 'caregiver' | 'clinician' | 'researcher' | 'responder';

export type NavLink = { href: string; label: string };

export const ROLE_LABELS: Record<NavRole, string> = {
  patient: 'Patient',
  caregiver: 'Caregiver',
  clinician: 'Clinician',
  researcher: 'Researcher',
  responder: 'Emergency responder',
};

export const NAV_LINKS: Record<NavRole, readonly NavLink[]> = {
  patient: [
    { href: '/records', label: 'My records' },
    { href: '/access', label: 'My records access' },
    { href: '/disclosures', label: 'Who read my records' },
    { href: '/studies', label: 'Research studies' },
    { href: '/emergency', label: 'Emergency access' },
    { href: '/caring', label: 'Caregiving' },
  ],
  caregiver: [{ href: '/caring', label: 'People I care for' }],
  clinician: [{ href: '/patients', label: 'My patients' }],
  researcher: [{ href: '/research', label: 'Research console' }],
  responder: [{ href: '/emergency/respond', label: 'Emergency responder' }],
};

const ROLES = Object.keys(NAV_LINKS) as NavRole[];

/** Whether `pathname` is `href` or a page under it ("/patients/0x…" is under "/patients"). */
export function isUnder(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The role whose pages `pathname` belongs to, by the most specific link ("/emergency/respond" is
 * the responder's, "/emergency" the patient's); null on pages for everyone (home, walkthrough).
 * "/caring" is both the patient's appointments and the caregiver's list: it stays with whoever
 * is already using it.
 */
export function roleForPath(pathname: string, current: NavRole): NavRole | null {
  let best: { role: NavRole; length: number } | null = null;
  for (const role of ROLES) {
    for (const link of NAV_LINKS[role]) {
      if (!isUnder(pathname, link.href)) continue;
      const better = !best || link.href.length > best.length || (link.href.length === best.length && role === current);
      if (better) best = { role, length: link.href.length };
    }
  }
  return best?.role ?? null;
}

const DEMO_ROLES: Partial<Record<DemoRole, NavRole>> = {
  Patient: 'patient',
  Caregiver: 'caregiver',
  Clinician: 'clinician',
  Researcher: 'researcher',
  Responder: 'responder',
};

/** The role to show first: the page's, else the one last chosen, else a demo account's, else patient. */
export function navRole({
  pathname,
  chosen,
  demoRole,
}: {
  pathname: string;
  chosen: NavRole | null;
  demoRole: DemoRole | null;
}): NavRole {
  const fallback = chosen ?? (demoRole && DEMO_ROLES[demoRole]) ?? 'patient';
  return roleForPath(pathname, fallback) ?? fallback;
}

export function isNavRole(value: unknown): value is NavRole {
  return typeof value === 'string' && Object.hasOwn(NAV_LINKS, value);
}
