import type { FieldClass } from "@skyddsnat/schema";
import { Directive } from "type-graphql";

/**
 * Marks a field with its class. The class travels in the SDL as `@classified(as: …)`, so the
 * composed supergraph carries it to the gateway's guard and the subgraph's own enforcement.
 */
export function Classified(as: FieldClass): MethodDecorator & PropertyDecorator {
  return Directive(`@classified(as: ${as})`) as MethodDecorator & PropertyDecorator;
}
