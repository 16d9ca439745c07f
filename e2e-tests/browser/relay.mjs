// A TCP relay between the browser and the gateway that can cut every connection, as a flaky network does.
// `silenceAfter(pattern)` arms it: once bytes from the gateway containing `pattern` have been passed on to the browser
// (e.g. the first `"type":"chunk"` of an answer), nothing more gets through, as when a network stalls. `cut(ms)` then
// destroys every open connection and refuses new ones for `ms` milliseconds. `hold(pattern)` instead stops only the
// connection that carried `pattern`, until `release()`.
import net from 'node:net';

export async function startRelay(target) {
  const { hostname, port } = new URL(target);
  const sockets = new Set();
  let downUntil = 0;
  let armed = null; // { pattern, hold }
  let silent = false;
  let held = [];
  let cuts = 0;

  const server = net.createServer(client => {
    if (silent || Date.now() < downUntil) { client.destroy(); return; }
    const upstream = net.connect(Number(port), hostname);
    sockets.add(client);
    sockets.add(upstream);
    const forget = () => { sockets.delete(client); sockets.delete(upstream); client.destroy(); upstream.destroy(); };
    client.on('error', forget).on('close', forget);
    upstream.on('error', forget).on('close', forget);
    client.on('data', data => { if (!silent) upstream.write(data); });
    upstream.on('data', data => {
      if (silent || held.includes(client)) return; // lost on the way / held back
      client.write(data);
      if (armed && data.toString('latin1').includes(armed.pattern)) {
        if (armed.hold) held.push(client);
        else silent = true;
        armed = null;
      }
    });
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${server.address().port}`,
    get cuts() { return cuts; },
    silenceAfter(pattern) { armed = { pattern, hold: false }; },
    cut(ms) {
      cuts++;
      downUntil = Date.now() + ms;
      silent = false;
      for (const socket of [...sockets]) socket.destroy();
    },
    hold(pattern) { armed = { pattern, hold: true }; },
    release() { held = []; },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise(resolve => server.close(resolve));
    }
  };
}
