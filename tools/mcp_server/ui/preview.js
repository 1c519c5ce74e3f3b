// The preview view: speaks the MCP Apps protocol (JSON-RPC over postMessage) with its host.
// The host shows it with create_training's result; Create calls the app-only commit tool.
"use strict";
const LIMITS = /*PREVIEW_LIMITS*/;
const COMMIT_TOOL = /*COMMIT_TOOL*/;
const CREATE_TOOL = /*CREATE_TOOL*/;
const TEXTS = ["title", "subtitle", "description"];
const WORDS = {
  en: {
    waiting: "Waiting for the training…", heading: "Create this training?", title: "Title",
    subtitle: "Subtitle", description: "Description", level: "Level", type: "Type",
    provider: "Provider", category: "Category", certifying: "Certifying", mandatory: "Mandatory",
    yes: "yes", no: "no", notSet: "not set", create: "Create", cancel: "Cancel",
    creating: "Creating…",
    catalogNote: "It will be Ready (usable for new sessions) but not shown in the public catalog until an admin publishes it in Lucca.",
    count: (n, max) => `${n} of ${max} characters`,
    over: (n, max) => `${n} of ${max} characters: ${n - max} too many`,
    blank: "cannot be blank",
    fix: "Correct the fields marked in red before creating.",
    created: "Training created", existing: "Already in the catalog",
    createdText: (id, status) => `Training #${id}: ${status}.`,
    cancelled: "Not created", cancelledText: "You cancelled: nothing was created.",
    failed: "Not created",
    levels: { Beginner: "Beginner", Middle: "Middle", Expert: "Expert" },
    types: { External: "External", Internal: "Internal" },
  },
  fr: {
    waiting: "En attente de la formation…", heading: "Créer cette formation ?", title: "Titre",
    subtitle: "Sous-titre", description: "Description", level: "Niveau", type: "Type",
    provider: "Organisme", category: "Catégorie", certifying: "Certifiante", mandatory: "Obligatoire",
    yes: "oui", no: "non", notSet: "non renseigné", create: "Créer", cancel: "Annuler",
    creating: "Création…",
    catalogNote: "Elle sera prête (utilisable pour de nouvelles sessions) mais absente du catalogue public tant qu’un administrateur ne l’aura pas publiée dans Lucca.",
    count: (n, max) => `${n} sur ${max} caractères`,
    over: (n, max) => `${n} sur ${max} caractères : ${n - max} de trop`,
    blank: "ne peut pas être vide",
    fix: "Corrigez les champs signalés en rouge avant de créer.",
    created: "Formation créée", existing: "Déjà dans le catalogue",
    createdText: (id, status) => `Formation n° ${id} : ${status}.`,
    cancelled: "Non créée", cancelledText: "Vous avez annulé : rien n’a été créé.",
    failed: "Non créée",
    levels: { Beginner: "Débutant", Middle: "Intermédiaire", Expert: "Expert" },
    types: { External: "Externe", Internal: "Interne" },
  },
};
let words = WORDS.en;
let language = "en";
let draft = null;       // the training exactly as the server previewed it
let token = null;       // the confirmation token for that draft
let references = {};
let busy = false;

// --- JSON-RPC over postMessage -------------------------------------------------------------
let nextId = 1;
const pending = new Map();
function send(message) { window.parent.postMessage({ jsonrpc: "2.0", ...message }, "*"); }
function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}
window.addEventListener("message", (event) => {
  if (event.source !== window.parent) return;
  const message = event.data;
  if (!message || message.jsonrpc !== "2.0") return;
  if (message.id !== undefined && !message.method) {
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (waiter) message.error ? waiter.reject(new Error(message.error.message)) : waiter.resolve(message.result);
    return;
  }
  if (message.method === "ui/notifications/tool-result") showResult(message.params);
  else if (message.method === "ui/notifications/host-context-changed") applyContext(message.params);
  else if (message.method === "ui/notifications/tool-cancelled") finish("cancelled");
  else if (message.method === "ui/resource-teardown") send({ id: message.id, result: {} });
  else if (message.id !== undefined) send({ id: message.id, error: { code: -32601, message: "Method not found" } });
});

// --- Host context: theme, style variables, locale ------------------------------------------
function applyContext(context) {
  if (!context) return;
  if (context.theme) document.documentElement.style.colorScheme = context.theme;
  const variables = context.styles && context.styles.variables;
  for (const [name, value] of Object.entries(variables || {})) {
    if (name.startsWith("--") && value) document.documentElement.style.setProperty(name, value);
  }
  if (context.locale) {
    language = String(context.locale).toLowerCase().startsWith("fr") ? "fr" : "en";
    words = WORDS[language];
    document.documentElement.lang = language;
    for (const node of document.querySelectorAll("[data-t]")) node.textContent = words[node.dataset.t];
    if (draft) render();
  }
}

