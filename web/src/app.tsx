/**
 * Which page to show: public pages (setup, sign-in, invitation) for visitors, the second factor
 * before anything else when it is owed, then the pages the user's abilities allow.
 */
import { useEffect, type ReactNode } from "react";
import type { Permission } from "./api/types.ts";
import { Layout } from "./components/layout.tsx";
import { EmptyState, PageHeading } from "./components/status.tsx";
import { AcceptInvitationPage } from "./pages/accept-invitation.tsx";
import { AcknowledgmentsPage } from "./pages/acknowledgments.tsx";
import { AuditPage } from "./pages/audit.tsx";
import { ChangesPage } from "./pages/changes.tsx";
import { ChangeDetailPage } from "./pages/changes-detail.tsx";
import { CalendarPage } from "./pages/calendar.tsx";
import { DashboardPage } from "./pages/dashboard.tsx";
import { CommitmentWorkPage } from "./pages/dashboard-commitment.tsx";
import { InboxPage } from "./pages/inbox.tsx";
import { WorkPage } from "./pages/inbox-work.tsx";
import { MembersPage } from "./pages/members.tsx";
import { MfaPage } from "./pages/mfa.tsx";
import { PeoplePage } from "./pages/people.tsx";
import { AccessPage } from "./pages/people-access.tsx";
import { PersonPage } from "./pages/people-detail.tsx";
import { SanctionsPage } from "./pages/people-sanctions.tsx";
import { TrainingPage } from "./pages/people-training.tsx";
import { PoliciesPage } from "./pages/policies.tsx";
import { PoliciesAsOfPage } from "./pages/policies-as-of.tsx";
import { PolicyAsOfPage } from "./pages/policies-as-of-policy.tsx";
import { PolicyPage } from "./pages/policy.tsx";
import { ProfilePage } from "./pages/profile.tsx";
import { SetupPage } from "./pages/setup.tsx";
import { SignInPage } from "./pages/sign-in.tsx";
import { Link, navigate, useLocation } from "./router.tsx";
import { useSession } from "./session.tsx";

function Redirect({ to }: { to: string }): ReactNode {
  useEffect(() => {
    navigate(to, { replace: true });
  }, [to]);
  return null;
}

const withNext = (to: string, from: string) =>
  from === "/" || from === "" ? to : `${to}?next=${encodeURIComponent(from)}`;

/** Pages of the signed-in app with the permission each needs. */
const pages: { path: string; needs: Permission; render: () => ReactNode }[] = [
  { path: "/policies", needs: "policies:read", render: () => <PoliciesPage /> },
  { path: "/acknowledgments", needs: "acknowledgments:read", render: () => <AcknowledgmentsPage /> },
  { path: "/members", needs: "members:read", render: () => <MembersPage /> },
  { path: "/profile", needs: "profile:read", render: () => <ProfilePage /> },
  { path: "/audit", needs: "audit:read", render: () => <AuditPage /> },
  { path: "/dashboard", needs: "obligations:read", render: () => <DashboardPage /> },
  { path: "/people", needs: "workforce:read", render: () => <PeoplePage /> },
  { path: "/training", needs: "workforce:read", render: () => <TrainingPage /> },
  { path: "/access", needs: "workforce:read", render: () => <AccessPage /> },
  { path: "/sanctions", needs: "sanctions:manage", render: () => <SanctionsPage /> },
  { path: "/changes", needs: "profile:read", render: () => <ChangesPage /> },
  { path: "/as-of", needs: "policies:read", render: () => <PoliciesAsOfPage /> },
];

function SignedOut({ setupNeeded }: { setupNeeded: boolean }): ReactNode {
  const { pathname, search } = useLocation();
  if (pathname === "/accept-invitation") return <AcceptInvitationPage />;
  if (setupNeeded) return pathname === "/setup" ? <SetupPage /> : <Redirect to="/setup" />;
  if (pathname === "/sign-in") return <SignInPage />;
  return <Redirect to={withNext("/sign-in", pathname + (search.size > 0 ? `?${search.toString()}` : ""))} />;
}

function SignedIn(): ReactNode {
  const { state, can } = useSession();
  const { pathname } = useLocation();
  if (state.status !== "signed-in") return null;
  const { mfa } = state.session;
  if (pathname === "/mfa") return <MfaPage />;
  if (mfa.required && !mfa.verified) return <Redirect to={withNext("/mfa", pathname)} />;
  if (pathname === "/accept-invitation") return <AcceptInvitationPage />;
  if (pathname === "/" || pathname === "/sign-in" || pathname === "/setup")
    return <Redirect to="/policies" />;
  const policy = /^\/policies\/([^/]+)$/.exec(pathname);
  if (policy && can("policies:read")) return <PolicyPage policyId={decodeURIComponent(policy[1]!)} />;
  // Work pages: every member has work of their own; the server decides what each may see.
  if (pathname === "/inbox") return <InboxPage />;
  if (pathname === "/calendar") return <CalendarPage />;
  const work = /^\/work\/([^/]+)$/.exec(pathname);
  if (work) return <WorkPage key={work[1]} occurrenceId={decodeURIComponent(work[1]!)} />;
  const commitment = /^\/dashboard\/commitments\/([^/]+)$/.exec(pathname);
  if (commitment && can("obligations:read"))
    return <CommitmentWorkPage commitmentId={decodeURIComponent(commitment[1]!)} />;
  const person = /^\/people\/([^/]+)$/.exec(pathname);
  if (person && can("workforce:read")) return <PersonPage personId={decodeURIComponent(person[1]!)} />;
  const change = /^\/changes\/([^/]+)$/.exec(pathname);
  if (change && can("profile:read"))
    return <ChangeDetailPage key={change[1]} changeId={decodeURIComponent(change[1]!)} />;
  const asOf = /^\/as-of\/([^/]+)$/.exec(pathname);
  if (asOf && can("policies:read")) return <PolicyAsOfPage policyId={decodeURIComponent(asOf[1]!)} />;
  const page = pages.find((candidate) => candidate.path === pathname);
  if (page && can(page.needs)) return page.render();
  return (
    <>
      <PageHeading title={page ? "Not available to your role" : "Page not found"} />
      <EmptyState title={page ? "Your role does not include this page" : "There is no page at this address"}>
        <p>
          {page
            ? "Ask an owner or an officer if you need it. "
            : "Check the address, or use the navigation above. "}
          <Link to="/policies">Go to the policies</Link>.
        </p>
      </EmptyState>
    </>
  );
}

export function App(): ReactNode {
  const session = useSession();
  const { state } = session;
  return (
    <Layout
      session={state.status === "signed-in" ? state.session : null}
      onSignOut={() => void session.signOut()}
    >
      {state.status === "loading" ? (
        <p className="loading" role="status">
          Loading…
        </p>
      ) : state.status === "signed-out" ? (
        <SignedOut setupNeeded={state.setupNeeded} />
      ) : (
        <SignedIn />
      )}
    </Layout>
  );
}
