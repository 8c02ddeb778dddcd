import { fileURLToPath } from "node:url";

/** <repo>/web/dist, from this file's location (src or dist), not the cwd: what `npm run build -w @skyddsnat/web` writes. */
export const WEB_DIST_DIR = fileURLToPath(new URL("../../../web/dist", import.meta.url));

/** The public OIDC client the web app signs in as, at every agency's identity provider. */
export const WEB_CLIENT_ID = "skyddsnat-web";
