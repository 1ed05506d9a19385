/**
 * Builds the web UI into web/dist, which the server serves from the same origin as the API.
 * `npx vite web` runs a development server that forwards /api to a running `steward serve`.
 */
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // No inline scripts or styles beyond what the server's Content-Security-Policy allows.
    assetsInlineLimit: 0,
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
