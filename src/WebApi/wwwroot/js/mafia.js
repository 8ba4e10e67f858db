// The Mafia table: sign in (game-client routes, or a pasted token), create or join a lobby by invite
// code, get ready (lobby notifications on the /hubs/notifications hub, through the SignalR browser
// client), then play the game on its socket (/ws/games/{id}): phases with a countdown, votes and night
// actions over REST, chat and emoji on the socket, events in a log, the winner at the end.
// Everything the server refuses is shown as the server wrote it (docs/mafia.md).
"use strict";

const TOKEN_KEY = "cleangames.mafia.token";
const LOBBY_KEY = "cleangames.mafia.lobby";
const MAX_RECONNECTS = 5;
const LOBBY_POLL_MS = 1500;
const EMOJI = ["👍", "👎", "😂", "😱", "🤔", "🔥", "🕵️", "💀"];
const NIGHT_ACTIONS = { mafia: "kill", doctor: "heal", detective: "investigate" };
const ACTION_LABELS = { kill: "Kill", heal: "Heal", investigate: "Investigate", vote: "Vote" };
const PHASE_NAMES = { night: "night", day: "day", voting: "voting", ended: "ended" };

const $ = (id) => document.getElementById(id);

const session = {
  token: "",
  me: "",
  lobby: null, // { id, code }
  lobbyTimer: 0,
  notifications: null,
  gameId: "",
  socket: null,
  reconnectToken: "",
  reconnects: 0, // failed reconnects in a row
  state: null, // the last game_state's data
  clockOffsetMs: 0, // server clock − this clock
  role: "",
  myChoice: "", // whom I voted for or acted on in this phase
  investigated: {}, // user id → true (mafia) / false
  players: [], // every player in seat order, dead ones included
  roles: {}, // user id → role, where this player may see it (and everyone's at the end)
  ended: false,
};

// ---------- errors and REST ----------


function showError(message) {
  const box = $("error");
  box.textContent = message;
  box.hidden = !message;
}

/** Calls the API as the signed-in player (js/api.js): the JSON answer, or null after showing the server's refusal. */
async function api(method, path, body) {
  const answer = await callApi(session.token, method, path, body);
  if (!answer.ok) {
    showError(answer.message);
    return null;
  }

  return answer.json;
}

// ---------- sign in ----------


function useToken(token) {
  const me = accountIdOf(token);
  if (!me) {
    showError("That is not an access token (a JWT with the account id in its sub claim).");
    return false;
  }

  session.token = token;
  session.me = me;
  sessionStorage.setItem(TOKEN_KEY, token);
  $("token").value = token;
  $("signin-status").textContent = `Signed in as player ${me}.`;
  $("signin-status").dataset.state = "open";
  $("signin").hidden = true;
  $("lobby-panel").hidden = false;
  return true;
}

async function signIn(register) {
  const username = $("signin-username").value.trim();
  const password = $("signin-password").value;
  if (register) {
    const registered = await api("POST", "/auth/register", { email: $("signin-email").value.trim(), username, password });
    if (!registered) {
      return;
    }
  }

  const signedIn = await api("POST", "/auth/login", { username, password });
  if (signedIn?.data?.token && useToken(signedIn.data.token)) {
    await resume();
  }
}

/** A signed-in player already at a table goes back to it. */
async function resume() {
  const mine = await api("GET", "/api/game/my_game");
  const lobby = sessionStorage.getItem(LOBBY_KEY);
  if (mine?.active_game) {
    openGame(mine.active_game);
  } else if (mine && lobby) {
    enterLobby(lobby, lobby);
  }
}

// ---------- lobby ----------

function numberOrNull(id) {
  const value = $(id).value.trim();
  return value === "" ? null : Number(value);
}

async function createLobby() {
  const settings = {
    night_seconds: numberOrNull("night-seconds"),
    day_seconds: numberOrNull("day-seconds"),
    voting_seconds: numberOrNull("voting-seconds"),
    mafia_count: numberOrNull("mafia-count"),
  };
  const created = await api("POST", "/api/matchmaking/lobby/create", { settings });
  if (created) {
    enterLobby(created.lobby_id, created.invite_code);
  }
}

