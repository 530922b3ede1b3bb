// Unit tests read the help texts synchronously, as the ESM build does.
import { FIXES } from "../src/config/fixes";
import { setFixes } from "../src/config/log";

setFixes(FIXES);
