import { useEffect, useState } from "react";

/** The app's few routes under /app/, on the History API (no router library needed for five pages). */
export type Route =
  | { page: "caseload" }
  | { page: "client"; id: string }
  | { page: "emergency"; subjectId?: string }
  | { page: "token" }
  | { page: "audit" }
  | { page: "callback" }
  | { page: "not-found" };

export function routeOf(pathname: string, search: string): Route {
  const path = pathname.replace(/^\/app\/?/, "").replace(/\/$/, "");
  if (path === "") return { page: "caseload" };
  if (path === "callback") return { page: "callback" };
  if (path === "emergency") {
    const subjectId = new URLSearchParams(search).get("subject");
    return subjectId ? { page: "emergency", subjectId } : { page: "emergency" };
  }
  if (path === "token") return { page: "token" };
  if (path === "audit") return { page: "audit" };
  const client = /^clients\/([^/]+)$/.exec(path);
  if (client?.[1]) return { page: "client", id: decodeURIComponent(client[1]) };
  return { page: "not-found" };
}

export function navigate(to: string): void {
  window.history.pushState(null, "", to);
  window.dispatchEvent(new PopStateEvent("popstate"));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(window.location.pathname, window.location.search));
  useEffect(() => {
    const update = () => setRoute(routeOf(window.location.pathname, window.location.search));
    window.addEventListener("popstate", update);
    return () => window.removeEventListener("popstate", update);
  }, []);
  return route;
}
