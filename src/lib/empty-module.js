// Stands in for Node's `crypto` in browser bundles (next.config.js): the blind-signature
// library's bundled sjcl asks for it only to seed itself under Node, and falls back to
// WebCrypto when it is absent. Without this, Turbopack ships crypto-browserify (~140 KB gzipped).
export {};
