// Dev server for the reader UI harness: serves index.html + main.tsx, the Article fixture,
// generated placeholder photos (no network), so screenshots show real layout with real sizes, and
// the conversion dictionaries at /zh/<pack>.bin as the extension packages them.
import { defineConfig, type Plugin } from 'vite';
import { nodeDictionaryLoader } from '../../../src/node/zh-dicts.ts';

function zhDictionaries(): Plugin {
  const load = nodeDictionaryLoader();
  return {
    name: 'qingdu-zh-dictionaries',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /^\/zh\/([a-z-]+)\.bin$/.exec(req.url ?? '');
        if (!match?.[1]) return next();
        load(match[1]).then(
          (bytes) => {
            res.setHeader('Content-Type', 'application/octet-stream');
            res.end(bytes as Uint8Array);
          },
          () => {
            res.statusCode = 404;
            res.end();
          },
        );
      });
    },
  };
}

/** `/placeholder/<w>x<h>/<n>.svg`: a quiet landscape-ish picture of that size, numbered. */
function placeholderPhotos(): Plugin {
  return {
    name: 'qingdu-placeholder-photos',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /^\/placeholder\/(\d+)x(\d+)\/(\d+)\.svg/.exec(req.url ?? '');
        if (!match) return next();
        const [, w, h, n] = match;
        const hue = (Number(n) * 47) % 360;
        res.setHeader('Content-Type', 'image/svg+xml');
        res.end(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">
<stop offset="0" stop-color="hsl(${hue},35%,78%)"/><stop offset="1" stop-color="hsl(${hue + 30},30%,52%)"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>
<path d="M0 ${Number(h) * 0.75} L${Number(w) * 0.3} ${Number(h) * 0.45} L${Number(w) * 0.55} ${Number(h) * 0.7} L${Number(w) * 0.75} ${Number(h) * 0.5} L${w} ${Number(h) * 0.8} V${h} H0Z" fill="hsla(${hue + 60},25%,30%,0.55)"/>
<circle cx="${Number(w) * 0.78}" cy="${Number(h) * 0.25}" r="${Number(h) * 0.08}" fill="hsla(45,90%,92%,0.9)"/>
<text x="24" y="${Number(h) - 24}" font-family="sans-serif" font-size="28" fill="rgba(255,255,255,0.85)">placeholder ${n} · ${w}×${h}</text>
</svg>`);
      });
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  server: { host: '127.0.0.1', strictPort: true, fs: { allow: ['../../..'] } },
  logLevel: 'warn',
  plugins: [placeholderPhotos(), zhDictionaries()],
});
