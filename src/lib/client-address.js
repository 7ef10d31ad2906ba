// PRIVACY.md P2: the client address is the socket's unless a configured trusted proxy says
// otherwise. src/scripts/serve.mjs applies this to every request before Next or a direct route
// sees it; src/server/rate-limit.ts reads the result. Plain JavaScript with no imports, so the
// server script (run by node as it is) and the TypeScript code share one implementation.

/** @typedef {{ v: 4; parts: number[] } | { v: 6; parts: number[] }} Address  IPv4 bytes or IPv6 16-bit groups */
/** @typedef {{ address: Address; bits: number }} Cidr */

/** @param {string} s @returns {number[] | null} */
function parseIPv4(s) {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

/** @param {string} s @returns {number[] | null} */
function parseIPv6(s) {
  let text = s.split("%", 1)[0] ?? ""; // a zone id (fe80::1%eth0) names a local interface
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = parseIPv4(dotted[1] ?? "");
    if (!v4) return null;
    text = text.slice(0, -(dotted[1] ?? "").length) + [((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0)].map((g) => g.toString(16)).join(":");
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groups = (/** @type {string} */ h) => (h === "" ? [] : h.split(":"));
  const head = groups(halves[0] ?? "");
  const tail = halves.length === 2 ? groups(halves[1] ?? "") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...Array(missing).fill("0"), ...tail];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  return all.map((g) => parseInt(g, 16));
}

/**
 * An address as written in a socket or a forwarding header ("[::1]" brackets allowed), or null.
 * IPv4-mapped IPv6 (::ffff:192.0.2.1, what a dual-stack socket reports) becomes IPv4.
 * @param {string | null | undefined} text
 * @returns {Address | null}
 */
export function parseAddress(text) {
  const s = (text ?? "").trim().replace(/^\[(.*)\]$/, "$1");
  const v4 = parseIPv4(s);
  if (v4) return { v: 4, parts: v4 };
  if (!s.includes(":")) return null;
  // What a dual-stack socket reports for every IPv4 client, on every request: the short way.
  const mapped = /^::ffff:(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i.exec(s);
  const mappedV4 = mapped && parseIPv4(mapped[1] ?? "");
  if (mappedV4) return { v: 4, parts: mappedV4 };
  const v6 = parseIPv6(s);
  if (!v6) return null;
  if (v6.slice(0, 5).every((g) => g === 0) && v6[5] === 0xffff) {
    const [hi = 0, lo = 0] = v6.slice(6);
    return { v: 4, parts: [hi >> 8, hi & 255, lo >> 8, lo & 255] };
  }
  return { v: 6, parts: v6 };
}

/** @param {Address} a */
function format(a) {
  return a.v === 4 ? a.parts.join(".") : a.parts.map((g) => g.toString(16)).join(":");
}

/**
 * What rate limits key on: an IPv4 address, or the /64 an IPv6 address belongs to (one
 * subscriber gets a whole /64, so a single address would be free to change). Null for anything
 * that is not an address.
 * @param {string | null | undefined} text
 */
export function addressBucket(text) {
  const a = parseAddress(text);
  if (!a) return null;
  return a.v === 4 ? format(a) : `${a.parts.slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`;
}

/**
 * Parses TRUSTED_PROXIES: addresses or CIDR ranges separated by commas or spaces.
 * Throws on an entry that is neither, so a typo fails at start instead of trusting nothing.
 * @param {string | null | undefined} value
 * @returns {Cidr[]}
 */
export function parseTrustedProxies(value) {
  return (value ?? "")
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) => {
      const [host = "", prefix] = entry.split("/");
      const address = parseAddress(host);
      const max = address?.v === 4 ? 32 : 128;
      const bits = prefix === undefined ? max : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
      if (!address || !(bits >= 0 && bits <= max)) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or CIDR range`);
      return { address, bits };
    });
}

/** @param {Cidr[]} trusted @param {Address} a */
function isTrusted(trusted, a) {
  return trusted.some(({ address, bits }) => {
    if (address.v !== a.v) return false;
    const width = a.v === 4 ? 8 : 16;
    for (let i = 0, left = bits; left > 0; i++, left -= width) {
      const mask = left >= width ? (1 << width) - 1 : ((1 << left) - 1) << (width - left);
      if (((address.parts[i] ?? 0) & mask) !== ((a.parts[i] ?? 0) & mask)) return false;
    }
    return true;
  });
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then the
 * X-Forwarded-For hops are read from the right (each proxy appends the peer it saw) and the
 * first hop that is not a trusted proxy is the client. Everything left of it was written by the
 * client and is ignored. A malformed hop where a trusted proxy should have written an address
 * stops the walk at the last trusted hop, so garbage cannot mint new addresses either.
 * @param {{ socket: string | null | undefined; forwardedFor?: string | string[] | null; trusted: Cidr[] }} opts
 * @returns {string | null}
 */
export function resolveClientAddress({ socket, forwardedFor, trusted }) {
  const peer = parseAddress(socket);
  return peer ? resolveFrom(peer, isTrusted(trusted, peer), forwardedFor, trusted) : null;
}

/** @param {Address} peer @param {boolean} peerTrusted @param {string | string[] | null | undefined} forwardedFor @param {Cidr[]} trusted */
function resolveFrom(peer, peerTrusted, forwardedFor, trusted) {
  if (!peerTrusted) return format(peer);
  const hops = [forwardedFor ?? []].flat().flatMap((v) => v.split(","));
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = parseAddress(hops[i]);
    if (!hop) break;
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  return format(client);
}

/** Headers a client could use to claim another address; none survive the edge unread. */
export const FORWARDING_HEADERS = ["x-forwarded-for", "x-real-ip", "forwarded", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];

/** What a trusted proxy may say beside the address: it terminates TLS and knows the public host. */
const KEPT_FROM_PROXY = ["x-forwarded-host", "x-forwarded-proto"];

const EDGE = Symbol.for("worker-voice.client-address-edge");

/**
 * Rewrites a Node request's headers in place at the edge: every forwarding header the client
 * sent is dropped and X-Forwarded-For becomes the one resolved address. Behind a trusted proxy,
 * its X-Forwarded-Host and -Proto are kept (it terminates TLS and knows the public host).
 * Marks the process, so the app believes X-Forwarded-For only when this ran (see edgeIsActive).
 * @param {Record<string, string | string[] | undefined>} headers
 * @param {string | null | undefined} socket
 * @param {Cidr[]} trusted
 */
export function applyClientAddress(headers, socket, trusted) {
  markEdgeActive();
  const peer = parseAddress(socket);
  const peerTrusted = peer !== null && isTrusted(trusted, peer);
  const address = peer ? resolveFrom(peer, peerTrusted, headers["x-forwarded-for"], trusted) : null;
  for (const name of FORWARDING_HEADERS) if (name in headers && !(peerTrusted && KEPT_FROM_PROXY.includes(name))) delete headers[name];
  if (address) headers["x-forwarded-for"] = address;
}

/**
 * True once this process's server has applied applyClientAddress. Without it (`next dev`,
 * `next start`) X-Forwarded-For is whatever the client sent, so the app must not believe it.
 */
export function edgeIsActive() {
  return /** @type {Record<symbol, boolean>} */ (/** @type {unknown} */ (globalThis))[EDGE] === true;
}

/** For tests that call handlers without the server: behave as if the edge had run. */
export function markEdgeActive() {
  /** @type {Record<symbol, boolean>} */ (/** @type {unknown} */ (globalThis))[EDGE] = true;
}
