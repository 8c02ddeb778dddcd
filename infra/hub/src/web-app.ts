import { fileURLToPath } from "node:url";

/** <repo>/web/dist, from this file's location (src or dist), not the cwd: what `npm run build -w @skyddsnat/web` writes. */
export const WEB_DIST_DIR = fileURLToPath(new URL("../../../web/dist", import.meta.url));
