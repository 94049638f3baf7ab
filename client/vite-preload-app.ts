import type { HtmlTagDescriptor, Plugin } from 'vite';

interface ChunkFacts {
  type: 'chunk';
  facadeModuleId: string | null;
  imports: string[];
  dynamicImports: string[];
  viteMetadata?: { importedCss: Set<string> };
}

type BundleEntry = ChunkFacts | { type: 'asset' };

const isChunk = (entry: BundleEntry | undefined): entry is ChunkFacts => entry?.type === 'chunk';

/** A chunk and everything it imports statically, as bundle file names. */
const withStaticImports = (bundle: Record<string, BundleEntry>, root: string): string[] => {
  const seen = new Set<string>();
  const queue = [root];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    const chunk = bundle[file];
    if (seen.has(file) || !isChunk(chunk)) continue;
    seen.add(file);
    queue.push(...chunk.imports);
  }
  return [...seen];
};

/**
 * index.html's entry script stays tiny and imports the app dynamically (main.tsx), so it can
 * start the language's download before the app has arrived. Vite preloads only what the entry
 * imports statically; this adds `modulepreload` (and the stylesheets) for the dynamically
 * imported modules named here and all they import statically, so the browser fetches the app
 * from the first byte of the page, in parallel with the entry, exactly as if it were static.
 */
export function preloadApp(moduleSuffixes: string[]): Plugin {
  let base = '/';
  return {
    name: 'coachhub:preload-app',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const { bundle, chunk: entry } = context;
        if (!bundle || !entry) return [];
        const chunks = bundle as unknown as Record<string, BundleEntry>;
        const alreadyLinked = new Set(withStaticImports(chunks, entry.fileName));
        const cssOf = (file: string) => {
          const chunk = chunks[file];
          return isChunk(chunk) ? [...(chunk.viteMetadata?.importedCss ?? [])] : [];
        };
        const linkedCss = new Set([...alreadyLinked].flatMap(cssOf));
        const appChunks = entry.dynamicImports.filter((file) => {
          const chunk = chunks[file];
          const id = isChunk(chunk) ? chunk.facadeModuleId : null;
          return id !== null && moduleSuffixes.some((suffix) => id.endsWith(suffix));
        });
        const files = [...new Set(appChunks.flatMap((file) => withStaticImports(chunks, file)))];
        const scripts = files.filter((file) => !alreadyLinked.has(file));
        const styles = new Set(files.flatMap(cssOf).filter((file) => !linkedCss.has(file)));
        return [
          ...[...styles].map((file): HtmlTagDescriptor => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: `${base}${file}` },
            injectTo: 'head',
          })),
          ...scripts.map((file): HtmlTagDescriptor => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` },
            injectTo: 'head',
          })),
        ];
      },
    },
  };
}
