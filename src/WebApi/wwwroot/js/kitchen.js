// Click & Cook in the browser: signs in with the Kitchen routes (POST /reg, /auth), plays over the
// game's socket /ws (docs/kitchen.md, section 2) and shows whatever state the server sends. The page
// computes nothing itself: every number on it is the server's.
"use strict";

const TOKEN_KEY = "kitchen.access_token";
const $ = id => document.getElementById(id);

let socket = null;          // the open /ws socket, or null
let nextRequestId = 1;
let shown = null;           // the session on screen
let passiveTimer = null;    // collects automation income every second while the kitchen has staff
let reconnectTimer = null;
const automatic = new Set(); // ids of the passive requests the timer sent (their replies stay quiet)

// ---- Signing in -------------------------------------------------------------------------------

async function signIn(route, email, password) {
  clearError();
  setConnection("connecting", route === "/reg" ? "Registering…" : "Signing in…");
  let response;
  let body;
  try {
    response = await fetch(route, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    body = await response.json();
  } catch (error) {
    setConnection("signed-out", "Not signed in.");
    showError(`The server could not be reached or did not answer in JSON: ${error.message}`);
    return;
  }
  if (body.status !== 0) {
    setConnection("signed-out", "Not signed in.");
    showError(body.message, body.status);
    return;
  }
  start(body.tokens.access_token);
}

function start(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
  connect();
}

function signOut(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  disconnect();
  shown = null;
  $("game").hidden = true;
  $("signin").hidden = false;
  setConnection("signed-out", message || "Not signed in.");
}

// ---- The socket -------------------------------------------------------------------------------

function connect() {
  disconnect();
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) {
    return;
  }
  setConnection("connecting", "Connecting to the kitchen…");
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const opened = new WebSocket(`${scheme}//${location.host}/ws`);
  socket = opened;
  opened.addEventListener("open", () => send("session", { token }));
  opened.addEventListener("message", event => receive(JSON.parse(event.data)));
  opened.addEventListener("close", event => {
    if (socket !== opened) {
      return; // closed on purpose
    }
    socket = null;
    stopPassive();
    setConnection("offline", `Disconnected (${event.code}${event.reason ? ": " + event.reason : ""}). Reconnecting in 3 s…`);
    reconnectTimer = setTimeout(connect, 3000);
  });
}

function disconnect() {
  clearTimeout(reconnectTimer);
  stopPassive();
  if (socket) {
    const closing = socket;
    socket = null;
    closing.close(1000, "bye");
  }
}

// Sends one request; its reply comes back as a response frame with the same request_id.
function send(requestType, data = {}, quiet = false) {
  if (!socket || socket.readyState !== WebSocket.OPEN) {
    if (!quiet) {
      showError("Not connected to the kitchen yet; try again in a moment.");
    }
    return;
  }
  const requestId = nextRequestId++;
  if (quiet) {
    automatic.add(requestId);
  }
  socket.send(JSON.stringify({ message_type: "request", request_id: requestId, request_type: requestType, data }));
}

function receive(frame) {
  const data = frame.data || {};
  const quiet = automatic.delete(frame.request_id);
  if (frame.message_type === "broadcast") {
    // Another tab or device of this account changed the session.
    if (render(data.session)) {
      $("live").textContent = `Updated from another tab or device: ${frame.request_type}.`;
    }
    return;
  }
  if (data.error) {
    if (frame.request_type === "session" && data.error.code === 2) {
      // The token was refused (expired, malformed, another account's): sign in again.
      signOut("Signed out: the server refused the token.");
    }
    showError(data.error.message, data.error.code);
    return;
  }
  if (quiet) {
    render(data.session);
    return;
  }
  clearError();
  if (frame.request_type === "session") {
    $("signin").hidden = true;
    $("game").hidden = false;
    setConnection("online", "Connected: playing live.");
    showAway(data.away);
  }
  // A session reply is the connection's fresh start: it is shown even if its revision is lower
  // (a server restarted after losing unwritten changes).
  render(data.session, frame.request_type === "session");
  $("result").textContent = describe(frame.request_type, data);
}

const dishes = n => `${n} ${n === 1 ? "dish" : "dishes"}`;

// What a reply says besides the new state, in words.
function describe(requestType, data) {
  switch (requestType) {
    case "session": return "Kitchen open.";
    case "cook": return `Cooked ${dishes(data.dishes_cooked)} (+${data.xp_gained} xp).`;
    case "sell": return `Sold ${dishes(data.dishes_sold)} for ${data.money_earned} coins.`;
    case "passive": return `Staff income for ${data.credited_seconds} s: cooked ${data.dishes_cooked}, sold ${data.dishes_sold}, earned ${data.money_earned} coins.`;
    case "upgrade_buy": return `Bought ${data.upgrade.name} level ${data.upgrade.level} for ${data.money_spent} coins.`;
    case "level_check": return data.can_level_up
      ? "You can rank up now."
      : data.xp_required === null ? "You are at the top rank." : `${data.xp_remaining} xp to go for the next rank.`;
    case "level_up": return `Rank ${data.previous_rank} → ${data.rank}.` +
      (data.unlocked_upgrades.length ? ` Unlocked upgrades: ${data.unlocked_upgrades.join(", ")}.` : "") +
      (data.unlocked_location ? ` New location: ${data.unlocked_location.name}.` : "");
    case "session_reset": return `Prestige! +${data.prestige_gained} points for a run that earned ${data.run_earnings} coins.`;
    default: return "";
  }
}

// ---- Showing the state ------------------------------------------------------------------------

