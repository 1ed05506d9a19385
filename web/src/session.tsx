/**
 * The signed-in caller, shared by every page: who, which organization, what they may do, and the
 * CSRF token. A 401 from any later request means the session ended on the server (idle logoff):
 * the user is sent to the sign-in page with a message saying why.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { ApiError, setCsrfToken, setUnauthenticatedListener } from "./api/client.ts";
import { api } from "./api/endpoints.ts";
import type { Permission, SessionView } from "./api/types.ts";
import { navigate } from "./router.tsx";

export const idleNotice = "You were signed out after a period of inactivity. Sign in again to continue.";
// Survives a reload of the tab (not a new tab), so a reload after expiry still explains itself.
const hadSessionKey = "steward.hadSession";

export type SessionState =
  | { status: "loading" }
  | { status: "signed-out"; setupNeeded: boolean }
  | { status: "signed-in"; session: SessionView };

interface SessionApi {
  state: SessionState;
  /** Reads the session again (after sign-in, MFA, role changes). Resolves to the new state. */
  refresh: () => Promise<SessionState>;
  signOut: () => Promise<void>;
  can: (permission: Permission) => boolean;
}

const SessionContext = createContext<SessionApi | null>(null);

async function load(): Promise<SessionState> {
  try {
    const session = await api.session();
    setCsrfToken(session.csrfToken);
    sessionStorage.setItem(hadSessionKey, "1");
    return { status: "signed-in", session };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    setCsrfToken(null);
    const setup = await api.setupStatus().catch(() => ({ needed: false }));
    return { status: "signed-out", setupNeeded: setup.needed };
  }
}

/** The session ended on the server: sign in again, then come back to the page the user was on. */
function expired(): void {
  setCsrfToken(null);
  sessionStorage.removeItem(hadSessionKey);
  const here = window.location.pathname;
  // Several requests of one page may each answer 401: the first one has already moved the user.
  if (here === "/sign-in") return;
  const next = here === "/" ? "" : `?next=${encodeURIComponent(here)}`;
  navigate(`/sign-in${next}`, { notice: idleNotice, replace: true });
}

export function SessionProvider({ children }: { children: ReactNode }): ReactNode {
  const [state, setState] = useState<SessionState>({ status: "loading" });
  const [loadError, setLoadError] = useState<Error | null>(null);

  const refresh = useCallback(async () => {
    const next = await load();
    setState(next);
    return next;
  }, []);

  useEffect(() => {
    const hadSession = sessionStorage.getItem(hadSessionKey) === "1";
    load().then(
      (first) => {
        if (first.status === "signed-out" && hadSession) expired();
        setState(first);
      },
      (error: unknown) => {
        setLoadError(error instanceof Error ? error : new Error(String(error)));
      },
    );
    setUnauthenticatedListener(() => {
      expired();
      setState({ status: "signed-out", setupNeeded: false });
    });
  }, []);

  const value = useMemo<SessionApi>(
    () => ({
      state,
      refresh,
      async signOut() {
        sessionStorage.removeItem(hadSessionKey);
        await api.signOut().catch(() => undefined);
        setCsrfToken(null);
        setState({ status: "signed-out", setupNeeded: false });
        navigate("/sign-in", { notice: "You have signed out.", replace: true });
      },
      can: (permission) => state.status === "signed-in" && state.session.abilities.includes(permission),
    }),
    [state, refresh],
  );

  if (loadError) throw loadError;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/** The signed-in session; only for pages the shell renders after sign-in. */
export function useSignedIn(): SessionView {
  const { state } = useSession();
  if (state.status !== "signed-in") throw new Error("this page needs a signed-in user");
  return state.session;
}
