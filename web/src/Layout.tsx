import type { ReactNode } from "react";
import { signOut } from "./auth/session.js";
import { Link } from "./Link.js";
import type { Route } from "./router.js";
import { tokenClaims, useSession } from "./session-context.js";

/** Skip link, header with who is signed in and why, navigation, main. */
export function Layout({ route, children }: { route: Route; children: ReactNode }) {
  const { user, manager } = useSession();
  const claims = tokenClaims(user.access_token);
  const role = String(claims.role ?? "");
  const nav = [
    { to: "/app/", label: "Mina klienter / My caseload", page: "caseload" },
    { to: "/app/emergency", label: "Nödåtkomst / Break the glass", page: "emergency" },
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
          {String(claims.sub ?? user.profile.sub)} · {role} · {String(claims.purpose ?? "")}
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
