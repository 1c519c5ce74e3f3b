// The preview view in a real browser: Debian's Chromium, driven by playwright-core, loads the
// test host page (official AppBridge, TS SDK client) that talks to a running `serve` over HTTP.
// Run by tests/mcp/apps/test_browser.py, which starts the sandbox and the server.
import assert from "node:assert/strict";
import { readFile, mkdir } from "node:fs/promises";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { build } from "esbuild";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const { MCP_URL, SANDBOX_URL, LUCCA_KEY, MCP_TOKEN, SHOTS_DIR } = process.env;
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const HOST = "http://host.test";
const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
];
const DRAFT = {
  subtitle: "Prepare, open, close",
  description: "Three half-days of practice with role plays.",
  level: "Beginner", isCertifying: false, isMandatory: true,
  type: "Internal", providerId: 12, categoryId: 2,
};

let browser, bundle, axeSource;

before(async () => {
  const built = await build({
    entryPoints: [path.join(here, "host.js")], bundle: true, format: "iife",
    platform: "browser", write: false, logLevel: "warning",
  });
  bundle = built.outputFiles[0].text;
  axeSource = await readFile(path.join(here, "node_modules/axe-core/axe.min.js"), "utf8");
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
});
after(async () => browser && (await browser.close()));

async function posts() {
  const log = await (await fetch(`${SANDBOX_URL}/_sandbox/requests`)).json();
  return log.filter((entry) => entry.method === "POST");
}

async function training(id) {
  const url = `${SANDBOX_URL}/talent-training/api/v1/trainings?id=${id}`;
  const answer = await fetch(url, { headers: { Authorization: `lucca application=${LUCCA_KEY}` } });
  return (await answer.json()).items[0];
}

/** A page of the test host with the view of `draft` shown; its frame and locator. */
async function openView(draft, { locale = "en-US", theme = "light", width = 480 } = {}) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale });
  page.on("pageerror", (error) => console.error("page error:", error.message));
  await page.route(`${HOST}/**`, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.pathname === "/host.html") {
      return route.fulfill({ contentType: "text/html", body: await readFile(path.join(here, "host.html")) });
    }
    if (url.pathname === "/host.bundle.js") return route.fulfill({ contentType: "text/javascript", body: bundle });
    if (url.pathname === "/mcp") {
      if (request.method() !== "POST") return route.fulfill({ status: 405 }); // no standalone stream
      const headers = { ...request.headers() };
      for (const name of ["origin", "referer", "host"]) delete headers[name];
      const response = await route.fetch({ url: MCP_URL, headers });
      return route.fulfill({ response });
    }
    return route.abort();
  });
  await page.goto(`${HOST}/host.html`);
  const shown = await page.evaluate((args) => window.host.open(args), { draft, locale, theme, token: MCP_TOKEN });
  const view = page.frameLocator("iframe");
  await view.locator("#preview").waitFor({ state: "visible" });
  return { page, view, shown };
}

const titled = (title) => ({ ...DRAFT, title });
const viewFrame = (page) => page.frames().find((candidate) => candidate !== page.mainFrame());

/** The view as it is now, cut to its content, into docs/images (made by this test only). */
async function shoot(page, name) {
  if (!SHOTS_DIR) return;
  await mkdir(SHOTS_DIR, { recursive: true });
  const frame = viewFrame(page);
  const height = await frame.evaluate(() => Math.ceil(document.getElementById("app").getBoundingClientRect().bottom) + 12);
  await page.setViewportSize({ width: 320, height: Math.min(height + 20, 1400) });
  await page.locator("iframe").evaluate((el, h) => (el.style.height = `${h}px`), height);
  await page.locator("iframe").screenshot({ path: path.join(SHOTS_DIR, `mcp-apps-${name}.png`) });
}

