// The landing page's live parts: the server's readiness and whether the API reference is published.
"use strict";

async function showHealth() {
  const badge = document.getElementById("health");
  try {
    const response = await fetch("/health/ready", { cache: "no-store" });
    const report = await response.json();
    const failing = Object.entries(report.checks || {}).filter(([, state]) => state !== "healthy").map(([name]) => name);
    badge.dataset.state = report.status === "healthy" ? "healthy" : "unhealthy";
    badge.textContent = report.status === "healthy"
      ? "Server ready: every readiness check passes."
      : `Server not ready (HTTP ${response.status})${failing.length ? ": " + failing.join(", ") : ""}.`;
  } catch (error) {
    badge.dataset.state = "unreachable";
    badge.textContent = `The server did not answer its readiness check: ${error.message}`;
  }
}

async function showReference() {
  const note = document.getElementById("reference-note");
  try {
    const response = await fetch("/openapi/v1.json", { cache: "no-store" });
    if (!response.ok) {
      note.textContent = `(not published on this server: HTTP ${response.status})`;
    }
  } catch (error) {
    note.textContent = `(could not be checked: ${error.message})`;
  }
}

showHealth();
showReference();
