/**
 * dist/osdi-embed-event.js: when and where of an event, in the reader's locale
 * and time zone. Loaded by event widgets only.
 */
import { h } from "preact";
import type { Options } from "../config/parse";

export default function EventDetails({ options, lang }: { options: Options; lang: string }) {
  const { start, end, location } = options;
  if (!start && !location) return null;
  // The reader's own time zone, named, so nobody turns up at the wrong hour.
  const format = new Intl.DateTimeFormat(lang, {
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  });
  return (
    <p class="osdi-embed__details">
      {start && (
        <time class="osdi-embed__when" dateTime={start.toISOString()}>
          {format.formatRange(start, end ?? start)}
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
