/**
 * osdi-embed/react and osdi-embed/vue in the browser (happy-dom), taking over what
 * a server rendered, as Next.js and Nuxt do: hydration without a mismatch, one
 * mount under StrictMode, a new mount for a new setting only, and a clean unmount.
 * The apps built from the packed tarball are in e2e/components.spec.ts.
 */
import { act, createElement, StrictMode } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { renderToString as renderReact } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { createSSRApp, h, nextTick, reactive } from "vue";
import { renderToString as renderVue } from "vue/server-renderer";
import type { Detail, FieldName } from "../../src/index";
import { type OsdiActionProps, OsdiAction as ReactAction } from "../../src/react";
import { OsdiAction as VueAction } from "../../src/vue";

const ACTION = "https://actionnetwork.org/api/v2/petitions/7580a324-9a72-11e3-a2e9-12313d316c29";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let error: MockInstance<typeof console.error>;
let warn: MockInstance<typeof console.warn>;
let host: HTMLElement;
beforeEach(() => {
  error = vi.spyOn(console, "error");
  warn = vi.spyOn(console, "warn");
  host = document.createElement("div");
  document.body.append(host);
});
afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

/** Lets the components' microtasks (React's deferred mount) run. */
const settle = () => act(async () => {});

/** The container the component rendered, and what is left of it once gone. */
const state = (el: Element | null) =>
  el && {
    inPage: el.isConnected,
    mounted: el.hasAttribute("data-osdi-mounted"),
    widget: el.querySelector(".osdi-embed") !== null,
    phone: el.querySelector('input[autocomplete="tel"]') !== null,
  };

describe("osdi-embed/react", () => {
  it("hydrates the server's container and mounts once under StrictMode; new callbacks change nothing, a new setting mounts again, unmounting cleans up", async () => {
    const ready: Detail[] = [];
    const seen: string[] = [];
    host.addEventListener("osdi:ready", () => seen.push("ready"));
    const app = (props: Partial<OsdiActionProps>) =>
      createElement(
        StrictMode,
        null,
        createElement(ReactAction, {
          action: ACTION,
          fields: ["given_name", "email"],
          id: "sign",
          // A new function each render.
          onReady: (detail) => ready.push(detail),
          ...props,
        }),
      );
    host.innerHTML = renderReact(app({}));
    const server = host.firstElementChild!;
    expect(server.querySelector("a")?.textContent).toBe("Sign the petition");

    const root = await act(async () => hydrateRoot(host, app({})));
    await settle();
    // Hydrated in place: the server's element became the widget, once.
    expect(host.firstElementChild).toBe(server);
    expect(state(server)).toEqual({ inPage: true, mounted: true, widget: true, phone: false });
    expect(ready).toEqual([{ kind: "petition", action: ACTION }]);
    expect(seen).toEqual(["ready"]);

    // Same settings (a new array with the same items), new callback: the widget stays.
    const widget = server.querySelector(".osdi-embed");
    await act(async () => root.render(app({ fields: ["given_name", "email"], className: "x" })));
    await settle();
    expect(server.querySelector(".osdi-embed")).toBe(widget);
    expect(server.className).toBe("x");
    expect(ready).toHaveLength(1);

    // A new setting: a new element, mounted once, with it; the old one is let go.
    await act(async () => root.render(app({ fields: ["given_name", "email", "phone"] })));
    await settle();
    const next = host.firstElementChild!;
    expect(next).not.toBe(server);
    expect(state(server)).toEqual({ inPage: false, mounted: false, widget: false, phone: false });
    expect(state(next)).toEqual({ inPage: true, mounted: true, widget: true, phone: true });
    expect(ready).toHaveLength(2);
    expect(seen).toEqual(["ready", "ready"]);

    await act(async () => root.unmount());
    expect(state(next)).toEqual({ inPage: false, mounted: false, widget: false, phone: false });
    // Its callbacks are gone with it.
    next.dispatchEvent(new CustomEvent("osdi:ready", { detail: { kind: "petition" } }));
    expect(ready).toHaveLength(2);
    expect(error).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });

  it("keeps the fallback, with one author error, when a setting is invalid", async () => {
    vi.mocked(error).mockImplementation(() => {});
    const root = createRoot(host);
    await act(async () =>
      root.render(createElement(ReactAction, { action: ACTION, fields: "emial" })),
    );
    await settle();
    expect(host.querySelector("a")?.textContent).toBe("Sign the petition");
    expect(host.firstElementChild?.hasAttribute("data-osdi-mounted")).toBe(false);
    expect(error.mock.calls.flat().join(" ")).toContain('data-osdi-fields="emial"');
    await act(async () => root.unmount());
  });
});

describe("osdi-embed/vue", () => {
  it("hydrates the server's container and mounts once; a new setting mounts again, unmounting cleans up", async () => {
    const emitted: string[] = [];
    const props = reactive({
      action: ACTION,
      fields: ["given_name", "email"] as FieldName[],
      id: "sign",
      renders: 0,
    });
    const app = () =>
      createSSRApp({
        render: () =>
          h(VueAction, {
            action: props.action,
            fields: [...props.fields],
            id: props.id,
            class: `r${props.renders}`,
            onReady: (detail: Detail) => emitted.push(`ready:${detail.kind}`),
          }),
      });
    host.innerHTML = await renderVue(app());
    const server = host.firstElementChild!;
    expect(server.querySelector("a")?.textContent).toBe("Sign the petition");

    const vue = app();
    vue.mount(host);
    await nextTick();
    expect(host.firstElementChild).toBe(server);
    expect(state(server)).toEqual({ inPage: true, mounted: true, widget: true, phone: false });
    expect(emitted).toEqual(["ready:petition"]);

    // A new render with the same settings: the widget stays.
    const widget = server.querySelector(".osdi-embed");
    props.renders++;
    await nextTick();
    expect(server.className).toBe("r1");
    expect(server.querySelector(".osdi-embed")).toBe(widget);
    expect(emitted).toHaveLength(1);

    props.fields = ["given_name", "email", "phone"];
    await nextTick();
    const next = host.firstElementChild!;
    expect(next).not.toBe(server);
    expect(state(server)).toEqual({ inPage: false, mounted: false, widget: false, phone: false });
    expect(state(next)).toEqual({ inPage: true, mounted: true, widget: true, phone: true });
    expect(emitted).toEqual(["ready:petition", "ready:petition"]);

    vue.unmount();
    expect(state(next)).toEqual({ inPage: false, mounted: false, widget: false, phone: false });
    next.dispatchEvent(new CustomEvent("osdi:ready", { detail: { kind: "petition" } }));
    expect(emitted).toHaveLength(2);
    expect(error).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });
});
