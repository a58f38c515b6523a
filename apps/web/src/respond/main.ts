/**
 * Entry of the respondent page (respond.html, served for /s/<slug> and /r/<token>). Plain DOM on purpose: a
 * customer at a counter on a phone should not download the dashboard's React, antd or i18next.
 */
import "./respond.css";
import { STRINGS } from "./strings.ts";
import { RespondApp } from "./respond-app.ts";
import { parseRespondRoute } from "./route.ts";
import type { KeyValueStore } from "./saved-progress.ts";

function localStore(): KeyValueStore | null {
  try {
    return window.localStorage; // reading the property itself throws where storage is blocked
  } catch {
    return null;
  }
}

const root = document.getElementById("respond");
if (!root) throw new Error("respond.html has no #respond element");
const route = parseRespondRoute(window.location.pathname, window.location.search);
if (route) {
  void new RespondApp(root, route, { store: localStore(), browserLanguages: navigator.languages ?? [navigator.language] }).start();
} else {
  root.textContent = STRINGS["zh-CN"].notFound;
}
