import type { Model } from "../submit/model";

/**
 * Element id of a field's input, unique on the page. Its hint, error and options
 * add ":hint", ":error", ":1"…: a colon is never in a field name, so no id collides.
 */
export const fieldId = (model: Model, key: string) =>
  // Custom field names may hold spaces, which id lists cannot; "~" is never in a name.
  `${model.uid}-${key.replace(/ /g, "~")}`;

/**
 * A ref that names a control once it is in the page. Markup rendered ahead
 * (osdi-embed/server) has no names, so its form, sent before the script runs or
 * without it, sends the visitor's data nowhere.
 */
export const named = (name: string) => (el: Element | null) => el?.setAttribute("name", name);
