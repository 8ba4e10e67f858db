// The playground: sign in through any product's password route (or paste a token), open any realtime
// endpoint with that token, send frames built from the contracts, and watch every frame in and out.
// SignalR hubs are spoken in their JSON protocol directly over the WebSocket, so their frames show too.
"use strict";

const RECORD_SEPARATOR = "\u001e";
const MAX_LOG_ENTRIES = 500;

const $ = (id) => document.getElementById(id);
const requestId = () => crypto.randomUUID();
const pretty = (value) => JSON.stringify(value);

/** Each product's password routes and the body each expects. */
const signInRoutes = {
  gateway: {
    login: (f) => ["/auth/login", { username: f.login, password: f.password }],
    register: (f) => ["/auth/register", { email: f.email, username: f.login, password: f.password }],
  },
  kitchen: {
    login: (f) => ["/auth", { email: f.login, password: f.password }],
    register: (f) => ["/reg", { email: f.email || f.login, password: f.password }],
  },
  novels: {
    login: (f) => ["/api/v1/auth/login", { email: f.login, password: f.password }],
    register: (f) => ["/api/v1/auth/register", { email: f.email || f.login, password: f.password, display_name: (f.email || f.login).split("@")[0] }],
  },
};

const token = () => $("token").value.trim();
const gameId = () => $("game-id").value.trim() || "<game id>";

/** The realtime endpoints: how to reach each, how its frames are framed, and templates from its contract. */
const endpoints = [
  {
    id: "gateway", label: "/v1/connect (gateway: every module's commands)", path: () => "/v1/connect", tokenParameter: "access_token", protocol: "raw",
    templates: {
      "system.ping": () => ({ type: "command", v: 1, request_id: requestId(), domain: "system", command: "ping", payload: { sent_at: new Date().toISOString() } }),
      "kitchen: session": () => ({ type: "command", v: 1, request_id: requestId(), domain: "kitchen", command: "session", payload: {} }),
      "kitchen: cook": () => ({ type: "command", v: 1, request_id: requestId(), domain: "kitchen", command: "cook", payload: {} }),
      "mafia: chat": () => ({ type: "command", v: 1, request_id: requestId(), domain: "mafia", command: "chat", payload: { game_id: gameId(), message: "hello" } }),
    },
  },
  {
    id: "kitchen", label: "/ws (Click & Cook)", path: () => "/ws", tokenParameter: "token", protocol: "raw",
    templates: {
      "session": () => ({ message_type: "request", request_id: requestId(), request_type: "session", data: { token: token() } }),
      "cook": () => ({ message_type: "request", request_id: requestId(), request_type: "cook", data: {} }),
      "sell": () => ({ message_type: "request", request_id: requestId(), request_type: "sell", data: {} }),
      "level_check": () => ({ message_type: "request", request_id: requestId(), request_type: "level_check", data: {} }),
    },
  },
  {
    id: "mafia-notifications", label: "/ws/notifications (Mafia)", path: () => "/ws/notifications", tokenParameter: "token", protocol: "raw",
    templates: { "ping": () => ({ type: "ping" }) },
  },
  {
    id: "mafia-game", label: "/ws/games/{game_id} (Mafia)", path: () => "/ws/games/" + encodeURIComponent($("game-id").value.trim()), tokenParameter: "token", protocol: "raw", needsGame: true,
    templates: {
      "ping": () => ({ type: "ping" }),
      "chat": () => ({ type: "chat", message: "who is it?" }),
      "emoji": () => ({ type: "emoji", emoji: "🔥" }),
    },
  },
  {
    id: "hub-game", label: "/hubs/game (SignalR)", path: () => "/hubs/game", tokenParameter: "access_token", protocol: "signalr",
    templates: {
      "JoinGame": () => ({ type: 1, invocationId: requestId(), target: "JoinGame", arguments: [gameId()] }),
      "Chat": () => ({ type: 1, invocationId: requestId(), target: "Chat", arguments: [gameId(), "hello"] }),
      "ping": () => ({ type: 6 }),
    },
  },
  {
    id: "hub-notifications", label: "/hubs/notifications (SignalR)", path: () => "/hubs/notifications", tokenParameter: "access_token", protocol: "signalr",
    templates: { "ping": () => ({ type: 6 }) },
  },
  {
    id: "hub-kitchen", label: "/hubs/kitchen (SignalR)", path: () => "/hubs/kitchen", tokenParameter: "access_token", protocol: "signalr",
    templates: {
      "session": () => ({ type: 1, invocationId: requestId(), target: "session", arguments: [] }),
      "cook": () => ({ type: 1, invocationId: requestId(), target: "cook", arguments: [] }),
      "ping": () => ({ type: 6 }),
    },
  },
  {
    id: "hub-reader", label: "/hubs/reader (SignalR, Novels)", path: () => "/hubs/reader", tokenParameter: "access_token", protocol: "signalr",
    templates: {
      "ping (joined)": () => ({ type: 1, invocationId: requestId(), target: "ping", arguments: [] }),
      "keep-alive": () => ({ type: 6 }),
    },
  },
];

let socket = null;
let current = endpoints[0];

function log(direction, text) {
  const list = $("log");
  const item = document.createElement("li");
  item.dataset.dir = direction;
  const when = document.createElement("span");
  when.className = "when";
  when.textContent = new Date().toISOString().slice(11, 23);
  const arrow = document.createElement("span");
  arrow.className = "dir";
  arrow.textContent = { in: "←", out: "→", info: "·", error: "!" }[direction];
  const body = document.createElement("span");
  body.className = "text";
  body.textContent = text;
  item.append(when, arrow, body);
  list.append(item);
  while (list.children.length > MAX_LOG_ENTRIES) {
    list.firstElementChild.remove();
  }

  list.scrollTop = list.scrollHeight;
}

