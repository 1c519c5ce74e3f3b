// The authorization server of the OAuth tests: oauth2-mock-server (its metadata, JWKS, /authorize
// and /token, and the JWTs it signs), started on a loopback port, plus a few /test/ routes the
// tests drive it with. Usage: node authorization_server.mjs PORT INTROSPECTION_ID:SECRET
//
//   POST /test/token   {claims, expiresIn, kid}  -> {token}: a JWT signed by the server's key
//   POST /test/rotate                            -> {kid}: a new key; the older ones leave /jwks
//   POST /test/opaque  {token, answer}           -> {}: what /introspect says about `token`
//   POST /test/user    {claims}                  -> {}: who signs in at /authorize (sub, email,
//                                                   groups...): the claims of the codes' tokens
//
// The authorization code flow (/authorize then /token, PKCE checked by the package) issues the
// access token an MCP client asks for: `aud` is the RFC 8707 `resource` of the token request
// (which must be the one sent to /authorize), `scope` the scopes asked for at /authorize, plus
// the claims of the signed-in user. The package alone would sign `scope: "dummy"` and no `aud`.
// /introspect is answered here (RFC 7662: form body, HTTP Basic client credentials), since the
// package's own endpoint says `active: true` to anything.
import http from "node:http";
import { OAuth2Issuer, OAuth2Service } from "oauth2-mock-server";

const port = Number(process.argv[2]);
const introspectionClient = process.argv[3] ?? "";
const issuer = new OAuth2Issuer();
issuer.url = `http://127.0.0.1:${port}`;
const service = new OAuth2Service(issuer);
const retired = new Set();
const opaque = new Map();
const grants = new Map(); // authorization code -> {scope, resource} asked for at /authorize
let user = {};
let currentKid = (await issuer.keys.generate("RS256")).kid;

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

function reply(res, status, body) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

const routes = {
  "POST /test/token": async (req, res) => {
    const { claims = {}, expiresIn = 3600, kid = currentKid } = JSON.parse(await readBody(req));
    const token = await issuer.buildToken({
      kid,
      expiresIn,
      scopesOrTransform: (_header, payload) => Object.assign(payload, claims),
    });
    reply(res, 200, { token });
  },
  "POST /test/rotate": async (_req, res) => {
    retired.add(currentKid);
    currentKid = (await issuer.keys.generate("RS256")).kid;
    reply(res, 200, { kid: currentKid });
  },
  "POST /test/opaque": async (req, res) => {
    const { token, answer } = JSON.parse(await readBody(req));
    opaque.set(token, answer);
    reply(res, 200, {});
  },
  "POST /test/user": async (req, res) => {
    user = JSON.parse(await readBody(req)).claims ?? {};
    reply(res, 200, {});
  },
  "GET /jwks": async (_req, res) => {
    const keys = issuer.keys.toJSON().filter((key) => !retired.has(key.kid));
    reply(res, 200, { keys });
  },
  "POST /introspect": async (req, res) => {
    const expected = "Basic " + Buffer.from(introspectionClient).toString("base64");
    if (req.headers.authorization !== expected) return reply(res, 401, { error: "invalid_client" });
    const token = new URLSearchParams(await readBody(req)).get("token");
    reply(res, 200, opaque.get(token) ?? { active: false });
  },
};

service.on("beforeAuthorizeRedirect", ({ url }, req) => {
  const code = url.searchParams.get("code");
  const asked = new URL(req.url, issuer.url).searchParams;
  if (code) grants.set(code, { scope: asked.get("scope"), resource: asked.get("resource") });
});

// Fired for the access token, then for the ID token (which the package gives `aud: client_id`
// and no `scope`): only the access token of an authorization code is changed.
service.on("beforeTokenSigning", ({ payload }, req) => {
  const grant = req.body.grant_type === "authorization_code" && grants.get(req.body.code);
  if (!grant || !("scope" in payload)) return;
  Object.assign(payload, user, { scope: grant.scope ?? "" });
  if (req.body.resource) payload.aud = req.body.resource;
  payload.client_id = req.body.client_id;
});

service.on("beforeResponse", (response, req) => {
  if (req.body.grant_type !== "authorization_code") return;
  const grant = grants.get(req.body.code);
  grants.delete(req.body.code); // a code is good for one token
  if (grant === undefined) {
    response.statusCode = 400;
    response.body = { error: "invalid_grant", error_description: "unknown or used code" };
  } else if ((req.body.resource ?? null) !== grant.resource) {
    response.statusCode = 400;
    response.body = { error: "invalid_target", error_description: "not the resource authorized" };
  } else {
    response.body.scope = grant.scope ?? "";
  }
});

const server = http.createServer((req, res) => {
  const route = routes[`${req.method} ${new URL(req.url, issuer.url).pathname}`];
  if (route === undefined) return service.requestHandler(req, res);
  route(req, res).catch((error) => reply(res, 500, { error: String(error) }));
});
server.listen(port, "127.0.0.1", () => {
  console.log(JSON.stringify({ issuer: issuer.url, kid: currentKid }));
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
