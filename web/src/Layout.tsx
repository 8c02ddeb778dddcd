import type { ReactNode } from "react";
import { signOut } from "./auth/session.js";
import { WhoDocument } from "./gql/graphql.js";
import { useQuery } from "./graphql/use-operation.js";
import { Link } from "./Link.js";
import { CASELOAD_ROLES } from "./roles.js";
import type { Route } from "./router.js";
import { useSession } from "./session-context.js";

/** Skip link, header with who is signed in and why, navigation, main. */
export function Layout({ route, children }: { route: Route; children: ReactNode }) {
  const { manager } = useSession();
  // Who the hub takes her for, from the provider's token (each agency names its claims its own way).
  const who = useQuery(WhoDocument, {});
  const me = who.state === "done" ? who.result.data?.me : undefined;
  const role = me?.role ?? "";
  const nav = [
    { to: "/app/", label: CASELOAD_ROLES.has(role) || role === "" ? "Mina klienter / My caseload" : role === "SOCIAL_ON_CALL" ? "Väntande begäranden / Pending requests" : "Start / Home", page: "caseload" },
    // Who works a caseload may have to break the glass; the on-call decides, the others never ask.
    ...(CASELOAD_ROLES.has(role) ? [{ to: "/app/emergency", label: "Nödåtkomst / Break the glass", page: "emergency" }] : []),
    ...(role === "AUDITOR" ? [{ to: "/app/audit", label: "Granskning / Audit", page: "audit" }] : []),
    { to: "/app/token", label: "Token för GraphiQL / Token for GraphiQL", page: "token" },
  ];
  return (
    <>
      <a className="skip" href="#main">
        Till innehållet / Skip to content
      </a>
      <header className="top">
        <span className="brand">Skyddsnät</span>
        <span className="who" data-testid="who">
          {me ? `${me.staffId} · ${me.role} · ${me.purpose}${me.unit ? ` · ${me.unit}` : ""}` : who.state === "loading" ? "…" : "Okänd / Unknown"}
        </span>
        <button type="button" onClick={() => void signOut(manager)}>
          Logga ut / Sign out
        </button>
      </header>
      <nav aria-label="Huvudmeny / Main">
        <ul>
          {nav.map((item) => (
            <li key={item.to}>
              <Link to={item.to} current={route.page === item.page}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
