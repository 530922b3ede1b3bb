/**
 * osdi-embed/vue for servers (the package's `import`/`default` condition; bundlers
 * building for browsers take src/vue/index.ts): the same component, which renders
 * the form itself into the page's HTML, for the script to bring to life in place.
 */
import { setRenderer } from "../react/container";
import { renderAction } from "../server/index";

setRenderer(renderAction);

export * from "./index";
