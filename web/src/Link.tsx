import type { MouseEvent, ReactNode } from "react";
import { navigate } from "./router.js";

/** An ordinary link (keyboard, middle-click, copy) that changes page without reloading. */
export function Link({ to, children, current }: { to: string; children: ReactNode; current?: boolean }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} {...(current ? { "aria-current": "page" as const } : {})}>
      {children}
    </a>
  );
}
