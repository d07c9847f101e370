'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { isNavRole, isUnder, NAV_LINKS, navRole, ROLE_LABELS, type NavRole } from '@/lib/navigation/siteNavigation';
import type { DemoAccount } from '@/lib/wallet/demoAccounts';

const roleStorageKey = (account: string | undefined) => `ownchart.navRole.${account?.toLowerCase() ?? 'none'}`;

/**
 * The role this account last used in this browser; read after mount so the server's and the
 * first client render agree, and again whenever the account changes.
 */
function useChosenRole(account: string | undefined): [NavRole | null, (role: NavRole) => void] {
  const [chosen, setChosen] = useState<NavRole | null>(null);
  useEffect(() => {
    const stored = window.localStorage.getItem(roleStorageKey(account));
    setChosen(isNavRole(stored) ? stored : null);
  }, [account]);
  const choose = useCallback(
    (role: NavRole) => {
      window.localStorage.setItem(roleStorageKey(account), role);
      setChosen(role);
    },
    [account],
  );
  return [chosen, choose];
}

export type SiteHeaderFrameProps = {
  /** The connected account, when known. */
  address?: string;
  /** Its demo identity (local chain only). */
  demo?: DemoAccount;
  /** The wallet button; space is kept for it while it is not there yet. */
  wallet?: ReactNode;
};

/**
 * Site name, the connected account's name where the app knows it, navigation for what this person
 * does (patient, caregiver, clinician, researcher, responder) with a switch between them, and the
 * wallet button. On a phone the navigation folds behind a Menu button. Knows nothing of wallets:
 * SiteHeader fills it in, and the landing page renders it before its wallet code arrives.
 */
export function SiteHeaderFrame({ address, demo, wallet }: SiteHeaderFrameProps) {
  const pathname = usePathname();
  const router = useRouter();
  const [chosen, choose] = useChosenRole(address);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  const roleId = useId();
  const role = navRole({ pathname, chosen, demoRole: demo?.role ?? null });

  // A page reached from the menu closes it. Only a role chosen in the switch is remembered: a
  // patient who once opened a clinician's page keeps their own pages.
  useEffect(() => setMenuOpen(false), [pathname]);

  return (
    <header className="border-b border-slate-300 bg-white">
      {/* Every box keeps its place while the wallet button mounts (it renders nothing on the
          server): on a phone it has a row of its own, reserved, so nothing below shifts. */}
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-3 p-4">
        <Link href="/" className="mr-auto text-2xl font-bold text-slate-900 no-underline">
          OwnChart
        </Link>
        {demo && (
          <p className="hidden text-sm text-slate-800 md:block">
            <span className="sr-only">Signed in as </span>
            {demo.name}
          </p>
        )}
        <div className="order-3 flex min-h-11 w-full items-center md:order-none md:w-auto">{wallet}</div>
        <button
          type="button"
          className="btn-secondary md:hidden"
          aria-expanded={menuOpen}
          aria-controls={menuId}
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
        <nav
          id={menuId}
          aria-label="Main"
          className={`${menuOpen ? 'flex' : 'hidden'} order-4 w-full flex-col gap-3 md:flex md:flex-row md:flex-wrap md:items-center md:justify-between`}
        >
          <ul className="flex flex-col gap-1 md:flex-row md:flex-wrap md:gap-x-5">
            {NAV_LINKS[role].map((link) => {
              const current =
                isUnder(pathname, link.href) &&
                !NAV_LINKS[role].some((other) => other.href.length > link.href.length && isUnder(pathname, other.href));
              return (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    aria-current={current ? 'page' : undefined}
                    className={`inline-block py-1.5 ${current ? 'font-bold' : ''}`}
                  >
                    {link.label}
                  </Link>
                </li>
              );
            })}
          </ul>
          {demo && <p className="text-sm text-slate-800 md:hidden">Signed in as {demo.name}</p>}
          {/* Choosing in the list changes nothing until Switch: arrowing through it must not navigate. */}
          {/* Keyed by the role shown, so the list starts from it again whenever it changes. */}
          <form
            key={role}
            className="flex flex-wrap items-center gap-2 text-sm"
            onSubmit={(event) => {
              event.preventDefault();
              const next = new FormData(event.currentTarget).get('role');
              if (!isNavRole(next)) return;
              choose(next);
              router.push(NAV_LINKS[next][0]!.href);
            }}
          >
            <label htmlFor={roleId}>Using OwnChart as</label>
            <select id={roleId} name="role" className="input py-1" defaultValue={role}>
              {(Object.keys(ROLE_LABELS) as NavRole[]).map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
            <button type="submit" className="btn-secondary py-1">
              Switch
            </button>
          </form>
        </nav>
      </div>
    </header>
  );
}
