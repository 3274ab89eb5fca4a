import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// `npm run dev` serves on :5173 (an origin the services allow in dev); `make run` serves
// the built files on :8000 with a /config.json naming the services' URLs.
export default defineConfig({
  plugins: [react()],
  server: { host: "127.0.0.1", port: 5173 },
  build: { outDir: "dist", sourcemap: true, chunkSizeWarningLimit: 1500 },
});