// Shows a session unless it is older than the one on screen (a broadcast and a reply can cross).
function render(session, fresh = false) {
  if (!session || (!fresh && shown && session.revision < shown.revision)) {
    return false;
  }
  shown = session;
  $("account").textContent = session.user_email || `account ${session.user_id}`;
  $("money").textContent = session.money;
  $("dishes").textContent = session.dishes;
  $("rank").textContent = session.level.rank;
  $("top-rank").textContent = session.level.top_rank;
  $("xp").textContent = session.level.xp;
  $("xp-required").textContent = session.level.xp_required ?? "top rank";
  $("location").textContent = `${session.location.name} (×${session.location.price_multiplier})`;
  $("dish-price").textContent = session.stats.dish_price;
  $("cook-power").textContent = session.stats.cook_power;
  $("xp-per-cook").textContent = session.stats.xp_per_cook;
  $("auto-cook").textContent = session.stats.auto_cook_per_second;
  $("auto-sell").textContent = session.stats.auto_sell_per_second;
  $("prestige-points").textContent = session.prestige.current_value;
  $("prestige-boost").textContent = `+${Math.round(session.prestige.current_boost_value * 100)} %`;
  $("run-earnings").textContent = session.prestige.run_earnings;
  $("reset-threshold").textContent = session.prestige.reset_threshold;
  $("lifetime-earnings").textContent = session.prestige.lifetime_earnings;
  $("prestige-gain").textContent = session.prestige.accumulated_value;
  $("prestige").dataset.ready = session.prestige.can_reset;
  $("level-up").dataset.ready = session.level.xp_required !== null && session.level.xp >= session.level.xp_required;
  $("revision").textContent = session.revision;
  $("tutorial").textContent = session.tutorial.completed
    ? ""
    : `Tutorial step ${session.tutorial.step + 1} of ${session.tutorial.steps}: ${tutorialHint(session.tutorial.action)}`;
  renderUpgrades(session);
  const automated = session.stats.auto_cook_per_second > 0 || session.stats.auto_sell_per_second > 0;
  automated ? startPassive() : stopPassive();
  return true;
}

function tutorialHint(action) {
  return {
    cook: "cook a dish.",
    sell: "sell your dishes.",
    upgrade_buy: "buy an upgrade.",
    level_up: "rank up.",
  }[action] || action;
}

// Owned and buyable upgrades in catalogue order; a maxed one is only in "current".
function renderUpgrades(session) {
  const byId = new Map();
  for (const upgrade of [...session.upgrades.current, ...session.upgrades.available]) {
    byId.set(upgrade.id, upgrade);
  }
  const items = [...byId.values()].sort((a, b) => Number(a.id) - Number(b.id)).map(upgrade => {
    const item = document.createElement("li");
    item.className = "upgrade";
    item.dataset.upgrade = upgrade.id;
    const text = document.createElement("div");
    const name = document.createElement("strong");
    name.textContent = upgrade.name;
    const level = document.createElement("span");
    level.className = "level";
    level.textContent = ` level ${upgrade.level}/${upgrade.max_level}`;
    const effect = document.createElement("div");
    effect.className = "note";
    effect.textContent = `${upgrade.effect.replace("_", " ")} +${upgrade.effect_per_level} per level`;
    text.append(name, level, effect);
    const buy = document.createElement("button");
    buy.type = "button";
    buy.dataset.buy = upgrade.id;
    buy.textContent = upgrade.price === null ? "Maxed" : `Buy for ${upgrade.price}`;
    buy.disabled = upgrade.price === null;
    buy.dataset.affordable = upgrade.price !== null && session.money >= upgrade.price;
    item.append(text, buy);
    return item;
  });
  $("upgrades").replaceChildren(...items);
}

function showAway(away) {
  if (!away) {
    return;
  }
  $("away-seconds").textContent = away.seconds;
  $("away-credited").textContent = away.credited_seconds;
  $("away-cooked").textContent = away.dishes_cooked;
  $("away-sold").textContent = away.dishes_sold;
  $("away-earned").textContent = away.money_earned;
  $("away").hidden = false;
}

function startPassive() {
  if (passiveTimer === null) {
    passiveTimer = setInterval(() => send("passive", {}, true), 1000);
  }
}

function stopPassive() {
  clearInterval(passiveTimer);
  passiveTimer = null;
}

function setConnection(state, text) {
  $("connection").dataset.state = state;
  $("connection").textContent = text;
}

// Errors are shown exactly as the server wrote them, with their code beside.
function showError(message, code) {
  $("error-message").textContent = message;
  $("error-code").textContent = code === undefined ? "" : `(code ${code})`;
  $("error").hidden = false;
}

function clearError() {
  $("error").hidden = true;
}

// ---- Wiring -----------------------------------------------------------------------------------

$("signin-form").addEventListener("submit", event => {
  event.preventDefault();
  const route = event.submitter && event.submitter.value === "reg" ? "/reg" : "/auth";
  signIn(route, $("email").value.trim(), $("password").value);
});

$("token-form").addEventListener("submit", event => {
  event.preventDefault();
  clearError();
  start($("token-input").value.trim());
});

$("signout").addEventListener("click", () => signOut());
$("error-dismiss").addEventListener("click", clearError);
$("away-dismiss").addEventListener("click", () => { $("away").hidden = true; });

for (const button of document.querySelectorAll("button[data-request]")) {
  button.addEventListener("click", () => send(button.dataset.request));
}

$("upgrades").addEventListener("click", event => {
  const button = event.target.closest("button[data-buy]");
  if (button) {
    send("upgrade_buy", { id: button.dataset.buy });
  }
});

connect();
