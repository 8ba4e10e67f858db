// The Novels reader: the catalogue (search, genre, status, sort, pages), a novel's page with its
// chapters, and a chapter to read with its neighbours, all through seed 004's public routes in the
// chosen language. The address's fragment says what is shown (#novel/<slug>, #chapter/<id>), so the
// browser's Back works. A signed-in reader's place is saved as each chapter opens (POST /progress),
// and every device of the account hears it at once on /hubs/reader (progress_updated, through the
// SignalR browser client): a novel's page offers to continue where any device left off.
// Refusals show as the server wrote them.
"use strict";

const LIMIT = 20;
const TOKEN_KEY = "cleangames.novels.token";
const $ = (id) => document.getElementById(id);
const view = { page: 1, chaptersPage: 1, novelSlug: "", novelId: "" };
const session = { token: "", hub: null };

const api = (path) => callApi("", "GET", path);

const lang = () => $("lang").value;

function show(name) {
  for (const section of ["catalogue", "novel", "chapter"]) {
    $(`${section}-view`).hidden = section !== name;
  }
}

function pager(name, pagination) {
  $(`${name}-prev`).disabled = !pagination?.has_prev;
  $(`${name}-next`).disabled = !pagination?.has_next;
}

// ---------- signing in and the reader hub ----------

async function signIn(event) {
  event.preventDefault();
  setStatus("signin-status", "Signing in…");
  const answer = await callApi("", "POST", "/api/v1/auth/login", { email: $("signin-email").value.trim(), password: $("signin-password").value });
  if (!answer.ok) {
    setStatus("signin-status", answer.message, "error");
    return;
  }

  $("signin-password").value = "";
  useToken(answer.json.data.access_token, answer.json.data.user?.display_name);
}

function useToken(token, name) {
  session.token = token;
  sessionStorage.setItem(TOKEN_KEY, token);
  $("signout-button").hidden = false;
  $("signin-form").hidden = true;
  $("account-summary").textContent = `Signed in${name ? ` as ${name}` : ""}: your place is kept on every device`;
  setStatus("signin-status", `Signed in as account ${accountIdOf(token)}.`);
  openHub();
  route();
}

function signOut() {
  session.token = "";
  sessionStorage.removeItem(TOKEN_KEY);
  session.hub?.stop();
  session.hub = null;
  $("signout-button").hidden = true;
  $("signin-form").hidden = false;
  $("account-summary").textContent = "Sign in to keep your place on every device";
  setStatus("signin-status", "Signed out.");
  setStatus("synced", "");
  $("continue").hidden = true;
}

/** /hubs/reader: a place saved on any device of the account arrives here at once. */
function openHub() {
  if (session.hub) {
    return;
  }

  const hub = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/reader", { accessTokenFactory: () => session.token })
    .withAutomaticReconnect()
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  session.hub = hub;
  hub.on("progress_updated", (progress) => {
    setStatus("synced", `Your place was saved: chapter ${progress.chapter_number}.`);
    if (progress.novel_id === view.novelId) {
      showContinue(progress);
    }
  });
  hub.onclose(() => {
    if (session.hub === hub) {
      session.hub = null;
    }
  });
  hub.start().catch(() => {
    session.hub = null;
  });
}

function showContinue(progress) {
  $("continue").hidden = !progress;
  if (progress) {
    $("continue-link").textContent = `Continue with chapter ${progress.chapter_number}`;
    $("continue-link").href = `#chapter/${encodeURIComponent(progress.chapter_id)}`;
  }
}

async function saveProgress(chapter) {
  if (!session.token) {
    return;
  }

  const answer = await callApi(session.token, "POST", "/api/v1/progress", { novel_id: chapter.novel_id, chapter_id: chapter.id, position: 0 });
  if (!answer.ok) {
    setStatus("synced", answer.message, "error");
  }
}

// ---------- catalogue ----------

async function loadCatalogue() {
  show("catalogue");
  setStatus("catalogue-status", "Loading…");
  const query = new URLSearchParams({ lang: lang(), page: view.page, limit: LIMIT, sort: $("sort").value });
  if ($("search").value.trim()) {
    query.set("search", $("search").value.trim());
  }

  if ($("genre").value) {
    query.append("genres[]", $("genre").value);
  }

  if ($("translation-status").value) {
    query.set("status", $("translation-status").value);
  }

  const answer = await api(`/api/v1/novels?${query}`);
  if (!answer.ok) {
    $("novels").replaceChildren();
    pager("novels", null);
    setStatus("catalogue-status", answer.message, "error");
    return;
  }

  const { novels, filters } = answer.json.data;
  const pagination = answer.json.pagination;
  fillGenres(filters.genres);
  $("novels").replaceChildren(...novels.map(novelCard));
  pager("novels", pagination);
  setStatus("catalogue-status", pagination.total_items
    ? `${pagination.total_items} novel${pagination.total_items === 1 ? "" : "s"}; page ${pagination.current_page} of ${pagination.total_pages}.`
    : "No novel matches.");
}

function fillGenres(genres) {
  const select = $("genre");
  const chosen = select.value;
  const any = element("option", null, "any");
  any.value = "";
  select.replaceChildren(any, ...genres.map((genre) => {
    const option = element("option", null, genre.name);
    option.value = genre.slug;
    return option;
  }));
  select.value = genres.some((g) => g.slug === chosen) ? chosen : "";
}

