/** Entry point: language first (so the first paint is already translated), then the app. */
import "./i18n/setup-i18n.ts";
import "./layout/kexin.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppShell } from "./AppShell.tsx";

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");
createRoot(container).render(
  <StrictMode>
    <AppShell />
  </StrictMode>,
);
