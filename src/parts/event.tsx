/**
 * dist/osdi-embed-event.js: when and where of an event, in the reader's locale.
 * An event at a place is shown at the place's clock; one online, or with no
 * place, at the reader's own. Loaded by event widgets only.
 */
import { h } from "preact";
import type { Options } from "../config/parse";

const FORMAT: Intl.DateTimeFormatOptions = {
  weekday: "long",
  month: "long",
  day: "numeric",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  // Always named, so nobody turns up at the wrong hour.
  timeZoneName: "short",
};

/**
 * The range from start to end (equal: the start alone) in `lang`, with the
 * zone's short name: in `zone`, an IANA name ("CST") or an offset such as
 * "-06:00" ("GMT-6"), else in the reader's own zone.
 */
export function when(lang: string, start: Date, end: Date, zone?: string): string {
  const offset = zone ? /^([+-])(\d\d):?(\d\d)$/.exec(zone) : null;
  let move = 0;
  let minutes = "";
  if (offset) {
    const [, sign, hours, mins] = offset;
    // Whole hours are a zone of their own, named in the language ("GMT-6",
    // "UTC−6"); Etc/GMT's sign is the reverse of the offset's. Past 14 hours
    // (Date takes up to 23:59) no place is: the reader's zone.
    zone = +hours > 14 ? undefined : `Etc/GMT${sign === "-" ? "+" : "-"}${+hours}`;
    // Minutes besides (India's +05:30, Newfoundland's -03:30): the instant moved
    // by them, and added to the name.
    if (zone && +mins) {
      minutes = `:${mins}`;
      move = +`${sign}${mins}` * 6e4;
    }
  }
  const format = new Intl.DateTimeFormat(lang, { ...FORMAT, timeZone: zone });
  if (!move) return format.formatRange(start, end);
  return format
    .formatRangeToParts(new Date(+start + move), new Date(+end + move))
    .map((p) => p.value + (p.type === "timeZoneName" ? minutes : ""))
    .join("");
}

export default function EventDetails({ options, lang }: { options: Options; lang: string }) {
  const { start, end, location, timezone, online } = options;
  if (!start && !location) return null;
  return (
    <p class="osdi-embed__details">
      {start && (
        // datetime: the exact instant, in UTC.
        <time class="osdi-embed__when" dateTime={start.toISOString()}>
          {
            // Those who come are at the place: its clock. Online, the reader's.
            when(lang, start, end ?? start, location && !online ? timezone : undefined)
          }
        </time>
      )}
      {start && location && " "}
      {location && <span class="osdi-embed__where">{location}</span>}
    </p>
  );
}

declare module "../files/parts" {
  interface Parts {
    event: typeof EventDetails;
  }
}
