/**
 * The snippet builder's model: what the organizer chose -> the container's
 * data-osdi-* attributes -> the snippet's HTML. No DOM here.
 */
import {
  CLASS_PARTS,
  type ClassPart,
  FIELDS,
  type FieldName,
  KINDS,
  type Kind,
  PREFIX,
} from "../../src/config/attributes";

/** The builder form's values, as read from it. */
export interface Draft {
  action: string;
  kind: "" | Kind;
  /** The action's public page, for the fallback link; may be empty. */
  fallback: string;
  fields: FieldName[];
  required: FieldName[];
  tags: string;
  emailOptIn: string;
  smsOptIn: string;
  lang: string;
  title: string;
  description: string;
  submit: string;
  thanks: string;
  /** Whether the event's start, end and location apply (the action is an event). */
  event: boolean;
  start: string;
  end: string;
  location: string;
  styles: string;
  background: string;
  autoresponse: string;
  /** The site's class names per part (data-osdi-class-<part>), as typed. */
  classes: Partial<Record<ClassPart, string>>;
}

/** Class names for the design systems the builder knows, as its recipes use them. */
export const CLASS_PRESETS: Record<
  string,
  { name: string; note: string; classes: Draft["classes"] }
> = {
  bootstrap: {
    name: "Bootstrap 5",
    note: "Bootstrap 5's classes are filled in. Bootstrap's own stylesheet must be on your page.",
    classes: {
      field: "mb-3",
      label: "form-label",
      input: "form-control",
      check: "form-check-input",
      button: "btn btn-primary",
      error: "invalid-feedback d-block",
      hint: "form-text",
    },
  },
  wordpress: {
    name: "WordPress block theme",
    note: "The button takes your block theme's button style (wp-element-button, from theme.json). Inputs and labels follow the theme's element styles.",
    classes: { button: "wp-element-button" },
  },
  pico: {
    name: "Pico",
    note: "Pico styles the widget's elements by themselves: no classes needed. For another button, give secondary, contrast or outline as its classes.",
    classes: {},
  },
  none: {
    name: "None",
    note: "No classes of your site's: the widget has its own classes only.",
    classes: {},
  },
};

/** An attribute name without the data-osdi- prefix, and its value. */
export type Attr = [name: string, value: string];

/** What the page shows until the widget mounts, and whenever it cannot. */
export interface Fallback {
  href: string;
  text: string;
}

/** The placeholder script address; the organizer replaces it with where they host dist/. */
export const SCRIPT_SRC = "https://YOUR-SITE/osdi-embed.js";
/** The placeholder stylesheet address, beside the script. */
export const STYLESHEET_HREF = "https://YOUR-SITE/osdi-embed.css";

const oneLine = (s: string) => s.trim().replace(/\s+/g, " ");

/**
 * The attributes, in a fixed order. Options left at the parser's defaults are
 * left out, so the snippet says only what differs; the fields are always given.
 */
export function attributes(d: Draft): Attr[] {
  const a: Attr[] = [["action", d.action.trim()]];
  const add = (name: string, value: string, unless = "") => {
    if (value !== unless) a.push([name, value]);
  };
  add("kind", d.kind);
  add("title", oneLine(d.title));
  add("description", oneLine(d.description));
  const fields = FIELDS.filter((f) => d.fields.includes(f));
  a.push(["fields", fields.join(" ")]);
  // The parser's default: email, or phone when no email is shown.
  const required = FIELDS.filter((f) => fields.includes(f) && d.required.includes(f));
  const fallbackRequired = fields.includes("email") ? "email" : "phone";
  add("required", required.join(" "), fallbackRequired);
  add(
    "tags",
    d.tags
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean)
      .join(", "),
  );
  add("email-opt-in", d.emailOptIn);
  add("sms-opt-in", d.smsOptIn);
  add("lang", d.lang);
  if (d.event) {
    add("start", d.start.trim());
    add("end", d.end.trim());
    add("location", oneLine(d.location));
  }
  add("text-submit", oneLine(d.submit));
  add("text-thanks", oneLine(d.thanks));
  add("autoresponse", d.autoresponse, "true");
  add("background", d.background, "false");
  add("styles", d.styles, "base");
  for (const part of CLASS_PARTS) add(`class-${part}`, oneLine(d.classes[part] ?? ""));
  return a;
}

/** The fallback link: the action's public page, or a placeholder to replace. */
export function fallback(d: Draft, kind?: Kind): Fallback {
  const text =
    kind === "petition"
      ? "Sign the petition"
      : kind === "form"
        ? "Fill in the form"
        : kind === "event"
          ? "RSVP for the event"
          : "Take action";
  const href =
    d.fallback.trim() || `https://actionnetwork.org/${KINDS[kind ?? "petition"][0]}/YOUR-ACTION`;
  return { href, text };
}

/** Text for a double-quoted attribute value or an element's content. */
const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The form's own HTML, rendered ahead (osdi-embed/server), to put in the container
 * instead of the fallback link: the mark that says what it was made for, and the markup.
 */
export interface Inside {
  mark: string;
  html: string;
}

/**
 * The snippet to paste: the stylesheet's link (unless data-osdi-styles="none"; found
 * with the HTML, it comes with the page instead of after the script), the container
 * with its fallback link, or with the form's own HTML when given, then the script tag.
 */
export function snippet(
  attrs: Attr[],
  fb: Fallback,
  inside?: Inside,
  src = SCRIPT_SRC,
  href = STYLESHEET_HREF,
): string {
  const written: Attr[] = inside ? [...attrs, ["rendered", inside.mark]] : attrs;
  const open = written.map(([n, v]) => `${PREFIX}${n}="${esc(v)}"`).join("\n     ");
  const styled = !attrs.some(([n, v]) => n === "styles" && v === "none");
  return [
    ...(styled ? [`<link rel="stylesheet" href="${esc(href)}">`] : []),
    `<div ${open}>`,
    inside ? inside.html : `  <a href="${esc(fb.href)}">${esc(fb.text)}</a>`,
    "</div>",
    `<script src="${esc(src)}" defer></script>`,
  ].join("\n");
}
