// Preloaded into the CLI by tests/no-network.test.ts (NODE_OPTIONS=--require): every way
// Node opens a connection or resolves a name throws, so a run that tried would fail loudly.
const fail = (what) => () => {
  throw new Error(`phi-lint test: network use is forbidden (${what})`);
};
const net = require('node:net');
const tls = require('node:tls');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const dgram = require('node:dgram');
net.connect = net.createConnection = fail('net.connect');
net.Socket.prototype.connect = fail('net.Socket.connect');
tls.connect = fail('tls.connect');
for (const m of [http, https]) {
  m.request = fail('http.request');
  m.get = fail('http.get');
}
dgram.createSocket = fail('dgram.createSocket');
for (const k of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) {
  dns[k] = fail(`dns.${k}`);
  if (dns.promises[k]) dns.promises[k] = fail(`dns.promises.${k}`);
}
if (typeof globalThis.fetch === 'function') globalThis.fetch = fail('fetch');
process.env.PHI_LINT_NO_NETWORK_LOADED = '1';
