import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The browser app: built into dist/apps/web/public, which the web server (server/) serves beside
// its proxy to the services. `vite` alone (dev server) proxies /svc and /dev to a running web
// server on WEB_SERVER_URL, so pages reload as they are edited against the real platform.
export default defineConfig({
  root: __dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/apps/web/public',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 4200,
    proxy: Object.fromEntries(
      ['/svc', '/dev', '/config.json'].map((path) => [
        path,
        { target: process.env['WEB_SERVER_URL'] ?? 'http://127.0.0.1:3000', changeOrigin: false },
      ]),
    ),
  },
});
