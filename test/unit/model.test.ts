import { effect } from "@preact/signals";
import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/t";
import { createModel } from "../../src/submit/model";
import { parse } from "./helpers";

describe("model.set", () => {
  const model = () => {
    const o = parse({ fields: "email" });
    return createModel(o, translator(o), document.createElement("div"));
  };

  it("changes state, status and errors in one step: a render effect runs once", () => {
    const m = model();
    const seen: string[] = [];
    const dispose = effect(() => {
      seen.push(`${m.state.value}/${m.status.value}/${Object.keys(m.errors.value)}`);
    });
    m.set("error", "error_fix", { email: "error_required" });
    m.set("submitting", "submitting", {});
    dispose();
    expect(seen).toEqual(["idle//", "error/error_fix/email", "submitting/submitting/"]);
  });

  it("leaves the errors as they are when none are given", () => {
    const m = model();
    m.set("error", "error_fix", { email: "error_email" });
    m.set("error", "error_network");
    expect(m.errors.value).toEqual({ email: "error_email" });
    expect(m.status.value).toBe("error_network");
  });
});
