declare const __VERSION__: string;
/** Stamped by the build from package.json. */
export const version: string = typeof __VERSION__ === "string" ? __VERSION__ : "dev";
