import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * Two pages from npm packages only: the users' app (index.html, served by the hub at /app/) and
 * GraphiQL (graphiql.html, served at /). `npm run dev` proxies the hub's API to a running hub.
 */
const hub = process.env.HUB_ORIGIN ?? "http://127.0.0.1:4000";

export default defineConfig({
  base: "/app/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The hub's CSP allows no inline script: no data: URLs or inlined modules either.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1000,
    rolldownOptions: { input: { app: "index.html", graphiql: "graphiql.html" } },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { "/graphql": hub, "/app/config.json": hub },
  },
});
