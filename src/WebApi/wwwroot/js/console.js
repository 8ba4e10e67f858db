// The operator console: sign in (the game-client route, or a pasted token), then accounts and their
// roles, live games, the moderation queue (resolving with a note), the role audit log, the connections
// per transport and instance and the scheduled jobs, through the same API routes a client uses, a page
// at a time. A section the account may not use shows the server's refusal as written.
"use strict";

const TOKEN_KEY = "cleangames.console.token";
const PER_PAGE = 20;
const EDITABLE_ROLES = ["moderator", "admin"];

const $ = (id) => document.getElementById(id);
const session = { token: "", me: "" };
const accountsView = { search: "", page: 1 };
// The page each paged list shows.
const pages = { games: 1, queue: 1, audit: 1, jobs: 1 };

// ---------- errors and REST ----------

/** Calls the API as the signed-in account (js/api.js). */
const api = (method, path, body) => callApi(session.token, method, path, body);

const when = (iso) => (iso ? new Date(iso).toLocaleString() : "—");

/** Enables the Previous and Next buttons of the list `name` for page `page`. */
function showPager(name, page, hasMore) {
  $(`${name}-prev`).disabled = page <= 1;
  $(`${name}-next`).disabled = !hasMore;
}

/** Wires the Previous and Next buttons of the paged list `name` to `load`. */
function wirePager(name, load) {
  $(`${name}-prev`).addEventListener("click", () => { pages[name] = Math.max(1, pages[name] - 1); load(); });
  $(`${name}-next`).addEventListener("click", () => { pages[name] += 1; load(); });
}

/** The query string of one page of a paged list. */
const pageQuery = (name, extra) => new URLSearchParams({ ...extra, page: pages[name], per_page: PER_PAGE });

// ---------- sign in ----------

function useToken(token) {
  const me = accountIdOf(token);
  if (!me) {
    setStatus("signin-status", "That is not an access token (a JWT with the account id in its sub claim).", "error");
    return false;
  }

  session.token = token;
  session.me = me;
  sessionStorage.setItem(TOKEN_KEY, token);
  $("token").value = token;
  $("signout-button").hidden = false;
  setStatus("signin-status", `Signed in as account ${me}.`, "ok");
  loadAll();
  return true;
}

async function signIn(event) {
  event.preventDefault();
  setStatus("signin-status", "Signing in…");
  const answer = await api("POST", "/auth/login", { username: $("signin-login").value.trim(), password: $("signin-password").value });
  if (!answer.ok) {
    setStatus("signin-status", answer.message, "error");
    return;
  }

  const token = answer.json?.data?.token;
  if (!token) {
    setStatus("signin-status", "The sign-in answer held no token.", "error");
    return;
  }

  $("signin-password").value = "";
  useToken(token);
}

function signOut() {
  session.token = "";
  session.me = "";
  sessionStorage.removeItem(TOKEN_KEY);
  $("token").value = "";
  $("signout-button").hidden = true;
  setStatus("signin-status", "Not signed in.");
  for (const id of ["accounts", "games", "queue", "audit", "connections", "jobs"]) {
    $(id).replaceChildren();
  }

  for (const id of ["accounts-status", "games-status", "queue-status-line", "audit-status", "connections-status", "jobs-status"]) {
    setStatus(id, "");
  }

  for (const name of ["accounts", ...Object.keys(pages)]) {
    showPager(name, 1, false);
  }
}

function loadAll() {
  loadAccounts();
  loadGames();
  loadQueue();
  loadAudit();
  loadConnections();
  loadJobs();
}

// ---------- accounts ----------

async function loadAccounts() {
  const query = new URLSearchParams({ search: accountsView.search, page: accountsView.page, per_page: PER_PAGE });
  setStatus("accounts-status", "Loading…");
  const answer = await api("GET", `/api/admin/accounts?${query}`);
  showPager("accounts", 1, false);
  if (!answer.ok) {
    $("accounts").replaceChildren();
    setStatus("accounts-status", answer.message, "error");
    return;
  }

  const { accounts, page, has_more: hasMore } = answer.json;
  $("accounts").replaceChildren(...accounts.map(accountItem));
  showPager("accounts", page, hasMore);
  setStatus("accounts-status", accounts.length ? `Page ${page}: ${accounts.length} account${accounts.length === 1 ? "" : "s"}.` : "No account matches.");
}

