import { dockerStages } from "./manifests.js";

/** The Node release the image runs: the current LTS (CI also runs the suite on it, .ci/run). */
export const IMAGE_NODE_MAJOR = 24;

/** The image: Node 24 everywhere, nothing fetched by URL, a numeric non-root user at the end. */
export function dockerfileProblems(text: string): string[] {
  const stages = dockerStages(text);
  const problems: string[] = [];
  if (stages.length < 2) problems.push("not a multi-stage build");
  for (const stage of stages) {
    const image = stage.from.split(/\s+/)[0] ?? "";
    const named = stages.some((other) => new RegExp(`\\sAS\\s+${image}$`, "i").test(other.from));
    if (!named && !new RegExp(`^node:${IMAGE_NODE_MAJOR}[.-]`).test(image)) problems.push(`FROM ${image}: not a pinned Node ${IMAGE_NODE_MAJOR} image`);
    for (const instruction of stage.instructions) {
      if (/^ADD\s/i.test(instruction) && /\b(https?|git|ftp):\/\//i.test(instruction)) problems.push(`${instruction}: fetches a URL`);
      if (/^(ENV|ARG)\s/i.test(instruction) && /(KEY|SECRET|TOKEN|PASSWORD|DATABASE_URL)/i.test(instruction)) {
        problems.push(`${instruction}: bakes a secret-looking setting into the image`);
      }
    }
  }
  const final = stages.at(-1);
  const users = (final?.instructions ?? []).filter((instruction) => /^USER\s/i.test(instruction));
  const user = users.at(-1)?.replace(/^USER\s+/i, "").split(":")[0] ?? "";
  if (!/^\d+$/.test(user) || Number(user) === 0) problems.push(`final stage runs as ${user || "root (no USER)"}: needs a numeric non-root USER`);
  return problems;
}
