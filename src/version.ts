declare const __VERSION__: string;
/** Stamped by the build from package.json. */
export const version: string = __VERSION__;
