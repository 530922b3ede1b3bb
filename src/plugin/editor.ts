/**
 * The block editor's copy of the contract (wordpress/osdi-embed/block/contract.js,
 * written by scripts/contract.mjs): the plugin's data, and the widget's own parser
 * to say what is wrong with an action URL before the post is saved.
 */
import { kindIn } from "../config/action";
import { FIXES } from "../config/fixes";
import { AuthorError, setFixes } from "../config/log";
import { parseOptions } from "../config/parse";
import { PLUGIN_CONTRACT } from "./contract";

setFixes(FIXES);

/** What the widget would say about this action URL (and kind), or "" when it mounts. */
function actionProblem(action: string, kind?: string): string {
  try {
    parseOptions({ action: action.trim(), ...(kind ? { kind } : {}) }, location);
    return "";
  } catch (e) {
    if (!(e instanceof AuthorError)) throw e;
    return `${e.attr}: ${e.fix}`;
  }
}

(window as { osdiEmbedContract?: object }).osdiEmbedContract = {
  ...PLUGIN_CONTRACT,
  actionProblem,
  kindIn,
};