function accountItem(account) {
  const item = element("li");
  item.dataset.accountId = account.id;
  const name = account.username || account.display_name || account.email || account.telegram_username || `#${account.id}`;
  item.append(element("span", "title", `${name} (#${account.id})`));
  const contact = [account.email, account.telegram_username && `@${account.telegram_username}`, account.status].filter(Boolean).join(" · ");
  item.append(element("span", "meta", `${contact} · created ${when(account.created_at)} · last sign-in ${when(account.last_login_at)}`));

  const tags = element("span", "meta current-roles");
  for (const role of account.roles) {
    tags.append(element("span", "tag", role));
  }

  if (account.is_bootstrap_admin) {
    tags.append(element("span", "tag", "bootstrap admin"));
  }

  item.append(tags);

  const editor = element("div", "roles");
  for (const role of EDITABLE_ROLES) {
    const label = element("label");
    const box = element("input");
    box.type = "checkbox";
    box.value = role;
    box.checked = account.roles.includes(role);
    box.dataset.role = role;
    label.append(box, document.createTextNode(role));
    editor.append(label);
  }

  const save = element("button", "save-roles", "Save roles");
  save.type = "button";
  const status = element("span", "status");
  status.setAttribute("role", "status");
  save.addEventListener("click", () => saveRoles(account, editor, status));
  editor.append(save, status);
  item.append(editor);
  return item;
}

async function saveRoles(account, editor, status) {
  const kept = account.roles.filter((role) => !EDITABLE_ROLES.includes(role));
  const checked = [...editor.querySelectorAll("input[type=checkbox]:checked")].map((box) => box.value);
  const roles = [...new Set([...kept, ...checked])];
  status.textContent = "Saving…";
  status.dataset.state = "";
  const answer = await api("PUT", `/api/admin/accounts/${encodeURIComponent(account.id)}/roles`, { roles });
  if (!answer.ok) {
    status.textContent = answer.message;
    status.dataset.state = "error";
    return;
  }

  const updated = accountItem(answer.json);
  const line = updated.querySelector(".roles .status");
  line.textContent = "Saved.";
  line.dataset.state = "ok";
  editor.closest("li").replaceWith(updated);
  loadAudit();
}

// ---------- live games ----------

async function loadGames() {
  setStatus("games-status", "Loading…");
  const answer = await api("GET", `/api/game/active?${pageQuery("games")}`);
  showPager("games", 1, false);
  if (!answer.ok) {
    $("games").replaceChildren();
    setStatus("games-status", answer.message, "error");
    return;
  }

  const { games, total, page, per_page: perPage } = answer.json;
  $("games").replaceChildren(...games.map(gameItem));
  showPager("games", page, page * perPage < total);
  setStatus("games-status", total ? `${total} unfinished game${total === 1 ? "" : "s"}; page ${page}.` : "No game is running.");
}

function gameItem(game) {
  const item = element("li");
  item.dataset.gameId = game.game_id;
  const title = element("span", "title");
  title.append(element("span", "tag phase", game.phase), document.createTextNode(` day ${game.day_count} · ${game.mode}`));
  item.append(title);
  item.append(element("span", "meta", `${game.game_id} · ${game.alive_count}/${game.players_count} alive · started ${when(game.started_at)}`));
  const more = element("button", "secondary details-button", "Phase deadline");
  more.type = "button";
  const details = element("p", "details");
  details.setAttribute("role", "status");
  more.addEventListener("click", () => loadGameState(game.game_id, details));
  item.append(more, details);
  return item;
}

