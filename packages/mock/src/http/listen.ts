// Starting and stopping a node:http server as the mock's ports and the callbacks relay do: a listen that rejects
// (a port in use) instead of emitting, and a close that does not wait for kept-alive connections to idle out.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on `address:port` (0: any free port) and resolves with the server's base URL. */
export function listenOn(server: Server, port: number, address: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => {
      server.off('error', reject);
      const { port: bound } = server.address() as AddressInfo;
      resolve(`http://${address.includes(':') ? `[${address}]` : address}:${bound}`);
    });
  });
}

/** Closes the server and every connection it still holds. */
export function closeNow(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}
