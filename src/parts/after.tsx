/**
 * dist/osdi-embed-after.js: what a widget offers after success, below the thanks:
 * share links that carry source=share_<network> (so shares are counted) and, for
 * an event with a start, add-to-calendar. Loaded when a widget succeeds; all of
 * it is text.
 */
import { useSignal } from "@preact/signals";
import { type ComponentChildren, h } from "preact";
import { useEffect, useMemo } from "preact/hooks";
import { PERSONAL } from "../config/attributes";
import { emit } from "../events";
import type { Model } from "../submit/model";

const enc = encodeURIComponent;
const LINK = "osdi-embed__share-link";

/** The page's canonical URL, without hash or personal data, with source=share_<network>. */
function pageUrl(network: string) {
  const canonical = document.querySelector<HTMLLinkElement>("link[rel~=canonical]")?.href;
  const u = new URL(canonical && /^https?:/.test(canonical) ? canonical : location.href);
  u.hash = "";
  // The sharer's own details (a prefilled link) are never passed on.
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
const calendarFile = (uid: string, start: Date, end: Date, summary: string, location?: string) =>
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

/** A file name for the .ics download: the event's title in letters and digits. */
const icsName = (title: string) =>
  `${
    title
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "event"
  }.ics`;

function Item({ children }: { children: ComponentChildren }) {
  return <li>{children}</li>;
}

/** Share links, copy link, native share; add-to-calendar for an event with a start. */
export default function After({ model }: { model: Model; lang: string }) {
  const { options: o, text } = model;
  const title = o.title || document.title;
  // "" | "copied" | "failed": the copy button's outcome.
  const copy = useSignal("");
  const start = o.kind === "event" ? o.start : undefined;
  const end = start && (o.end ?? new Date(+start + 36e5));
  // The .ics file as a blob: URL, made once. A download is a navigation, not a
  // fetch, so a strict CSP allows it where a data: URL may be refused; and as a
  // real link it also opens, saves and middle-clicks as one.
  // Made once: a widget's options do not change while it is mounted (new ones mount anew).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the options are fixed for the widget's life
  const ics = useMemo(
    () =>
      start && end
        ? URL.createObjectURL(
            new Blob([calendarFile(o.action, start, end, title, o.location)], {
              type: "text/calendar;charset=utf-8",
            }),
          )
        : undefined,
    [],
  );
  useEffect(() => () => ics && URL.revokeObjectURL(ics), [ics]);
  // The page is on its way to the organizer's thank-you page.
  if (o.redirect) return null;
  const shared = (network: string) => () => emit(model, "share", { network });

  const copyLink = () => {
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
            const input = model.host.querySelector<HTMLInputElement>(".osdi-embed__share-url");
            input?.focus();
            input?.select();
          });
        },
      );
  };

  return (
    <div class="osdi-embed__after">
      <ul class="osdi-embed__share" aria-label={text("share")}>
        {"share" in navigator && (
          <Item>
            <button
              class={LINK}
              type="button"
              onClick={() =>
                navigator.share({ title, text: title, url: pageUrl("native") }).then(
                  shared("native"),
                  // Cancelled, or not allowed here: the links below still work.
                  () => {},
                )
              }
            >
              {text("share")}
            </button>
          </Item>
        )}
        {NETWORKS.map(([network, label, url]) => (
          <Item key={network}>
            <a
              class={LINK}
              href={url(pageUrl(network), title)}
              target="_blank"
              rel="noopener"
              onClick={shared(network)}
            >
              {label || text("email")}
            </a>
          </Item>
        ))}
        <Item>
          <button class={LINK} type="button" onClick={copyLink}>
            {text(copy.value === "copied" ? "share_copied" : "share_copy")}
          </button>
          {copy.value === "failed" && (
            <input
              class="osdi-embed__share-url"
              readOnly
              value={pageUrl("copy")}
              aria-label={text("share_copy")}
            />
          )}
        </Item>
      </ul>
      {start && end && (
        // biome-ignore lint/a11y/useSemanticElements: a group of links, named by its text; a fieldset is for form controls.
        <div class="osdi-embed__calendar" role="group" aria-labelledby={`${model.uid}:calendar`}>
          <span id={`${model.uid}:calendar`}>{text("calendar")}</span>{" "}
          <a
            class={LINK}
            href={`https://calendar.google.com/calendar/render?action=TEMPLATE&text=${enc(title)}&dates=${stamp(start)}/${stamp(end)}${o.location ? `&location=${enc(o.location)}` : ""}`}
            target="_blank"
            rel="noopener"
          >
            Google Calendar
          </a>{" "}
          <a class={LINK} href={ics} download={icsName(title)}>
            {text("calendar_ics")}
          </a>
        </div>
      )}
    </div>
  );
}

declare module "../files/parts" {
  interface Parts {
    after: typeof After;
  }
}
