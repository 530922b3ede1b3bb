/**
 * dist/osdi-embed-event.js: when and where of an event, in the reader's locale
 * and time zone. Loaded by event widgets only; it renders with the bundle's own h.
 */
import type { ComponentChild, h as H } from "preact";
import type { Options } from "../config/parse";
import { define } from "../lazy";

export type EventView = (h: typeof H, o: Options, lang: string) => ComponentChild;

const view: EventView = (h, { start, end, location }, lang) => {
  if (!start && !location) return undefined;
  // The reader's own time zone, named, so nobody turns up at the wrong hour.
  const fmt = new Intl.DateTimeFormat(lang, {
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  });
  return h(
    "p",
    { class: "osdi-embed__details" },
    start &&
      h(
        "time",
        { class: "osdi-embed__when", dateTime: start.toISOString() },
        fmt.formatRange(start, end ?? start),
      ),
    start && location && " ",
    location && h("span", { class: "osdi-embed__where" }, location),
  );
};

define("event", view);
