// Unit tests read the help texts synchronously, as the ESM build does.
import { FIXES } from "../src/config/fixes";
import { useFixes } from "../src/config/log";

useFixes(FIXES);
