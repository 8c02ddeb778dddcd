import { explain } from "@skyddsnat/schema/explanations";
import type { GraphQLErrorShape } from "../graphql/client.js";

/**
 * Why the hub refused, in plain Swedish and English from the shared catalogue: the reason where
 * the hub gave one (OWN_EMERGENCY_REQUEST…), else the code; both codes shown for support.
 */
export function Refusal({ error }: { error: GraphQLErrorShape }) {
  const code = typeof error.extensions?.code === "string" ? error.extensions.code : undefined;
  const reason = typeof error.extensions?.reason === "string" ? error.extensions.reason : undefined;
  const words = explain(reason ?? code ?? "INTERNAL_SERVER_ERROR");
  return (
    <div role="alert" className="failure" data-refusal={reason ?? code ?? "UNKNOWN"}>
      <p>
        <span lang="sv">{words.sv}</span> / <span lang="en">{words.en}</span>
      </p>
      <p className="code">
        {code ? `Kod / Code: ${code}` : error.message}
        {reason ? ` · ${reason}` : ""}
      </p>
    </div>
  );
}
