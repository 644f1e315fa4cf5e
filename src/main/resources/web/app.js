// The dashboard shell: sign-in, navigation by permission, and the views.
import { api, setToken, token, ApiError } from "/api.js";
import { h, clear, notice } from "/ui.js";
import { views } from "/views/index.js";

const signin = document.getElementById("signin");
const app = document.getElementById("app");
const nav = document.getElementById("nav");
const view = document.getElementById("view");
let me = null;

function can(permission) {
  if (!me) return false;
  const wanted = Array.isArray(permission) ? permission : [permission];
  return wanted.some((p) => me.permissions.includes(p));
}

function visibleViews() {
  return views.filter((v) => !v.permission || can(v.permission));
}

function showSignin(message = "") {
  app.hidden = true;
  signin.hidden = false;
  document.getElementById("signin-error").textContent = message;
  document.getElementById("token").focus();
}

async function start() {
  if (!token()) return showSignin();
  try {
    me = await api("/api/v1/me");
  } catch (error) {
    setToken(null);
    return showSignin(error instanceof ApiError && error.status === 401 ? "That token was not accepted." : error.message);
  }
  signin.hidden = true;
  app.hidden = false;
  document.getElementById("whoami").textContent = `${me.name} · ${me.roles.join(", ")}`;
  renderNav();
  showListWarnings();
  route();
}

// Issue 16: stale or sample sanctions lists and versions in quarantine, from /health, on every page.
async function showListWarnings() {
  const banner = document.getElementById("list-warnings");
  clear(banner);
  let warnings = [];
  try {
    warnings = (await api("/health")).warnings || [];
  } catch (error) {
    warnings = [];
  }
  banner.hidden = warnings.length === 0;
  app.classList.toggle("warned", warnings.length > 0);
  if (warnings.length === 0) return;
  banner.append(h("strong", {}, "Sanctions lists need attention: screening answers rely on them."));
  const items = h("ul", {});
  for (const warning of warnings) items.append(h("li", {}, warning));
  banner.append(items);
}

function renderNav() {
  clear(nav);
  for (const v of visibleViews()) {
    nav.append(h("a", { href: `#/${v.id}`, "data-view": v.id }, v.title));
  }
}

async function route() {
  const id = (location.hash.replace(/^#\//, "") || "").split("?")[0];
  const available = visibleViews();
  const current = available.find((v) => v.id === id) || available[0];
  for (const link of nav.querySelectorAll("a")) link.classList.toggle("active", link.dataset.view === current.id);
  nav.classList.remove("open");
  clear(view);
  view.append(h("h1", {}, current.title));
  const body = h("div", { id: `view-${current.id}` });
  view.append(body);
  try {
    await current.render(body, { me, can, refresh: route });
  } catch (error) {
    body.append(notice(error.message || String(error), "bad"));
  }
}

document.getElementById("signin-form").addEventListener("submit", (event) => {
  event.preventDefault();
  setToken(document.getElementById("token").value.trim());
  document.getElementById("token").value = "";
  start();
});
document.getElementById("signout").addEventListener("click", () => {
  setToken(null);
  me = null;
  location.hash = "";
  showSignin();
});
document.getElementById("menu").addEventListener("click", () => nav.classList.toggle("open"));
window.addEventListener("hashchange", () => me && route());

start();
