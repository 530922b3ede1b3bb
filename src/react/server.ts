"use client";

/**
 * osdi-embed/react for servers (the package's `import`/`default` condition; bundlers
 * building for browsers take src/react/index.ts): the same component, which renders
 * the form itself into the page's HTML, for the script to bring to life in place.
 */
import { renderAction } from "../server/index";
import { setRenderer } from "./container";

setRenderer(renderAction);

export * from "./index";