async function loadGameState(gameId, details) {
  details.textContent = "Loading…";
  details.dataset.state = "";
  const answer = await api("GET", `/api/game/${encodeURIComponent(gameId)}/state`);
  if (!answer.ok) {
    details.textContent = answer.message;
    details.dataset.state = "error";
    return;
  }

  const state = answer.json;
  const ends = state.phase_ends_at ? `ends ${when(state.phase_ends_at)}` : "no deadline";
  const left = state.phase_ends_at && state.server_time ? ` (in ${Math.max(0, Math.round((Date.parse(state.phase_ends_at) - Date.parse(state.server_time)) / 1000))} s)` : "";
  details.textContent = `Phase ${state.phase}: ${ends}${left}.`;
}

// ---------- moderation queue ----------

async function loadQueue(event) {
  event?.preventDefault();
  if (event) {
    pages.queue = 1;
  }

  const query = pageQuery("queue", { kind: $("queue-kind").value, status: $("queue-status").value });
  setStatus("queue-status-line", "Loading…");
  const answer = await api("GET", `/api/moderation/admin/queue?${query}`);
  showPager("queue", 1, false);
  if (!answer.ok) {
    $("queue").replaceChildren();
    setStatus("queue-status-line", answer.message, "error");
    return;
  }

  const { kind, items, total, page, has_more: hasMore } = answer.json;
  $("queue").replaceChildren(...items.map((entry) => (kind === "appeals" ? appealItem(entry) : reportItem(entry))));
  showPager("queue", page, hasMore);
  setStatus("queue-status-line", total ? `${total} ${kind}; page ${page}.` : `No ${answer.json.status} ${kind}.`);
}

function reportItem(report) {
  const item = element("li");
  item.dataset.reportId = report.report_id;
  item.append(element("span", "title", `Player ${report.reporter_user} reported player ${report.reported_user}`));
  item.append(element("span", "meta", `“${report.reason}” · ${report.status} · ${when(report.created_at)} · game ${report.game_id}`));
  if (report.resolution_note) {
    item.append(element("span", "meta", `Resolved by ${report.resolved_by} ${when(report.resolved_at)}: ${report.resolution_note}`));
  }

  if (report.status === "open") {
    item.append(resolver(`/api/moderation/admin/reports/${encodeURIComponent(report.report_id)}/resolve`, ["uphold", "reject"]));
  }

  return item;
}

function appealItem(appeal) {
  const item = element("li");
  item.dataset.appealId = appeal.appeal_id;
  item.append(element("span", "title", `Player ${appeal.user_id} appeals a ban`));
  item.append(element("span", "meta", `“${appeal.appeal_text}” · ${appeal.status} · ${when(appeal.appealed_at)}`));
  if (appeal.status === "pending") {
    item.append(resolver(`/api/moderation/admin/appeals/${encodeURIComponent(appeal.appeal_id)}/resolve`, ["accept", "reject"]));
  }

  return item;
}

/** A note and one button per action, posting `{action, note}` to the queue item's resolve route. */
function resolver(path, actions) {
  const form = element("div", "roles resolve");
  const note = element("input", "note-input");
  note.placeholder = "Note (required)";
  note.setAttribute("aria-label", "Resolution note");
  form.append(note);
  const status = element("span", "status");
  status.setAttribute("role", "status");
  for (const action of actions) {
    const button = element("button", "secondary", action[0].toUpperCase() + action.slice(1));
    button.type = "button";
    button.dataset.action = action;
    button.addEventListener("click", async () => {
      status.textContent = "Saving…";
      status.dataset.state = "";
      const answer = await api("POST", path, { action, note: note.value.trim() });
      if (!answer.ok) {
        status.textContent = answer.message;
        status.dataset.state = "error";
        return;
      }

      loadQueue();
    });
    form.append(button);
  }

  form.append(status);
  return form;
}

// ---------- audit log ----------

async function loadAudit() {
  setStatus("audit-status", "Loading…");
  const answer = await api("GET", `/api/admin/audit?${pageQuery("audit")}`);
  showPager("audit", 1, false);
  if (!answer.ok) {
    $("audit").replaceChildren();
    setStatus("audit-status", answer.message, "error");
    return;
  }

  const { entries, page, has_more: hasMore } = answer.json;
  $("audit").replaceChildren(...entries.map(auditItem));
  showPager("audit", page, hasMore);
  setStatus("audit-status", entries.length ? `Page ${page}: ${entries.length} entries, newest first.` : "No entries.");
}

