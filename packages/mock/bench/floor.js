#!/usr/bin/env node
// The floor for the mock's throughput: what any Node server must pay for a signed send, and no more. A bare node:http
// server that reads the body, checks the md5 signature, parses the JSON and answers a fixed accepted envelope.
// `node bench/floor.js <port> <answer text>`; listens on 127.0.0.1 only, with the demo credentials.
import { createServer } from 'node:http';
import { verifySignature } from '@org/nxwa-signing';

const [port, accepted] = process.argv.slice(2);
const refused = JSON.stringify({ code: 1003, message: 'Invalid signature', data: null });
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    const verdict = verifySignature({
      headers: req.headers,
      body: raw,
      accessSecret: 'nxwa-demo-secret',
      maxDriftMs: 60_000,
    });
    let body;
    try {
      body = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {};
    } catch {}
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(verdict.valid && body ? accepted : refused);
  });
});
server.keepAliveTimeout = 5_000;
server.listen(Number(port), '127.0.0.1', () => process.send?.('listening'));
process.on('SIGTERM', () => process.exit(0));