async function joinLobby() {
  const code = $("join-code").value.trim().toUpperCase();
  const joined = await api("POST", `/api/matchmaking/lobby/join/${encodeURIComponent(code)}`);
  if (joined) {
    enterLobby(code, code);
  }
}

function enterLobby(id, code) {
  session.lobby = { id, code };
  sessionStorage.setItem(LOBBY_KEY, code);
  $("lobby-choice").hidden = true;
  $("lobby-view").hidden = false;
  $("invite-code").textContent = code;
  openNotifications();
  refreshLobby();
  clearInterval(session.lobbyTimer);
  session.lobbyTimer = setInterval(refreshLobby, LOBBY_POLL_MS);
}

function leftLobby() {
  clearInterval(session.lobbyTimer);
  sessionStorage.removeItem(LOBBY_KEY);
  session.lobby = null;
  $("lobby-choice").hidden = false;
  $("lobby-view").hidden = true;
  $("members").replaceChildren();
}

async function refreshLobby() {
  if (!session.lobby) {
    return;
  }

  const lobby = await api("GET", `/api/matchmaking/lobby/${encodeURIComponent(session.lobby.id)}`);
  if (!lobby) {
    return;
  }

  session.lobby.id = lobby.lobby_id;
  const ready = lobby.members.filter((m) => m.ready).length;
  $("lobby-status").textContent = {
    open: `${lobby.members.length} of up to ${lobby.max_players} at the table, ${ready} ready.`,
    started: "The game has started.",
    closed: "Everyone left; this lobby is closed.",
  }[lobby.status] ?? lobby.status;
  $("members").replaceChildren(...lobby.members.map((m) => {
    const item = document.createElement("li");
    item.dataset.userId = m.user_id;
    item.dataset.ready = String(m.ready);
    item.textContent = `${playerName(m.user_id)}: ${m.ready ? "ready" : "not ready"}`;
    return item;
  }));
  const meReady = lobby.members.some((m) => m.user_id === session.me && m.ready);
  $("ready-button").disabled = meReady || lobby.status !== "open";
  $("leave-button").disabled = lobby.status !== "open";
  if (lobby.status !== "open") {
    clearInterval(session.lobbyTimer);
    sessionStorage.removeItem(LOBBY_KEY);
  }

  if (lobby.game_id) {
    openGame(lobby.game_id);
  }
}

async function ready() {
  if (session.lobby && await api("POST", `/api/matchmaking/lobby/${encodeURIComponent(session.lobby.id)}/ready`)) {
    refreshLobby();
  }
}

async function leave() {
  if (session.lobby && await api("POST", `/api/matchmaking/lobby/${encodeURIComponent(session.lobby.id)}/leave`)) {
    leftLobby();
  }
}

/**
 * /hubs/notifications through the SignalR browser client (lib/signalr-10.0.11): lobby changes refresh
 * the member list; game_started opens the game. The client negotiates, then holds a WebSocket and
 * reconnects by itself after a drop.
 */
function openNotifications() {
  if (session.notifications) {
    return;
  }

  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/notifications", { accessTokenFactory: () => session.token })
    .withAutomaticReconnect()
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  session.notifications = connection;
  connection.on("notification", (notification) => {
    if (notification.notification_type === "game_started") {
      openGame(notification.data.game_id);
    } else if (notification.notification_type?.startsWith("lobby_member_")) {
      refreshLobby();
    }
  });
  connection.onclose(() => {
    session.notifications = null;
  });
  connection.start().catch(() => {
    // The lobby poll keeps the page current meanwhile; the next lobby action tries again.
    session.notifications = null;
  });
}

// ---------- game ----------