// --- What the view shows --------------------------------------------------------------------
const $ = (id) => document.getElementById(id);
function showResult(result) {
  const content = result && result.structuredContent;
  if (!content) return finish("failed", textOf(result));
  if (content.outcome === "awaiting_confirmation") {
    draft = content.preview; token = content.confirmationToken; references = content.references || {};
    for (const field of TEXTS) $(field).value = draft[field] || "";
    render();
  } else if (content.training) {
    finish(content.outcome === "existing" ? "existing" : "created", "", content.training);
  } else {
    finish(content.outcome === "cancelled" || content.outcome === "declined" ? "cancelled" : "failed", content.summary);
  }
}
function textOf(result) {
  return ((result && result.content) || []).filter((b) => b.type === "text").map((b) => b.text).join("\n");
}
function referenceName(field) {
  const reference = references[field];
  if (draft[field + "Id"] == null) return words.notSet;
  if (!reference || !reference.name) return `#${draft[field + "Id"]}`;
  return (reference.translations || {})[language] || reference.name;
}
function render() {
  $("waiting").hidden = true;
  $("preview").hidden = false;
  const facts = [
    [words.level, words.levels[draft.level] || draft.level],
    [words.type, draft.type ? words.types[draft.type] || draft.type : words.notSet],
    [words.provider, referenceName("provider")],
    [words.category, referenceName("category")],
    [words.certifying, draft.isCertifying ? words.yes : words.no],
    [words.mandatory, draft.isMandatory ? words.yes : words.no],
  ];
  $("facts").replaceChildren(...facts.flatMap(([term, value]) => {
    const dt = document.createElement("dt"); dt.textContent = term;
    const dd = document.createElement("dd"); dd.textContent = value;
    return [dt, dd];
  }));
  checkAll();
  notifySize();
}
function check(field) {
  const value = $(field).value.trim();
  const length = value.length; // UTF-16 units, as Lucca counts
  const max = LIMITS[field];
  const problem = length === 0 ? words.blank : length > max ? words.over(length, max) : null;
  $(field).setAttribute("aria-invalid", problem ? "true" : "false");
  const count = $(field + "-count");
  count.textContent = problem && length === 0 ? words.blank : problem || words.count(length, max);
  count.classList.toggle("over", Boolean(problem));
  return !problem;
}
function checkAll() {
  const fine = TEXTS.map(check).every(Boolean);
  $("create").disabled = busy || !fine;
  if (fine) $("problem").hidden = true;
  return fine;
}
for (const field of TEXTS) $(field).addEventListener("input", checkAll);

function finish(kind, detail, training) {
  busy = false;
  $("preview").hidden = true; $("waiting").hidden = true; $("done").hidden = false;
  $("done-heading").textContent = words[kind] || words.failed;
  $("done-text").textContent = training
    ? words.createdText(training.id, training.catalogStatus)
    : kind === "cancelled" && !detail ? words.cancelledText : detail || "";
  notifySize();
}

// --- The user's two buttons -----------------------------------------------------------------
async function callTool(name, args) {
  const result = await request("tools/call", { name, arguments: args });
  if (result && result.isError) throw new Error(textOf(result));
  return result;
}
$("preview").addEventListener("submit", async (event) => {
  event.preventDefault();
  if (busy || !token) return;
  if (!checkAll()) { $("problem").textContent = words.fix; $("problem").hidden = false; return; }
  busy = true; $("create").disabled = true; $("create").textContent = words.creating;
  const final = { ...draft };
  for (const field of TEXTS) final[field] = $(field).value.trim();
  try {
    let confirmed = token;
    if (TEXTS.some((field) => final[field] !== draft[field])) {
      // Corrected in the view: the server previews (and checks) what will really be sent.
      const again = (await callTool(CREATE_TOOL, final)).structuredContent || {};
      if (again.outcome !== "awaiting_confirmation") return showResult({ structuredContent: again });
      confirmed = again.confirmationToken;
      Object.assign(final, again.preview);
    }
    const result = await callTool(COMMIT_TOOL, { confirmationToken: confirmed, training: final });
    showResult(result);
    request("ui/update-model-context", { content: result.content }).catch(() => {});
  } catch (error) {
    busy = false;
    $("create").textContent = words.create;
    $("problem").textContent = error.message; $("problem").hidden = false;
    checkAll();
  }
});
$("cancel").addEventListener("click", () => {
  finish("cancelled");
  request("ui/update-model-context", {
    content: [{ type: "text", text: "The user cancelled the creation in the preview: nothing was created." }],
  }).catch(() => {});
});

function notifySize() {
  const { scrollWidth: width, scrollHeight: height } = document.documentElement;
  send({ method: "ui/notifications/size-changed", params: { width, height } });
}

request("ui/initialize", {
  appInfo: { name: "lucca-training-preview", version: "1" },
  appCapabilities: {},
  protocolVersion: "2026-01-26",
}).then((answer) => {
  applyContext(answer && answer.hostContext);
  send({ method: "ui/notifications/initialized", params: {} });
});
