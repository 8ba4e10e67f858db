// The Bot Analytics dashboard as a Telegram Mini App. Telegram opens it with its launch parameters in
// the address's fragment (#tgWebAppData=<init data>&tgWebAppThemeParams=<json>…); the page signs in
// with that init data (POST /api/auth/telegram), takes Telegram's theme colours, then shows the chosen
// bot's daily series as a chart (uPlot, vendored under /lib), its summary and its paged record lists,
// through the same seed-003 routes any dashboard client uses. Refusals show in the server's words.
"use strict";

const TOKEN_KEY = "cleangames.analytics.token";
const LIMIT = 20;
const SERIES = [
  { field: "registrations", label: "Registrations", stroke: "#3451b2" },
  { field: "payments", label: "Payments", stroke: "#1f7a45" },
  { field: "trials", label: "Trials", stroke: "#8a6d00" },
  { field: "keys", label: "Keys", stroke: "#7b3fa0" },
  { field: "renewals", label: "Renewals", stroke: "#b3261e" },
];
const COLUMNS = {
  users: ["user_id", "username", "reg_date", "ref_percent"],
  payments: ["bill_id", "user_id", "amount", "currency", "status", "date", "kind"],
  subscriptions: ["sub_uid", "user_id", "status", "start_date", "stop_date", "is_trial", "keys"],
};
const SUMMARY = [
  ["total_users", "Users"],
  ["active_users", "Active users"],
  ["new_users_month", "New this month"],
  ["total_revenue", "Revenue"],
  ["monthly_revenue", "Revenue this month"],
  ["average_check", "Average check"],
  ["churned_month", "Churned this month"],
  ["trial_conversion", "Trial conversion"],
  ["revenue_by_currency", "Revenue by currency"],
  ["mrr", "MRR"],
];

const $ = (id) => document.getElementById(id);
const session = { token: "", botId: "" };
const records = { kind: "users", page: 1 };
let chart = null;

const api = (method, path, body) => callApi(session.token, method, path, body);

// ---------- Telegram launch parameters and theme ----------

/** Init data and theme from Telegram: its script's object when a host injected it, else the launch fragment. */
function launchParams() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const webApp = window.Telegram?.WebApp;
  let theme = webApp?.themeParams || null;
  if (!theme && fragment.get("tgWebAppThemeParams")) {
    try {
      theme = JSON.parse(fragment.get("tgWebAppThemeParams"));
    } catch {
      theme = null;
    }
  }

  return { initData: webApp?.initData || fragment.get("tgWebAppData") || "", theme };
}

/** Telegram's colours for the site's: only well-formed colours are taken. */
function applyTheme(theme) {
  if (!theme) {
    return;
  }

  const variables = { bg_color: "--paper", secondary_bg_color: "--card", text_color: "--ink", hint_color: "--muted", button_color: "--accent" };
  for (const [key, variable] of Object.entries(variables)) {
    if (/^#[0-9a-fA-F]{3,8}$/.test(theme[key] || "")) {
      document.documentElement.style.setProperty(variable, theme[key]);
    }
  }
}

// ---------- sign in ----------

async function signInWithTelegram(initData) {
  setStatus("signin-status", "Signing in with Telegram…");
  const answer = await callApi("", "POST", "/api/auth/telegram", { init_data: initData });
  if (!answer.ok) {
    setStatus("signin-status", answer.message, "error");
    return;
  }

  const user = answer.json.user || {};
  useToken(answer.json.access_token, `Signed in with Telegram as ${user.display_name || user.first_name || user.username || user.telegram_id}.`);
}

function useToken(token, message) {
  if (!accountIdOf(token)) {
    setStatus("signin-status", "That is not an access token (a JWT with the account id in its sub claim).", "error");
    return;
  }

  session.token = token;
  sessionStorage.setItem(TOKEN_KEY, token);
  $("signout-button").hidden = false;
  $("signin-manual").open = false;
  setStatus("signin-status", message || `Signed in as account ${accountIdOf(token)}.`, "ok");
  loadBots();
}

function signOut() {
  session.token = "";
  session.botId = "";
  sessionStorage.removeItem(TOKEN_KEY);
  $("signout-button").hidden = true;
  $("bot").replaceChildren();
  $("summary").replaceChildren();
  $("records").tBodies[0].replaceChildren();
  chart?.destroy();
  chart = null;
  for (const id of ["bots-status", "series-status", "summary-status", "records-status", "register-status"]) {
    setStatus(id, "");
  }

  setStatus("signin-status", "Not signed in.");
}