async function noAxeViolation(page) {
  const frame = viewFrame(page);
  await frame.addScriptTag({ content: axeSource });
  const { violations } = await frame.evaluate(() => window.axe.run(document));
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`), []);
}

test("Create makes exactly one POST, then the view shows the id", async () => {
  const before = (await posts()).length;
  const { page, view, shown } = await openView(titled("Negotiation in the browser"), { width: 320 });
  assert.equal(shown.outcome, "awaiting_confirmation");
  assert.equal((await posts()).length, before, "the preview created nothing");
  await view.getByRole("button", { name: "Create" }).click();
  await view.locator("#done-text").filter({ hasText: "#" }).waitFor();
  const created = await posts();
  assert.equal(created.length, before + 1);
  const text = await view.locator("#done-text").textContent();
  const id = Number(/#(\d+)/.exec(text)[1]);
  assert.equal((await training(id)).title, "Negotiation in the browser");
  assert.match(text, /Ready/);
  const told = await page.evaluate(() => window.host.modelContext);
  assert.ok(told.some((update) => JSON.stringify(update).includes(String(id))), "the model is told");
  await noAxeViolation(page);
  await shoot(page, "created-en");
  await page.close();
});

test("Cancel makes no request to create", async () => {
  const before = (await posts()).length;
  const { page, view } = await openView(titled("Cancelled in the browser"));
  await view.getByRole("button", { name: "Cancel" }).click();
  await view.locator("#done-heading").filter({ hasText: "Not created" }).waitFor();
  assert.equal((await posts()).length, before);
  await page.close();
});

test("a text corrected in the view (with the keyboard alone) is what gets created", async () => {
  const before = (await posts()).length;
  const { page, view } = await openView(titled("Edited in the browser"));
  await view.getByLabel("Subtitle").fill("Corrected by the user in the view");
  // The keyboard alone: from the subtitle, Tab to the description, Tab to Create, Enter.
  await view.getByLabel("Subtitle").press("Tab");
  await view.getByLabel("Description").press("Tab");
  assert.equal(await viewFrame(page).evaluate(() => document.activeElement.id), "create");
  await page.keyboard.press("Enter");
  await view.locator("#done-text").filter({ hasText: "#" }).waitFor();
  assert.equal((await posts()).length, before + 1);
  const id = Number(/#(\d+)/.exec(await view.locator("#done-text").textContent())[1]);
  assert.equal((await training(id)).subtitle, "Corrected by the user in the view");
  await page.close();
});

test("a text over its limit cannot be submitted", async () => {
  const before = (await posts()).length;
  const { page, view } = await openView(titled("Too long in the browser"), { width: 320 });
  const title = view.getByLabel("Title", { exact: true });
  await title.fill("x".repeat(251));
  await view.locator("#title-count").filter({ hasText: "1 too many" }).waitFor();
  assert.equal(await title.getAttribute("aria-invalid"), "true");
  assert.ok(await view.getByRole("button", { name: "Create" }).isDisabled());
  await title.press("Enter"); // the form's implicit submission
  assert.ok(await view.locator("#preview").isVisible(), "still the form");
  assert.equal((await posts()).length, before);
  await noAxeViolation(page);
  await shoot(page, "over-limit-en");
  await page.close();
});

for (const [locale, language, theme] of [["en-US", "en", "light"], ["fr-FR", "fr", "light"], ["en-US", "en", "dark"]]) {
  test(`axe-core finds no violation (${language}, ${theme}); screenshot at 320 px`, async () => {
    const draft = language === "fr"
      ? { ...DRAFT, title: "Les bases de la négociation", subtitle: "Préparer, ouvrir, conclure",
          description: "Trois demi-journées de pratique, avec des jeux de rôle." }
      : titled("Negotiation basics");
    const { page, view } = await openView(draft, { locale, theme, width: 320 });
    if (language === "fr") await view.getByRole("button", { name: "Créer" }).waitFor();
    const frame = viewFrame(page);
    const background = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, theme === "dark" ? "rgb(38, 38, 36)" : "rgb(255, 255, 255)", "the host's theme");
    await noAxeViolation(page);
    if (theme === "light") await shoot(page, `preview-${language}`);
    await page.close();
  });
}