function findToken(value) {
  if (value && typeof value === "object") {
    for (const key of ["access_token", "accessToken", "token"]) {
      if (typeof value[key] === "string") {
        return value[key];
      }
    }

    for (const child of Object.values(value)) {
      const found = findToken(child);
      if (found) {
        return found;
      }
    }
  }

  return null;
}

async function post(path, body) {
  log("out", `POST ${path} ${pretty({ ...body, password: body.password ? "•••" : undefined })}`);
  const response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const text = await response.text();
  log(response.ok ? "in" : "error", `${response.status} ${text}`);
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: the raw text is in the log as the server wrote it.
  }

  return { response, json };
}

async function signIn(register) {
  const status = $("signin-status");
  const form = { login: $("signin-login").value.trim(), email: $("signin-email").value.trim(), password: $("signin-password").value };
  const routes = signInRoutes[$("signin-route").value];
  try {
    if (register) {
      const [path, body] = routes.register(form);
      const registered = await post(path, body);
      if (!registered.response.ok) {
        status.dataset.state = "error";
        status.textContent = `Registration refused (HTTP ${registered.response.status}); the server's answer is in the frames below.`;
        return;
      }
    }

    const [path, body] = routes.login(register && form.email && $("signin-route").value !== "gateway" ? { ...form, login: form.email } : form);
    const signedIn = await post(path, body);
    const found = signedIn.response.ok ? findToken(signedIn.json) : null;
    if (!found) {
      status.dataset.state = "error";
      status.textContent = `Sign-in refused (HTTP ${signedIn.response.status}); the server's answer is in the frames below.`;
      return;
    }

    $("token").value = found;
    status.dataset.state = "open";
    status.textContent = "Signed in: the access token is below.";
  } catch (error) {
    status.dataset.state = "error";
    status.textContent = `The request failed: ${error.message}`;
  }
}

function fillTemplates() {
  const select = $("template");
  select.replaceChildren(...Object.keys(current.templates).map((name) => new Option(name, name)));
  $("game-id-label").hidden = !current.needsGame && current.id !== "hub-game" && current.id !== "gateway";
  showTemplate();
}

function showTemplate() {
  const make = current.templates[$("template").value];
  $("frame").value = make ? pretty(make()) : "";
}

function setConnected(open, text) {
  const status = $("connection-status");
  status.dataset.state = open ? "open" : text.startsWith("Closed") ? "closed" : "error";
  status.textContent = text;
  $("connect-button").disabled = open;
  $("disconnect-button").disabled = !open;
  $("send-button").disabled = !open;
  $("endpoint").disabled = open;
}

function connect() {
  if (!token()) {
    setConnected(false, "Sign in or paste an access token first.");
    return;
  }

  if (current.needsGame && !$("game-id").value.trim()) {
    setConnected(false, "This socket needs a game id.");
    return;
  }

  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const path = current.path();
  const url = `${scheme}://${location.host}${path}?${current.tokenParameter}=${encodeURIComponent(token())}`;
  log("info", `connecting to ${path}?${current.tokenParameter}=…`);
  const opened = new WebSocket(url);
  socket = opened;
  const protocol = current.protocol;
  opened.onopen = () => {
    setConnected(true, `Connected to ${path}.`);
    if (protocol === "signalr") {
      send(pretty({ protocol: "json", version: 1 }), protocol);
    }
  };
  opened.onmessage = (event) => {
    const text = typeof event.data === "string" ? event.data : "(binary frame)";
    for (const frame of protocol === "signalr" ? text.split(RECORD_SEPARATOR).filter((f) => f.length > 0) : [text]) {
      log("in", frame);
    }
  };
  opened.onerror = () => log("error", "the socket reported an error (the close that follows says more)");
  opened.onclose = (event) => {
    log("info", `closed: code ${event.code}${event.reason ? `, reason "${event.reason}"` : ""}`);
    if (socket === opened) {
      socket = null;
      setConnected(false, `Closed (code ${event.code}${event.reason ? `: ${event.reason}` : ""}).`);
    }
  };
}

function send(text, protocol = current.protocol) {
  if (!socket || socket.readyState !== WebSocket.OPEN) {
    return;
  }

  socket.send(protocol === "signalr" && !text.endsWith(RECORD_SEPARATOR) ? text + RECORD_SEPARATOR : text);
  log("out", text);
}

function init() {
  $("endpoint").replaceChildren(...endpoints.map((e) => new Option(e.label, e.id)));
  $("endpoint").addEventListener("change", () => {
    current = endpoints.find((e) => e.id === $("endpoint").value);
    fillTemplates();
  });
  $("template").addEventListener("change", showTemplate);
  $("game-id").addEventListener("change", showTemplate);
  $("signin").addEventListener("submit", (event) => {
    event.preventDefault();
    signIn(false);
  });
  $("register-button").addEventListener("click", () => signIn(true));
  $("connect-button").addEventListener("click", connect);
  $("disconnect-button").addEventListener("click", () => socket?.close(1000, "closed from the playground"));
  $("send-button").addEventListener("click", () => {
    send($("frame").value);
    showTemplate(); // a fresh request id for the next send
  });
  $("clear-button").addEventListener("click", () => $("log").replaceChildren());
  fillTemplates();
}

init();
