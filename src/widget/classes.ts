import type { ClassPart } from "../config/attributes";
import type { Options } from "../config/parse";

/**
 * An element's class: the widget's own (osdi-embed__<part> unless given), then the
 * host's for that part (data-osdi-class-<part>); undefined when there is neither.
 */
export const classFor = (o: Options, part: ClassPart, own = `osdi-embed__${part}`) =>
  [own, o.classes[part]].filter(Boolean).join(" ") || undefined;
