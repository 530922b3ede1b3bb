/** dist/osdi-embed-help.js: what an organizer should do about each error, loaded only to say it. */
import { FIXES } from "../config/fixes";

export default FIXES;

declare module "../files/parts" {
  interface Parts {
    help: typeof FIXES;
  }
}
