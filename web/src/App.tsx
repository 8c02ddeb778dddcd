import type { User } from "oidc-client-ts";
import { useEffect, useMemo, useState } from "react";
import { AuditConsole } from "./audit/AuditConsole.js";
import { chosenAgency, completeSignIn, issuerOf, managerFor } from "./auth/session.js";
import type { AppConfig } from "./config.js";
import { Layout } from "./Layout.js";
import { ClientPage } from "./pages/ClientPage.js";
import { EmergencyPage } from "./pages/EmergencyPage.js";
import { HomePage } from "./pages/HomePage.js";
import { SignIn } from "./pages/SignIn.js";
import { TokenPage } from "./pages/TokenPage.js";
import { navigate, type Route, useRoute } from "./router.js";
import { type Session, SessionContext } from "./session-context.js";
import { Failure, Loading } from "./Status.js";

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case "caseload":
    case "callback":
      return <HomePage />;
    case "client":
      return <ClientPage id={route.id} />;
    case "emergency":
      return <EmergencyPage {...(route.subjectId ? { subjectId: route.subjectId } : {})} />;
    case "token":
      return <TokenPage />;
    case "audit":
      return <AuditConsole />;
    case "not-found":
      return <h1>Sidan finns inte / Page not found</h1>;
  }
}

/** Signed in or not; completes the provider's redirect; keeps the user as tokens renew. */
export function App({ config }: { config: AppConfig }) {
  const route = useRoute();
  const agency = chosenAgency();
  const manager = useMemo(() => {
    const choice = issuerOf(config, agency);
    return choice ? managerFor(config, choice) : null;
  }, [config, agency]);
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  // The provider's redirect is completed once, on arrival at /app/callback.
  const [arrivedFromProvider] = useState(() => route.page === "callback");

  useEffect(() => {
    if (!manager) {
      if (arrivedFromProvider) setFailure("The sign-in was not started from this tab: start again.");
      setUser(null);
      return;
    }
    const loaded = (next: User) => setUser(next);
    const gone = () => setUser(null);
    manager.events.addUserLoaded(loaded);
    manager.events.addUserUnloaded(gone);
    manager.events.addSilentRenewError(gone);
    const start = arrivedFromProvider
      ? completeSignIn(manager).then((signedIn) => {
          navigate("/app/");
          return signedIn;
        })
      : manager.getUser();
    start.then(
      (current) => setUser(current && !current.expired ? current : null),
      (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      manager.events.removeUserLoaded(loaded);
      manager.events.removeUserUnloaded(gone);
      manager.events.removeSilentRenewError(gone);
    };
  }, [manager, arrivedFromProvider]);

  if (failure) {
    return (
      <main id="main">
        <h1>Inloggningen misslyckades / Sign-in failed</h1>
        <Failure message={failure} />
        <a href="/app/">Försök igen / Try again</a>
      </main>
    );
  }
  if (user === undefined) {
    return (
      <main id="main">
        <Loading what="inloggning" />
      </main>
    );
  }
  if (!user || !manager || !agency) return <SignIn config={config} />;
  const session: Session = { config, manager, user, agency };
  return (
    <SessionContext.Provider value={session}>
      <Layout route={route}>
        <Page route={route} />
      </Layout>
    </SessionContext.Provider>
  );
}
