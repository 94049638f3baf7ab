/* global document, requestAnimationFrame */
// The server-rendered page is readable without scripts: the app starts once it has painted
// (server/src/core/http/page-render.ts writes this script with the entry's address).
const entry = document.querySelector('script[data-entry]')?.getAttribute('data-entry');

function startApp() {
  const script = document.createElement('script');
  script.type = 'module';
  script.crossOrigin = '';
  script.src = entry;
  document.head.append(script);
}

if (entry) requestAnimationFrame(() => setTimeout(startApp, 0));
