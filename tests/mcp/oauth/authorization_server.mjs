// The authorization server of the OAuth tests: oauth2-mock-server (its metadata, JWKS, /authorize
// and /token, and the JWTs it signs), started on a loopback port, plus a few /test/ routes the
// tests drive it with. Usage: node authorization_server.mjs PORT INTROSPECTION_ID:SECRET
//
//   POST /test/token   {claims, expiresIn, kid}  -> {token}: a JWT signed by the server's key
//   POST /test/rotate                            -> {kid}: a new key; the older ones leave /jwks
//   POST /test/opaque  {token, answer}           -> {}: what /introspect says about `token`
//
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

const server = http.createServer((req, res) => {
  const route = routes[`${req.method} ${new URL(req.url, issuer.url).pathname}`];
  if (route === undefined) return service.requestHandler(req, res);
  route(req, res).catch((error) => reply(res, 500, { error: String(error) }));
});
server.listen(port, "127.0.0.1", () => {
  console.log(JSON.stringify({ issuer: issuer.url, kid: currentKid }));
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
