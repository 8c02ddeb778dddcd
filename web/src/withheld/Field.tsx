import type { ReactNode } from "react";
import { explainReason } from "./explanations.js";
import type { Answered } from "./withheld.js";

/** A released value as given; WITHHELD with its reason; a plain null as "uppgift saknas". */
export function Shown<T>({ answer, render }: { answer: Answered<T>; render?: (value: T) => ReactNode }) {
  if (answer.state === "value") return <>{render ? render(answer.value) : String(answer.value)}</>;
  if (answer.state === "null") return <span className="absent">Uppgift saknas / Not recorded</span>;
  const words = explainReason(answer.reason);
  return (
    <span className="withheld" data-withheld={answer.reason}>
      <strong>WITHHELD</strong> <span lang="sv">{words.sv}</span> / <span lang="en">{words.en}</span>
    </span>
  );
}

/** One labelled row of a description list. */
export function Row<T>({ label, answer, render }: { label: string; answer: Answered<T>; render?: (value: T) => ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <Shown answer={answer} {...(render ? { render } : {})} />
      </dd>
    </>
  );
}