function auditItem(entry) {
  const item = element("li");
  item.dataset.action = entry.action;
  const actor = entry.actor_account_id ? `account ${entry.actor_account_id}` : "the server";
  item.append(element("span", "title", `${entry.action} ${entry.roles.join(", ")} → account ${entry.target_account_id}`));
  item.append(element("span", "meta", `by ${actor}${entry.client_address ? ` from ${entry.client_address}` : ""} · ${when(entry.at)}`));
  return item;
}

// ---------- connections and scheduled jobs ----------

async function loadConnections() {
  setStatus("connections-status", "Loading…");
  const answer = await api("GET", "/api/admin/connections");
  if (!answer.ok) {
    $("connections").replaceChildren();
    setStatus("connections-status", answer.message, "error");
    return;
  }

  const { instances, total } = answer.json;
  $("connections").replaceChildren(...instances.map(instanceItem));
  setStatus("connections-status", `${total} open connection${total === 1 ? "" : "s"} on ${instances.length} instance${instances.length === 1 ? "" : "s"}.`);
}

function instanceItem(instance) {
  const item = element("li");
  item.dataset.instanceId = instance.instance_id;
  const title = element("span", "title", `${instance.name}${instance.current ? " (this instance)" : ""}: ${instance.total} open`);
  item.append(title, element("span", "meta", `started ${when(instance.started_at)} · seen ${when(instance.seen_at)}`));
  const transports = element("span", "meta");
  transports.append(...instance.transports.map((t) => element("span", "tag", `${t.transport} · ${t.kind} · ${t.open}`)));
  if (!instance.transports.length) {
    transports.textContent = "No open connection.";
  }

  item.append(transports);
  return item;
}

async function loadJobs() {
  setStatus("jobs-status", "Loading…");
  const answer = await api("GET", `/api/admin/jobs?${pageQuery("jobs")}`);
  showPager("jobs", 1, false);
  if (!answer.ok) {
    $("jobs").replaceChildren();
    setStatus("jobs-status", answer.message, "error");
    return;
  }

  const { jobs, total, page, per_page: perPage } = answer.json;
  $("jobs").replaceChildren(...jobs.map(jobItem));
  showPager("jobs", page, page * perPage < total);
  setStatus("jobs-status", `${total} trigger${total === 1 ? "" : "s"}; page ${page}.`);
}

function jobItem(job) {
  const item = element("li");
  item.dataset.job = job.job;
  const title = element("span", "title");
  title.append(element("span", "tag", job.state), document.createTextNode(` ${job.job}`));
  const every = job.interval_seconds === null ? "once" : `every ${job.interval_seconds} s`;
  item.append(title, element("span", "meta", `${every} · next ${when(job.next_fire_at)} · last ${when(job.previous_fire_at)}`));
  return item;
}

// ---------- wiring ----------

document.addEventListener("DOMContentLoaded", () => {
  $("signin").addEventListener("submit", signIn);
  $("token-button").addEventListener("click", () => useToken($("token").value.trim()));
  $("signout-button").addEventListener("click", signOut);
  $("accounts-search").addEventListener("submit", (event) => {
    event.preventDefault();
    accountsView.search = $("accounts-query").value.trim();
    accountsView.page = 1;
    loadAccounts();
  });
  $("accounts-prev").addEventListener("click", () => { accountsView.page -= 1; loadAccounts(); });
  $("accounts-next").addEventListener("click", () => { accountsView.page += 1; loadAccounts(); });
  $("games-refresh").addEventListener("click", loadGames);
  $("queue-form").addEventListener("submit", loadQueue);
  $("audit-refresh").addEventListener("click", loadAudit);
  $("connections-refresh").addEventListener("click", loadConnections);
  $("jobs-refresh").addEventListener("click", loadJobs);
  wirePager("games", loadGames);
  wirePager("queue", () => loadQueue());
  wirePager("audit", loadAudit);
  wirePager("jobs", loadJobs);

  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) {
    useToken(saved);
  }
});
