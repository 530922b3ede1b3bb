import type { Model } from "../submit/model";
import { fieldId } from "./ids";

/**
 * What a visitor typed or ticked in markup rendered ahead, before the script ran,
 * taken into the model's values: hydration keeps it on the screen, and it is sent.
 */
export function adopt(model: Model, root: ParentNode) {
  for (const { key, type, group } of model.controls) {
    const id = fieldId(model, key);
    // A group's options carry the field's id, then ":1", ":2"…
    const inputs = Array.from(
      root.querySelectorAll<HTMLInputElement>(`[id="${id}"],[id^="${id}:"]`),
    ).filter((el) => "value" in el);
    const [first] = inputs;
    if (!first) continue;
    model.values[key].value = group
      ? type === "checkbox"
        ? inputs.filter((el) => el.checked).map((el) => el.value)
        : (inputs.find((el) => el.checked)?.value ?? "")
      : type === "checkbox"
        ? first.checked
        : first.value;
  }
}
