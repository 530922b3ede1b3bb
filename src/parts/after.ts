/**
 * dist/osdi-embed-after.js: what a widget offers after success, below the thanks:
 * share links that carry source=share_<network> (so shares are counted) and, for
 * an event with a start, add-to-calendar. Loaded when a widget succeeds; it
 * renders with the bundle's own h, all of it as text.
 */
import type { Signal } from "@preact/signals-core";
import type { ComponentChild, h as H } from "preact";
import { define } from "../lazy";
import { emit } from "../widgets/emit";
import type { Model } from "../widgets/model";

export type AfterView = (h: typeof H, m: Model, lang: string) => ComponentChild;

const enc = encodeURIComponent;
const LINK = "osdi-embed__share-link";
/** Parameters that prefill the form (src/config/parse.ts): the sharer's own, never passed on. */
const PERSONAL = ["given_name", "family_name", "email", "postal_code", "phone"];

/** The page's canonical URL, without hash or personal data, with source=share_<network>. */
function pageUrl(network: string) {
  const canonical = document.querySelector<HTMLLinkElement>("link[rel~=canonical]")?.href;
  const u = new URL(canonical && /^https?:/.test(canonical) ? canonical : location.href);
  u.hash = "";
  for (const k of PERSONAL) u.searchParams.delete(k);
  u.searchParams.set("source", `share_${network}`);
  return u.href;
}

/** [network, link text (a brand; "" for the translated "email"), URL of the share]. */
const NETWORKS: [string, string, (url: string, text: string) => string][] = [
  ["facebook", "Facebook", (u) => `https://www.facebook.com/sharer/sharer.php?u=${enc(u)}`],
  ["x", "X", (u, t) => `https://x.com/intent/tweet?text=${enc(t)}&url=${enc(u)}`],
  ["whatsapp", "WhatsApp", (u, t) => `https://wa.me/?text=${enc(`${t} ${u}`)}`],
  ["email", "", (u, t) => `mailto:?subject=${enc(t)}&body=${enc(u)}`],
];

/** 20260613T220000Z: UTC, as iCalendar and Google Calendar take it. */
const stamp = (d: Date) => d.toISOString().replace(/[-:]|\.\d+/g, "");

/** RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped; other controls dropped. */
const esc = (s: string) =>
  s
    .replace(/[\\;,]/g, "\\$&")
    .replace(/\r\n?|\n/g, "\\n")
    .replace(/\p{Cc}/gu, "");

/** A content line folded at 75 octets (RFC 5545 3.1), never inside a character. */
function fold(line: string) {
  let out = "";
  let n = 0;
  for (const c of line) {
    const p = c.codePointAt(0)!;
    const size = p > 0xffff ? 4 : p > 0x7ff ? 3 : p > 0x7f ? 2 : 1;
    if (n + size > 75) {
      out += "\r\n ";
      n = 1;
    }
    out += c;
    n += size;
  }
  return out;
}

/** The event as an iCalendar file (RFC 5545): CRLF line endings, text escaped, lines folded. */
const ics = (uid: string, start: Date, end: Date, summary: string, location?: string) =>
  `${[
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//osdi-embed//osdi-embed//EN",
    "BEGIN:VEVENT",
    `UID:${esc(uid)}`,
    `DTSTAMP:${stamp(new Date())}`,
    `DTSTART:${stamp(start)}`,
    `DTEND:${stamp(end)}`,
    `SUMMARY:${esc(summary)}`,
    location ? `LOCATION:${esc(location)}` : "",
    "END:VEVENT",
    "END:VCALENDAR",
  ]
    .filter(Boolean)
    .map(fold)
    .join("\r\n")}\r\n`;

/** Per widget: the copy button's outcome ("" | "copied" | "failed") and the .ics file's URL. */
const state = new WeakMap<Model, { copy: Signal<string>; ics?: string }>();

const view: AfterView = (h, m) => {
  const { o, t } = m;
  // The page is on its way to the organizer's thank-you page.
  if (o.redirect) return null;
  const text = o.title || document.title;
  // A signal of the bundle's own copy of signals-core (the constructor of the
  // model's), so reading it while rendering re-renders the widget.
  const mine = state.get(m) ?? {
    copy: new (m.state.constructor as new (v: string) => Signal<string>)(""),
  };
  state.set(m, mine);
  const { copy } = mine;
  const shared = (network: string) => () => emit(m, "share", { network });
  const item = (tag: string, props: object, label: string, extra?: ComponentChild) =>
    h("li", null, h(tag, { class: LINK, ...props }, label), extra);
  const start = o.kind === "event" && o.start;
  const end = start && (o.end ?? new Date(+start + 36e5));
  // The .ics file as a blob: URL, made once per widget. A download is a navigation,
  // not a fetch, so a strict CSP allows it where a data: URL may be refused; and
  // as a real link it also opens, saves and middle-clicks as one.
  if (start && end)
    mine.ics ??= URL.createObjectURL(
      new Blob([ics(o.action, start, end, text, o.location)], {
        type: "text/calendar;charset=utf-8",
      }),
    );

  return h(
    "div",
    { class: "osdi-embed__after" },
    h(
      "ul",
      { class: "osdi-embed__share", "aria-label": t("share") },
      "share" in navigator &&
        item(
          "button",
          {
            type: "button",
            onClick: () =>
              navigator.share({ title: text, text, url: pageUrl("native") }).then(
                shared("native"),
                // Cancelled, or not allowed here: the links below still work.
                () => {},
              ),
          },
          t("share"),
        ),
      NETWORKS.map(([network, label, url]) =>
        item(
          "a",
          {
            href: url(pageUrl(network), text),
            target: "_blank",
            rel: "noopener",
            onClick: shared(network),
          },
          label || t("email"),
        ),
      ),
      item(
        "button",
        {
          type: "button",
          onClick: () => {
            const url = pageUrl("copy");
            shared("copy")();
            Promise.resolve(url)
              .then((u) => navigator.clipboard.writeText(u))
              .then(
                () => {
                  copy.value = "copied";
                },
                () => {
                  // No clipboard here: the link, selected, for the visitor to copy.
                  copy.value = "failed";
                  setTimeout(() => {
                    const input = m.host.querySelector<HTMLInputElement>(".osdi-embed__share-url");
                    input?.focus();
                    input?.select();
                  });
                },
              );
          },
        },
        t(copy.value === "copied" ? "share_copied" : "share_copy"),
        copy.value === "failed" &&
          h("input", {
            class: "osdi-embed__share-url",
            readOnly: true,
            value: pageUrl("copy"),
            "aria-label": t("share_copy"),
          }),
      ),
    ),
    start &&
      end &&
      h(
        "div",
        {
          class: "osdi-embed__calendar",
          role: "group",
          "aria-labelledby": `${m.uid}:calendar`,
        },
        h("span", { id: `${m.uid}:calendar` }, t("calendar")),
        " ",
        h(
          "a",
          {
            class: LINK,
            href: `https://calendar.google.com/calendar/render?action=TEMPLATE&text=${enc(text)}&dates=${stamp(start)}/${stamp(end)}${o.location ? `&location=${enc(o.location)}` : ""}`,
            target: "_blank",
            rel: "noopener",
          },
          "Google Calendar",
        ),
        " ",
        h(
          "a",
          {
            class: LINK,
            href: mine.ics,
            download: `${
              text
                .replace(/[^\p{L}\p{N}]+/gu, "-")
                .replace(/^-|-$/g, "")
                .slice(0, 60) || "event"
            }.ics`,
          },
          t("calendar_ics"),
        ),
      ),
  );
};

define("after", view);