// ---------- bots ----------

async function loadBots(select) {
  setStatus("bots-status", "Loading…");
  const answer = await api("GET", "/api/bots");
  if (!answer.ok) {
    setStatus("bots-status", answer.message, "error");
    return;
  }

  const bots = answer.json;
  $("bot").replaceChildren(...bots.map((bot) => {
    const option = document.createElement("option");
    option.value = String(bot.uid);
    option.textContent = `${bot.username ? "@" + bot.username : "Bot " + bot.bot_id} (uid ${bot.uid})`;
    return option;
  }));
  if (!bots.length) {
    setStatus("bots-status", "You have no bot yet: register one below.");
    return;
  }

  $("bot").value = String(select ?? bots[0].uid);
  setStatus("bots-status", `${bots.length} bot${bots.length === 1 ? "" : "s"}.`);
  chooseBot();
}

function chooseBot() {
  session.botId = $("bot").value;
  records.page = 1;
  loadSeries();
  loadSummary();
  loadRecords();
}

async function registerBot(event) {
  event.preventDefault();
  setStatus("register-status", "Registering…");
  $("ingest-key-line").hidden = true;
  const answer = await api("POST", "/api/bots", { bot_token: $("bot-token").value.trim() });
  if (!answer.ok) {
    setStatus("register-status", answer.message, "error");
    return;
  }

  $("bot-token").value = "";
  $("ingest-key").textContent = answer.json.ingest_key;
  $("ingest-key-line").hidden = false;
  setStatus("register-status", `Registered bot ${answer.json.bot_id}.`, "ok");
  loadBots(answer.json.uid);
}

// ---------- the daily series ----------

function rangeQuery(withCompare) {
  const query = new URLSearchParams({ bot_id: session.botId, start_date: $("start-date").value, end_date: $("end-date").value, tz: $("tz").value.trim() });
  if (withCompare && $("compare").value) {
    query.set("compare", $("compare").value);
  }

  return query;
}

async function loadSeries(event) {
  event?.preventDefault();
  if (!session.botId) {
    return;
  }

  setStatus("series-status", "Loading…");
  const answer = await api("GET", `/api/analytics?${rangeQuery(true)}`);
  if (!answer.ok) {
    setStatus("series-status", answer.message, "error");
    return;
  }

  const rows = answer.json;
  drawChart(rows);
  const totals = SERIES.map((s) => `${rows.reduce((sum, row) => sum + row[s.field], 0)} ${s.label.toLowerCase()}`);
  setStatus("series-status", `${rows.length} day${rows.length === 1 ? "" : "s"}: ${totals.join(", ")}.`);
  if (event) {
    loadSummary();
  }
}

function drawChart(rows) {
  const compared = rows.length > 0 && rows[0].previous !== undefined;
  const xs = rows.map((row) => Date.parse(`${row.date}T00:00:00Z`) / 1000);
  const data = [xs, ...SERIES.map((s) => rows.map((row) => row[s.field]))];
  const series = [{ label: "Day" }, ...SERIES.map((s) => ({ label: s.label, stroke: s.stroke, width: 2 }))];
  if (compared) {
    for (const s of SERIES.slice(0, 2)) {
      data.push(rows.map((row) => row.previous[s.field]));
      series.push({ label: `${s.label} before`, stroke: s.stroke, width: 1, dash: [6, 4] });
    }
  }

  chart?.destroy();
  const box = $("chart");
  chart = new uPlot({
    width: Math.max(240, box.clientWidth),
    height: 240,
    series,
    // Days are calendar days of the chosen zone, drawn as UTC midnights so no offset moves them.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
    axes: [{}, { size: 40 }],
    scales: { y: { range: (_, min, max) => [0, Math.max(1, max)] } },
  }, data, box);
}

async function exportCsv() {
  setStatus("series-status", "Preparing the CSV…");
  let response;
  try {
    response = await fetch(`/api/analytics/export?${rangeQuery(false)}`, { headers: { Authorization: `Bearer ${session.token}` } });
  } catch (error) {
    setStatus("series-status", `The server could not be reached: ${error.message}`, "error");
    return;
  }

  if (!response.ok) {
    setStatus("series-status", serverMessage(response.status, await response.text()), "error");
    return;
  }

  const name = /filename="?([^";]+)"?/.exec(response.headers.get("Content-Disposition") || "")?.[1] || "analytics.csv";
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  setStatus("series-status", `Downloaded ${name}.`, "ok");
}

