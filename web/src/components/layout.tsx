/**
 * The page frame: a skip link, the header with the organization and the signed-in user, navigation
 * showing only what the user's abilities allow, the main landmark and a footer. Focus moves to the
 * main landmark after each navigation so keyboard and screen-reader users start at the new content.
 */
import { useEffect, useRef, type ReactNode } from "react";
import type { Permission, SessionView } from "../api/types.ts";
import { Link, useLocation } from "../router.tsx";
import { InboxBadge } from "./occurrence-badge.tsx";

interface NavItem {
  to: string;
  label: string;
  /** The permission the link needs; absent for pages every signed-in member has. */
  needs?: Permission;
}

const navItems: NavItem[] = [
  { to: "/inbox", label: "Inbox" },
  { to: "/calendar", label: "Calendar" },
  { to: "/dashboard", label: "Dashboard", needs: "obligations:read" },
  { to: "/policies", label: "Policies", needs: "policies:read" },
  { to: "/as-of", label: "Policies on a date", needs: "policies:read" },
  { to: "/changes", label: "Changes", needs: "profile:read" },
  { to: "/acknowledgments", label: "Acknowledgments", needs: "acknowledgments:read" },
  { to: "/members", label: "Members", needs: "members:read" },
  { to: "/people", label: "People", needs: "workforce:read" },
  { to: "/training", label: "Training", needs: "workforce:read" },
  { to: "/access", label: "Access", needs: "workforce:read" },
  { to: "/sanctions", label: "Sanctions", needs: "sanctions:manage" },
  { to: "/profile", label: "Profile", needs: "profile:read" },
  { to: "/audit", label: "Audit log", needs: "audit:read" },
];

/** "security-officer" -> "Security officer"; "hr" -> "HR". */
export const roleLabel = (role: string) =>
  role === "hr"
    ? "HR"
    : role
        .split("-")
        .map((word, index) => (index === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word))
        .join(" ");

export function Layout({
  session,
  onSignOut,
  children,
}: {
  session: SessionView | null;
  onSignOut?: () => void;
  children: ReactNode;
}): ReactNode {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);

  // Until an owed second factor is verified the session may do nothing, so no link shows.
  const usable = session !== null && !(session.mfa.required && !session.mfa.verified);
  const items = usable
    ? navItems.filter((item) => (item.needs ? session.abilities.includes(item.needs) : true))
    : [];
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="header">
        <div className="header__bar">
          <div className="header__inner">
            <Link to="/" className="header__brand">
              Steward
              {session ? <span className="header__org">{session.organization.name}</span> : null}
            </Link>
            {session ? (
              <div className="header__user">
                <span>
                  {session.user.displayName}
                  <span className="header__roles"> ({session.roles.map(roleLabel).join(", ")})</span>
                </span>
                <button type="button" className="button button--secondary button--small" onClick={onSignOut}>
                  Sign out
                </button>
              </div>
            ) : null}
          </div>
        </div>
        {items.length > 0 ? (
          <nav className="nav" aria-label="Main">
            <ul className="nav__list">
              {items.map((item) => {
                const current = pathname === item.to || pathname.startsWith(`${item.to}/`);
                return (
                  <li key={item.to}>
                    <Link
                      to={item.to}
                      className={current ? "nav__link nav__link--current" : "nav__link"}
                      aria-current={current ? "page" : undefined}
                    >
                      {item.label}
                      {item.to === "/inbox" ? <InboxBadge /> : null}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" className="main" tabIndex={-1} ref={main}>
        {children}
      </main>
      <footer className="footer">
        <p>Steward: HIPAA policies that run. Times are shown in your browser&apos;s time zone.</p>
      </footer>
    </>
  );
}
