// Shared by the Chromium tests: a static server for the built site (the file types given by
// tests/test_web.py from xlplugin/web_site.py's MIME_TYPES) and Debian's chromium through
// puppeteer-core (no browser download).
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import puppeteer from "puppeteer-core";

export const SITE = process.env.XLPLUGIN_SITE;
export const DATA = process.env.XLPLUGIN_TEST_DATA;
const MIME = JSON.parse(process.env.XLPLUGIN_MIME || "{}");

/** Serve `root` on 127.0.0.1; `requests` lists every path asked for. */
export async function serve(root) {
  const requests = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    requests.push(path);
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) {
      response.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      const body = readFileSync(file);
      response.writeHead(200, { "Content-Type": MIME[extname(file)] || "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), "xlplugin-chromium-"));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", `--user-data-dir=${profile}`,
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Drop `bytes` as a file named `name` on the element `selector`, as a user dragging it there. */
export async function dropFile(page, selector, name, bytes) {
  await page.evaluate(
    (selector, name, base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
      const target = document.querySelector(selector);
      for (const type of ["dragenter", "dragover", "drop"]) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    },
    selector, name, Buffer.from(bytes).toString("base64"),
  );
}