// ---------- summary ----------

function show(value, field) {
  if (value === null || value === undefined) {
    return "—";
  }

  if (field === "trial_conversion") {
    return `${Math.round(value * 1000) / 10}%`;
  }

  if (typeof value === "object") {
    const entries = Object.entries(value);
    return entries.length ? entries.map(([currency, amount]) => `${currency} ${amount}`).join(" · ") : "—";
  }

  return String(value);
}

async function loadSummary() {
  if (!session.botId) {
    return;
  }

  setStatus("summary-status", "Loading…");
  const answer = await api("GET", `/api/bots/${encodeURIComponent(session.botId)}/summary?${new URLSearchParams({ tz: $("tz").value.trim() })}`);
  if (!answer.ok) {
    $("summary").replaceChildren();
    setStatus("summary-status", answer.message, "error");
    return;
  }

  $("summary").replaceChildren(...SUMMARY.map(([field, label]) => {
    const item = document.createElement("div");
    item.dataset.field = field;
    const term = document.createElement("dt");
    term.textContent = label;
    const value = document.createElement("dd");
    value.textContent = show(answer.json[field], field);
    item.append(term, value);
    return item;
  }));
  setStatus("summary-status", "");
}

// ---------- record lists ----------

async function loadRecords(event) {
  event?.preventDefault();
  if (event) {
    records.page = 1;
  }

  if (!session.botId) {
    return;
  }

  records.kind = $("records-kind").value;
  setStatus("records-status", "Loading…");
  const query = new URLSearchParams({ bot_id: session.botId, page: records.page, limit: LIMIT });
  const answer = await api("GET", `/api/${records.kind}?${query}`);
  $("records-prev").disabled = true;
  $("records-next").disabled = true;
  const table = $("records");
  if (!answer.ok) {
    table.tHead.replaceChildren();
    table.tBodies[0].replaceChildren();
    setStatus("records-status", answer.message, "error");
    return;
  }

  const columns = COLUMNS[records.kind];
  const { total, page, limit } = answer.json;
  const items = answer.json[records.kind];
  const head = document.createElement("tr");
  head.append(...columns.map((column) => Object.assign(document.createElement("th"), { textContent: column })));
  table.tHead.replaceChildren(head);
  table.tBodies[0].replaceChildren(...items.map((item) => {
    const row = document.createElement("tr");
    row.append(...columns.map((column) => Object.assign(document.createElement("td"), { textContent: item[column] ?? "—" })));
    return row;
  }));
  $("records-prev").disabled = page <= 1;
  $("records-next").disabled = page * limit >= total;
  setStatus("records-status", total ? `${total} ${records.kind}; page ${page} of ${Math.ceil(total / limit)}.` : `No ${records.kind} yet.`);
}

// ---------- wiring ----------

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

document.addEventListener("DOMContentLoaded", () => {
  const today = new Date();
  $("end-date").value = isoDay(today);
  $("start-date").value = isoDay(new Date(today.getTime() - 29 * 86400000));
  $("tz").value = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

  $("init-data-button").addEventListener("click", () => signInWithTelegram($("init-data").value.trim()));
  $("token-button").addEventListener("click", () => useToken($("token").value.trim()));
  $("signout-button").addEventListener("click", signOut);
  $("bot").addEventListener("change", chooseBot);
  $("register-form").addEventListener("submit", registerBot);
  $("range-form").addEventListener("submit", loadSeries);
  $("export-button").addEventListener("click", exportCsv);
  $("records-form").addEventListener("submit", loadRecords);
  $("records-prev").addEventListener("click", () => { records.page -= 1; loadRecords(); });
  $("records-next").addEventListener("click", () => { records.page += 1; loadRecords(); });
  window.addEventListener("resize", () => chart?.setSize({ width: Math.max(240, $("chart").clientWidth), height: 240 }));

  const { initData, theme } = launchParams();
  applyTheme(theme);
  if (initData) {
    // The init data is a credential: it leaves the address bar before anything else happens.
    history.replaceState(null, "", location.pathname + location.search);
    signInWithTelegram(initData);
    return;
  }

  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) {
    useToken(saved);
  }
});