function novelCard(novel) {
  const item = element("li");
  item.dataset.slug = novel.slug;
  const link = element("a", null, novel.title);
  link.href = `#novel/${encodeURIComponent(novel.slug)}`;
  item.append(link);
  item.append(element("p", "meta", [novel.author, novel.release_year, novel.translation_status, `${novel.views_total} views`].filter((x) => x !== null && x !== undefined).join(" · ")));
  const tags = element("p");
  tags.append(...novel.genres.concat(novel.tags).map((t) => element("span", "tag", t.name)));
  item.append(tags);
  return item;
}

// ---------- a novel ----------

async function loadNovel(slug) {
  show("novel");
  if (view.novelSlug !== slug) {
    view.novelSlug = slug;
    view.chaptersPage = 1;
  }

  setStatus("status", "Loading…");
  const [detail, chapters] = await Promise.all([
    callApi(session.token, "GET", `/api/v1/novels/${encodeURIComponent(slug)}?lang=${lang()}`),
    api(`/api/v1/novels/${encodeURIComponent(slug)}/chapters?${new URLSearchParams({ lang: lang(), page: view.chaptersPage, limit: LIMIT })}`),
  ]);
  if (!detail.ok || !chapters.ok) {
    setStatus("status", (detail.ok ? chapters : detail).message, "error");
    return;
  }

  setStatus("status", "");
  const novel = detail.json.data;
  view.novelId = novel.id;
  showContinue(session.token ? novel.user_progress : null);
  $("novel-title").textContent = novel.title;
  $("novel-meta").textContent = [novel.author, novel.release_year, novel.translation_status, `${novel.chapters_published} chapters`, `${novel.views_total} views`]
    .filter((x) => x !== null && x !== undefined).join(" · ");
  $("novel-tags").replaceChildren(...novel.genres.concat(novel.tags).map((t) => element("span", "tag", t.name)));
  $("novel-description").textContent = novel.description ?? "";
  const cover = $("novel-cover");
  cover.hidden = !novel.cover_image_url;
  if (novel.cover_image_url) {
    cover.src = novel.cover_image_url;
    cover.alt = `Cover of ${novel.title}`;
  }

  const list = chapters.json.data.chapters;
  $("chapters").replaceChildren(...list.map((chapter) => {
    const item = element("li");
    item.value = chapter.number;
    const link = element("a", null, chapter.title);
    link.href = `#chapter/${encodeURIComponent(chapter.id)}`;
    item.append(link);
    return item;
  }));
  if (!list.length) {
    $("chapters").append(element("li", "meta", "No chapter yet."));
  }

  pager("chapters", chapters.json.pagination);
}

// ---------- a chapter ----------

async function loadChapter(id) {
  show("chapter");
  setStatus("status", "Loading…");
  const answer = await api(`/api/v1/chapters/${encodeURIComponent(id)}?lang=${lang()}`);
  if (!answer.ok) {
    setStatus("status", answer.message, "error");
    return;
  }

  setStatus("status", "");
  const chapter = answer.json.data;
  $("chapter-title").textContent = `${chapter.number}. ${chapter.title}`;
  $("chapter-meta").textContent = `${chapter.word_count} words · about ${chapter.reading_time_minutes} min`;
  // Text only: the content is never interpreted as markup.
  $("chapter-content").textContent = chapter.content;
  for (const [button, neighbour] of [["chapter-prev", chapter.prev_chapter], ["chapter-next", chapter.next_chapter]]) {
    $(button).disabled = !neighbour;
    $(button).dataset.target = neighbour ? neighbour.id : "";
    $(button).title = neighbour ? `${neighbour.number}. ${neighbour.title}` : "";
  }

  $("back-to-novel").dataset.novelId = chapter.novel_id;
  window.scrollTo(0, 0);
  saveProgress(chapter);
}

// ---------- navigation ----------

function route() {
  const [kind, value] = location.hash.slice(1).split("/");
  if (kind === "novel" && value) {
    loadNovel(decodeURIComponent(value));
  } else if (kind === "chapter" && value) {
    loadChapter(decodeURIComponent(value));
  } else {
    setStatus("status", "");
    loadCatalogue();
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    view.page = 1;
    loadCatalogue();
  });
  $("novels-prev").addEventListener("click", () => { view.page = Math.max(1, view.page - 1); loadCatalogue(); });
  $("novels-next").addEventListener("click", () => { view.page += 1; loadCatalogue(); });
  $("chapters-prev").addEventListener("click", () => { view.chaptersPage = Math.max(1, view.chaptersPage - 1); loadNovel(view.novelSlug); });
  $("chapters-next").addEventListener("click", () => { view.chaptersPage += 1; loadNovel(view.novelSlug); });
  for (const button of ["chapter-prev", "chapter-next"]) {
    $(button).addEventListener("click", () => { location.hash = `#chapter/${encodeURIComponent($(button).dataset.target)}`; });
  }

  $("back-to-catalogue").addEventListener("click", (event) => { event.preventDefault(); location.hash = ""; });
  $("back-to-novel").addEventListener("click", (event) => {
    event.preventDefault();
    location.hash = view.novelSlug ? `#novel/${encodeURIComponent(view.novelSlug)}` : "";
  });
  $("lang").addEventListener("change", route);
  $("signin-form").addEventListener("submit", signIn);
  $("signout-button").addEventListener("click", signOut);
  window.addEventListener("hashchange", route);
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved && accountIdOf(saved)) {
    useToken(saved);
  } else {
    route();
  }
});
