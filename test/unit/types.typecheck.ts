/**
 * Type-level tests, checked by `npm run typecheck` (never run): the osdi:* events,
 * window.OsdiEmbed and mount()'s options, as page code and bundler users write
 * them. Each `@ts-expect-error` fails the check if the types let its line through.
 */
import {
  type Detail,
  type ErrorDetail,
  type Kind,
  type MountHandle,
  type MountOptions,
  mount,
  type ShareDetail,
} from "../../src/index";

declare const el: HTMLElement;
declare const form: HTMLFormElement;

export function events() {
  el.addEventListener("osdi:success", (e) => e.detail.kind satisfies Kind);
  el.addEventListener("osdi:ready", (e) => e.detail.action.toUpperCase());
  el.addEventListener("osdi:error", (e) => [e.detail.message, e.detail.fields?.join()]);
  el.addEventListener("osdi:share", (e) => e.detail.network satisfies string);
  form.addEventListener("osdi:submit", (e) => e.detail satisfies Detail);
  document.addEventListener("osdi:queued", (e) => e.detail.kind);
  window.addEventListener("osdi:error", (e) => e.detail satisfies ErrorDetail);
  // @ts-expect-error: osdi:success carries no network
  el.addEventListener("osdi:success", (e) => e.detail.network);
  // @ts-expect-error: osdi:ready carries no message
  document.addEventListener("osdi:ready", (e) => e.detail.message);
  // @ts-expect-error: a kind is a string, not a number
  el.addEventListener("osdi:ready", (e) => e.detail.kind.toFixed());
}

export function global() {
  window.OsdiEmbed?.mount(el, { fields: ["email"], onSuccess: (d) => d.action });
  const handle: MountHandle | null | undefined = window.OsdiEmbed?.mount(el);
  handle?.unmount();
  const found: HTMLElement[] | undefined = window.OsdiEmbed?.scan(document.body);
  const version: string | undefined = window.OsdiEmbed?.version;
  // @ts-expect-error: the script may not have run
  window.OsdiEmbed.unmount(el);
  // @ts-expect-error: no such setting
  window.OsdiEmbed?.mount(el, { feilds: ["email"] });
  // @ts-expect-error: not a field
  window.OsdiEmbed?.mount(el, { fields: ["emial"] });
  // @ts-expect-error: onSuccess's detail has no message
  window.OsdiEmbed?.mount(el, { onSuccess: (d) => d.message });
  // @ts-expect-error: no such member
  window.OsdiEmbed?.observe();
  return [found, version];
}

export function options() {
  const all: MountOptions = {
    action: new URL("https://actionnetwork.org/api/v2/petitions/x"),
    kind: "petition",
    background: true,
    fields: "given_name email",
    required: ["email"],
    customFields: [{ name: "shift", label: "Shift", type: "radio", options: ["AM", "PM"] }],
    tags: ["climate"],
    autoresponse: false,
    emailOptIn: "checked",
    smsOptIn: "unchecked",
    start: new Date(),
    end: "2026-03-14T20:00:00Z",
    styles: "none",
    datalayer: true,
    text: { submit: "Add my name", thanks: "Thank you!" },
    prefill: { email: "ada@example.org" },
    onReady: (d: Detail) => d.kind,
    onError: (d: ErrorDetail) => d.fields,
    onShare: (d: ShareDetail) => d.network,
  };
  const handle = mount(el, all);
  if (handle) {
    handle.element satisfies HTMLElement;
    // @ts-expect-error: the handle's element is read-only
    handle.element = el;
  }
  // @ts-expect-error: null when the configuration is invalid
  mount(el).unmount();
  // @ts-expect-error: a list, a string or nothing
  mount(el, { fields: 5 });
  // @ts-expect-error: styles is "base" or "none"
  mount(el, { styles: "fancy" });
  // @ts-expect-error: kind is "petition", "form" or "event"
  mount(el, { kind: "poll" });
  // @ts-expect-error: no such text key
  mount(el, { text: { sumbit: "Go" } });
  // @ts-expect-error: text is one string per key, not one string
  mount(el, { text: "Go" });
  // @ts-expect-error: a date, or the attribute's string
  mount(el, { start: 1_700_000_000_000 });
  // @ts-expect-error: a custom field needs its label
  mount(el, { customFields: [{ name: "shift", type: "text" }] });
  // @ts-expect-error: not a callback of ours
  mount(el, { onClick: () => {} });
}
