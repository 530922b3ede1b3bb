import type { Control } from "../config/controls";
import type { State } from "../submit/model";
import type { Errors } from "../submit/validate";

/**
 * Where focus goes once a submission has an outcome: the status when it has
 * succeeded (the thanks), the first invalid control's key after failed checks,
 * nowhere otherwise. The widget and an own form both move it there.
 */
export function focusAfter(
  controls: Control[],
  state: State,
  errors: Errors,
): "status" | { key: string } | undefined {
  if (state === "success") return "status";
  const first = state === "error" && controls.find((c) => errors[c.key]);
  return first ? { key: first.key } : undefined;
}
