// A host restarted by its service manager (systemd Restart=always) on its fixed port: the desk that
// was open says the connection is lost, then finds the host again by itself and asks its operator to
// log on again. Before the tokens were kept in the data directory, the restarted host refused the
// desk's old token (403) and the desk showed "connection lost" for ever.
import net from 'node:net';
import { expect, logOn, openDesk, test } from './fixtures';

/** A free loopback port for the host's --port (the host binds it again at once). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

for (const language of ['en', 'hi'] as const) {
  test(`the desk reconnects by itself after the host restarts on its port (${language})`, async ({
    rig,
    page,
  }) => {
    const port = String(await freePort());
    let host = await rig.startHost(['--port', port]);
    await openDesk(page, host.url);
    if (language === 'hi') await page.getByTestId('lang-hi').click();
    const firstUrl = host.url;

    await host.stop();
    await expect(page.getByTestId('stale-banner')).toBeVisible();
    await page.screenshot({ path: `test-results/screens/host-restart-lost-${language}.png` });

    host = await rig.startHost(['--port', port]);
    expect(host.url).toBe(firstUrl); // same port, same token: the page's URL is still right
    // The session lived in the old process: the desk is back, at the logon screen, without a reload.
    await expect(page.getByTestId('stale-banner')).toHaveCount(0);
    await expect(page.getByTestId('logon-screen')).toBeVisible();
    await page.screenshot({ path: `test-results/screens/host-restart-back-${language}.png` });
    await logOn(page);
    await expect(page.getByTestId('user-badge')).toBeVisible();
  });
}
