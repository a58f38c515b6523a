/**
 * The web build: two pages. index.html is the dashboard (React, antd, ECharts); respond.html is the respondent page
 * served for /s/<slug> and /r/<token>, plain TypeScript and CSS that shares no chunk with the dashboard.
 * `vite build apps/web` writes apps/web/dist, which the server serves; `vite apps/web` runs a dev server that
 * forwards /api to a Kexin server on port 3000.
 */
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

/** The dev server's version of the server's routing: /s/<slug> and /r/<token> get the respondent page. */
const respondPageInDev: Plugin = {
  name: "kexin-respond-page",
  configureServer(server) {
    server.middlewares.use((request, _response, next) => {
      const [path, query] = (request.url ?? "").split("?");
      if (/^\/[sr]\/[^/]+\/?$/.test(path)) request.url = `/respond.html${query ? `?${query}` : ""}`;
      next();
    });
  },
};

/**
 * Split the big libraries into their own cacheable chunks so one release does not re-download everything
 * (rolldown's codeSplitting groups). Higher priority claims a module first; react goes first because a group also
 * pulls in what its modules import, and antd would otherwise swallow react.
 */
const vendorGroups = [
  { name: "echarts", test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 40 },
  { name: "antd", test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[a-z-]+|dayjs|@emotion)[\\/]/, priority: 30 },
  { name: "react", test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie)[\\/]/, priority: 50 },
  { name: "vendor", test: /node_modules[\\/]/, priority: 10 },
];

export default defineConfig({
  root,
  plugins: [react(), respondPageInDev],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // antd alone is ~1 MB minified; this limit still flags a chunk that grows by accident.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: { main: `${root}/index.html`, respond: `${root}/respond.html` },
      // The groups only match node_modules, which the respondent page never imports (its one shared module,
      // @kexin/contracts/survey-answers, is workspace source): so they never touch the respond entry.
      output: { codeSplitting: { groups: vendorGroups } },
    },
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
});