function socketUrl(path, query) {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${path}?${query}`;
}

function parseFrame(data) {
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

function playerName(id) {
  return id === session.me ? `Player ${id} (you)` : `Player ${id}`;
}

function openGame(gameId) {
  if (session.gameId === gameId) {
    return;
  }

  session.gameId = gameId;
  clearInterval(session.lobbyTimer);
  sessionStorage.removeItem(LOBBY_KEY);
  $("lobby-panel").hidden = true;
  $("signin-panel").hidden = true;
  $("game-panel").hidden = false;
  logEvent(`Joined game ${gameId}.`);
  connectGame();
  loadPlayers();
}

/** Every player in seat order (the dead too, for a page opened mid-game) and the roles this player may see. */
async function loadPlayers() {
  const answer = await api("GET", `/api/game/${encodeURIComponent(session.gameId)}/players`);
  if (answer) {
    session.players = [...new Set([...answer.players.map((p) => p.user_id), ...session.players])];
    for (const p of answer.players.filter((p) => p.role)) {
      session.roles[p.user_id] = p.role;
    }

    renderPlayers();
  }
}

/** Back to the lobby forms for another game. */
function newTable() {
  session.socket?.close(1000, "left the table");
  Object.assign(session, { gameId: "", socket: null, reconnectToken: "", state: null, role: "", myChoice: "", investigated: {}, players: [], roles: {}, ended: false });
  for (const id of ["events", "chat", "players"]) {
    $(id).replaceChildren();
  }

  $("winner").hidden = true;
  $("role").textContent = "…";
  $("role-description").textContent = "";
  $("game-panel").hidden = true;
  $("lobby-panel").hidden = false;
  leftLobby();
}

function connectGame() {
  const query = session.reconnectToken
    ? `reconnect_token=${encodeURIComponent(session.reconnectToken)}`
    : `token=${encodeURIComponent(session.token)}`;
  const socket = new WebSocket(socketUrl(`/ws/games/${encodeURIComponent(session.gameId)}`, query));
  session.socket = socket;
  socket.onmessage = (event) => onGameFrame(parseFrame(event.data));
  socket.onclose = (event) => {
    if (session.socket !== socket) {
      return;
    }

    session.socket = null;
    if (event.code === 4001 || event.code === 1008) {
      showError("The session expired; sign in again to rejoin the table.");
      return;
    }

    if (session.ended) {
      return;
    }

    session.reconnects += 1;
    if (session.reconnects > MAX_RECONNECTS) {
      showError(`Lost the connection to the game (code ${event.code}${event.reason ? `: ${event.reason}` : ""}). Reload the page to rejoin.`);
      return;
    }

    if (session.reconnects > 2) {
      session.reconnectToken = ""; // the reconnect token may be what is refused: fall back to the access token
    }

    logEvent(`Connection lost (code ${event.code}${event.reason ? `: ${event.reason}` : ""}); reconnecting…`);
    setTimeout(connectGame, 1000 * session.reconnects);
  };
}

function onGameFrame(frame) {
  if (!frame) {
    return;
  }

  switch (frame.type ?? frame.event) {
    case "connected":
      session.reconnectToken = frame.reconnect_token;
      session.reconnects = 0;
      return;
    case "game_state":
      showState(frame.data);
      return;
    case "role_assigned":
      session.role = frame.role;
      $("role").textContent = frame.role;
      $("role").dataset.role = frame.role;
      $("role-description").textContent = frame.role_description;
      return;
    case "voting_started":
      logEvent("Voting opened: vote for the player you suspect, or skip.");
      return;
    case "voting_results":
      logEvent(frame.eliminated
        ? `The vote eliminated ${playerName(frame.eliminated)} (${formatCounts(frame.vote_counts)}).`
        : `The vote eliminated nobody${Object.keys(frame.vote_counts).length ? ` (${formatCounts(frame.vote_counts)})` : ""}.`);
      return;
    case "night_results":
      logEvent(frame.killed
        ? `The night killed ${playerName(frame.killed)}.`
        : frame.saved ? "The doctor saved the mafia's victim: nobody died." : "Nobody died in the night.");
      return;
    case "investigation_result":
      session.investigated[frame.target] = frame.is_mafia;
      logEvent(`Investigation: ${playerName(frame.target)} ${frame.is_mafia ? "is mafia" : "is not mafia"}.`, "result");
      renderPlayers();
      return;
    case "eliminated":
      logEvent(`You were eliminated (${frame.reason}). You can still watch and, after the end, chat.`, "result");
      return;
    case "game_ended":
      showEnd(frame);
      return;
    case "chat":
      addChat(frame.from, frame.message);
      return;
    case "emoji":
      addChat(frame.from, frame.emoji, true);
      return;
    case "error":
      showError(frame.detail);
      return;
    default:
      // pong and future frames: nothing to show
  }
}

function formatCounts(counts) {
  return Object.entries(counts).map(([id, n]) => `${playerName(id)}: ${n}`).join(", ");
}

function showState(state) {
  const previous = session.state;
  session.state = state;
  session.clockOffsetMs = Date.parse(state.server_time) - Date.now();
  if (previous?.phase !== state.phase || previous?.day_count !== state.day_count) {
    session.myChoice = "";
    if (previous) {
      logEvent(`Day ${state.day_count}: ${PHASE_NAMES[state.phase] ?? state.phase}.`);
    }
  }

  if (state.my_role && !session.role) {
    session.role = state.my_role;
    $("role").textContent = state.my_role;
    $("role").dataset.role = state.my_role;
  }

  $("phase").textContent = PHASE_NAMES[state.phase] ?? state.phase;
  document.body.dataset.phase = state.phase;
  $("day").textContent = String(state.day_count);
  if (state.winner) {
    showWinner(state.winner);
  }

  renderPlayers();
  tick();
}

/** The countdown to phase_ends_at on the server's clock (this clock corrected by the offset the last state showed). */
function tick() {
  const state = session.state;
  const countdown = $("countdown");
  if (!state?.phase_ends_at) {
    countdown.textContent = "–";
    return;
  }

  const serverNow = Date.now() + session.clockOffsetMs;
  const seconds = Math.max(0, Math.ceil((Date.parse(state.phase_ends_at) - serverNow) / 1000));
  countdown.textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** What I may do to others in this phase: "vote", a night action, or nothing. */
function myAction() {
  const state = session.state;
  if (!state || !state.alive_players.includes(session.me)) {
    return null;
  }

  if (state.phase === "voting") {
    return "vote";
  }

  return state.phase === "night" ? NIGHT_ACTIONS[session.role] ?? null : null;
}

function renderPlayers() {
  const state = session.state;
  if (!state) {
    return;
  }

  const action = myAction();
  const everyone = [...new Set([...session.players, ...state.alive_players])];
  session.players = everyone;
  $("players").replaceChildren(...everyone.map((id) => {
    const alive = state.alive_players.includes(id);
    const item = document.createElement("li");
    item.dataset.userId = id;
    item.dataset.alive = String(alive);
    const name = document.createElement("span");
    name.className = "name";
    name.textContent = playerName(id);
    const tags = document.createElement("span");
    tags.className = "tags";
    const tagList = [alive ? "alive" : "dead"];
    if (session.roles[id] && id !== session.me) {
      tagList.push(session.roles[id]);
    } else if (state.mafia_players?.includes(id) && id !== session.me) {
      tagList.push("mafia");
    }

    if (id in session.investigated) {
      tagList.push(session.investigated[id] ? "investigated: mafia" : "investigated: not mafia");
    }

    if (session.myChoice === id) {
      tagList.push("your choice");
    }

    tags.textContent = tagList.join(" · ");
    item.append(name, tags);
    const allowed = action && alive && !(action === "vote" && id === session.me) && !(action === "investigate" && id === session.me);
    if (allowed && !session.ended) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "act";
      button.dataset.action = action;
      button.textContent = ACTION_LABELS[action];
      button.addEventListener("click", onUser(() => act(action, id)));
      item.append(button);
    }

    return item;
  }));
  $("skip-button").hidden = action !== "vote" || session.ended;
  $("new-table-button").hidden = !session.ended;
  $("hint").textContent = hintText(action, state);
}

function hintText(action, state) {
  if (state.phase === "ended") {
    return "The game is over.";
  }

  if (!state.alive_players.includes(session.me)) {
    return "You are out of the game; you can watch it to the end.";
  }

  if (action === "vote") {
    return state.can_act ? "Vote for the player you suspect (you can change your vote until the voting ends)." : "Your vote is in; you can still change it.";
  }

  if (action) {
    return state.can_act ? `Choose whom to ${action} tonight.` : `Your choice is in; you can still change it.`;
  }

  return state.phase === "night" ? "Night: the town sleeps." : "Day: talk it over; voting opens when the day ends.";
}

async function act(action, target) {
  const path = action === "vote" ? `/api/game/${session.gameId}/vote` : `/api/game/${session.gameId}/action`;
  const body = action === "vote" ? { target_id: target } : { action, target_id: target };
  if (await api("POST", path, body)) {
    session.myChoice = target ?? "";
    if (session.state) {
      session.state.can_act = false;
    }

    logEvent(target === null ? "You skipped the vote." : `You chose to ${action} ${playerName(target)}.`);
    renderPlayers();
  }
}

function showWinner(winner) {
  const box = $("winner");
  box.hidden = false;
  box.dataset.winner = winner;
  box.textContent = `The ${winner} win!`;
}

function showEnd(event) {
  session.ended = true;
  showWinner(event.winner);
  for (const p of event.results?.players ?? []) {
    session.roles[p.user_id] = p.role;
  }

  const roles = event.results?.players?.map((p) => `${playerName(p.user_id)}: ${p.role}${p.alive ? "" : ` (${p.death_reason})`}${p.won ? ", won" : ""}`) ?? [];
  logEvent(`Game over: the ${event.winner} win. ${roles.join("; ")}.`, "result");
  if (event.reward_note) {
    logEvent(event.reward_note);
  }

  renderPlayers();
}

// ---------- chat, emoji and the log ----------

function sendFrame(frame) {
  if (session.socket?.readyState === WebSocket.OPEN) {
    session.socket.send(JSON.stringify(frame));
  } else {
    showError("Not connected to the game; reconnecting.");
  }
}

function addChat(from, text, isEmoji = false) {
  const list = $("chat");
  const item = document.createElement("li");
  item.dataset.from = from;
  if (isEmoji) {
    item.className = "emoji";
  }

  const who = document.createElement("span");
  who.className = "who";
  who.textContent = `${playerName(from)}: `;
  const body = document.createElement("span");
  body.className = "text";
  body.textContent = text;
  item.append(who, body);
  list.append(item);
  list.scrollTop = list.scrollHeight;
}

function logEvent(text, kind = "info") {
  const list = $("events");
  const item = document.createElement("li");
  item.dataset.kind = kind;
  const when = document.createElement("span");
  when.className = "when";
  when.textContent = new Date().toTimeString().slice(0, 8);
  const body = document.createElement("span");
  body.className = "text";
  body.textContent = text;
  item.append(when, body);
  list.append(item);
  list.scrollTop = list.scrollHeight;
}

// ---------- start ----------

/** A handler for something the player did: the last refusal is cleared first (background polls never clear it). */
function onUser(handler) {
  return (event) => {
    event?.preventDefault?.();
    showError("");
    handler();
  };
}

function init() {
  $("signin").addEventListener("submit", onUser(() => signIn(false)));
  $("register-button").addEventListener("click", onUser(() => signIn(true)));
  $("token-button").addEventListener("click", onUser(() => {
    if (useToken($("token").value.trim())) {
      resume();
    }
  }));
  $("create-form").addEventListener("submit", onUser(createLobby));
  $("join-form").addEventListener("submit", onUser(joinLobby));
  $("ready-button").addEventListener("click", onUser(ready));
  $("leave-button").addEventListener("click", onUser(leave));
  $("skip-button").addEventListener("click", onUser(() => act("vote", null)));
  $("new-table-button").addEventListener("click", onUser(newTable));
  $("chat-form").addEventListener("submit", onUser(() => {
    const message = $("chat-input").value;
    if (message.trim()) {
      sendFrame({ type: "chat", message });
      $("chat-input").value = "";
    }
  }));
  $("emoji-buttons").replaceChildren(...EMOJI.map((emoji) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "emoji-button";
    button.textContent = emoji;
    button.setAttribute("aria-label", `Send ${emoji}`);
    button.addEventListener("click", onUser(() => sendFrame({ type: "emoji", emoji })));
    return button;
  }));
  setInterval(tick, 250);

  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved && useToken(saved)) {
    resume();
  }
}

init();
