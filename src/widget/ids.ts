import type { Model } from "../submit/model";

/**
 * Element id of a field's input, unique on the page. Its hint, error and options
 * add ":hint", ":error", ":1"…: a colon is never in a field name, so no id collides.
 */
export const fieldId = (model: Model, key: string) =>
  // Custom field names may hold spaces, which id lists cannot; "~" is never in a name.
  `${model.uid}-${key.replace(/ /g, "~")}`;
