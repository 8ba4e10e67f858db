// Shared by the pages: calling the API with the bearer token, reading a refusal in the server's own
// words, the account id a token names, and the two DOM helpers every page uses (a status line, a new
// element with its text). Loaded before each page's own script.
"use strict";

/** The server's own words: Problem Details `detail`/`title`, FastAPI `detail`, a `message`, the Novels `error` (with its field details), else the raw text. */
function serverMessage(status, text) {
  try {
    const json = JSON.parse(text);
    if (typeof json?.detail === "string" && json.detail) {
      return json.detail;
    }

    if (Array.isArray(json?.detail)) {
      return json.detail.map((d) => (d.loc ? `${d.loc.join(".")}: ` : "") + d.msg).join("; ");
    }

    if (typeof json?.title === "string") {
      return json.title;
    }

    if (typeof json?.message === "string") {
      return json.message;
    }

    if (typeof json?.error?.message === "string") {
      const details = Array.isArray(json.error.details) ? json.error.details.filter((d) => d && d.field) : [];
      return details.length ? `${json.error.message}: ${details.map((d) => `${d.field}: ${d.message}`).join("; ")}` : json.error.message;
    }
  } catch {
    // not JSON: the raw text below
  }

  return text || `HTTP ${status}`;
}

/** The account id in a JWT's `sub` claim ("" when it is not a token). */
function accountIdOf(token) {
  try {
    const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return String(JSON.parse(atob(payload.padEnd(payload.length + ((4 - (payload.length % 4)) % 4), "="))).sub ?? "");
  } catch {
    return "";
  }
}

/** Calls the API with `token` as the bearer: `{ok, status, json, message}`, `message` being the server's words on a refusal. */
async function callApi(token, method, path, body) {
  const headers = { Accept: "application/json" };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }

  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }

  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    return { ok: false, status: 0, json: null, message: `The server could not be reached: ${error.message}` };
  }

  const text = await response.text();
  if (!response.ok) {
    return { ok: false, status: response.status, json: null, message: serverMessage(response.status, text) };
  }

  return { ok: true, status: response.status, json: text ? JSON.parse(text) : {}, message: "" };
}

/** Writes `message` into the status line `id`; `state` ("ok", "error") colours it. */
function setStatus(id, message, state) {
  const line = document.getElementById(id);
  line.textContent = message;
  line.dataset.state = state || "";
}

/** A new element with a class and text (set as text, never as markup). */
function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }

  if (text !== undefined && text !== null) {
    node.textContent = text;
  }

  return node;
}
