/**
 * The snippet builder (demo/builder.html), built to dist/demo/builder.js. As the
 * organizer types, it turns the form into data-osdi-* attributes, checks them
 * with parseOptions (the widget's own parser, with the help texts loaded), and
 * shows either the problems, each tied to its control, or the live widget and
 * the snippet. Plain DOM code: the widget itself comes from /dist/osdi-embed.js,
 * which mounts the preview container when it is inserted.
 */
import {
  CLASS_PARTS,
  type ClassPart,
  DEFAULT_FIELDS,
  FIELDS,
  type FieldName,
  type Kind,
  PREFIX,
} from "../../src/config/attributes";
import { FIXES } from "../../src/config/fixes";
import { AuthorError, setFixes } from "../../src/config/log";
import { parseOptions } from "../../src/config/parse";
import { RENDERED } from "../../src/element/rendered";
import { en } from "../../src/i18n/en";
import { renderAttributes } from "../../src/server/index";
import {
  type Attr,
  attributes,
  CLASS_PRESETS,
  type Draft,
  type Fallback,
  fallback,
  type Inside,
  snippet,
} from "./snippet";

setFixes(FIXES);

/** A problem to show: the attribute (or builder control), the value and the fix. */
interface Problem {
  attr: string;
  value: string;
  fix: string;
  code: string;
  arg: string;
}

/** An error in one attribute hides errors in those that depend on it (they are checked against a default). */
const DEPENDS: Record<string, string[]> = {
  required: ["fields"],
  "email-opt-in": ["fields"],
  "sms-opt-in": ["fields"],
  end: ["start"],
};

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = byId<HTMLFormElement>("builder");
const problemsBox = byId<HTMLDivElement>("b-problems");
const result = byId<HTMLDivElement>("b-result");
const previewSlot = byId<HTMLDivElement>("b-preview");
const previewNote = byId<HTMLParagraphElement>("b-preview-note");
const code = byId<HTMLElement>("b-snippet");
const copyButton = byId<HTMLButtonElement>("b-copy");
const copyStatus = byId<HTMLSpanElement>("b-copy-status");
const withHtml = byId<HTMLInputElement>("b-with-html");
const eventGroup = byId<HTMLFieldSetElement>("b-event");

/** One checkbox per field, in the contract's order: "First name (given_name)". */
function checkboxes(groupId: string, name: string, checked: (f: FieldName) => boolean) {
  const group = byId<HTMLFieldSetElement>(groupId);
  for (const f of FIELDS) {
    const row = document.createElement("div");
    row.className = "builder__check";
    row.dataset.field = f;
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = name;
    box.value = f;
    box.id = `${groupId}-${f}`;
    box.checked = checked(f);
    box.dataset.attr = `${PREFIX}${name}`;
    const label = document.createElement("label");
    label.htmlFor = box.id;
    const key = document.createElement("code");
    key.textContent = f;
    label.append(`${en[f]}${f === "comments" ? " (petitions only)" : ""} `, key);
    row.append(box, label);
    group.append(row);
  }
}
checkboxes("b-fields", "fields", (f) => DEFAULT_FIELDS.includes(f));
checkboxes("b-required", "required", (f) => f === "email");

/** What each part of data-osdi-class-<part> is, for its field's label. */
const PART_LABELS: Record<ClassPart, string> = {
  form: "Form",
  field: "Each row",
  label: "Labels",
  input: "Text fields, drop-downs and text areas",
  check: "Checkboxes and radios",
  button: "Button",
  status: "Status message",
  error: "Error messages",
  hint: "Hint (the SMS disclosure)",
  title: "Title",
  description: "Description",
};
const classFields = byId<HTMLDivElement>("b-class-fields");
for (const part of CLASS_PARTS) {
  const row = document.createElement("div");
  row.className = "builder__field";
  const input = document.createElement("input");
  input.id = `b-class-${part}`;
  input.name = `class-${part}`;
  input.type = "text";
  input.autocomplete = "off";
  input.spellcheck = false;
  input.dataset.attr = `${PREFIX}class-${part}`;
  const label = document.createElement("label");
  label.htmlFor = input.id;
  const key = document.createElement("code");
  key.textContent = part;
  label.append(`${PART_LABELS[part]} `, key);
  row.append(label, input);
  classFields.append(row);
}
/** A preset's button fills in every part's field (empty where it has no class). */
const presetNote = byId<HTMLParagraphElement>("b-class-note");
for (const [id, preset] of Object.entries(CLASS_PRESETS)) {
  const button = document.createElement("button");
  button.type = "button";
  button.id = `b-preset-${id}`;
  button.textContent = preset.name;
  button.addEventListener("click", () => {
    for (const part of CLASS_PARTS)
      byId<HTMLInputElement>(`b-class-${part}`).value = preset.classes[part] ?? "";
    presetNote.textContent = preset.note;
    update();
  });
  byId<HTMLDivElement>("b-class-presets").append(button);
}

/** Every control that can be marked invalid, with the aria-describedby it has of its own. */
const controls = Array.from(form.querySelectorAll<HTMLElement>("[data-attr]"));
for (const c of controls) c.dataset.describedby = c.getAttribute("aria-describedby") ?? "";

function read(): Draft {
  const data = new FormData(form);
  const get = (name: string) => String(data.get(name) ?? "");
  const draft: Draft = {
    action: get("action"),
    kind: get("kind") as Draft["kind"],
    fallback: get("fallback"),
    fields: data.getAll("fields") as FieldName[],
    required: data.getAll("required") as FieldName[],
    tags: get("tags"),
    emailOptIn: get("email-opt-in"),
    smsOptIn: get("sms-opt-in"),
    lang: get("lang"),
    title: get("title"),
    description: get("description"),
    submit: get("text-submit"),
    thanks: get("text-thanks"),
    event: false,
    start: get("start"),
    end: get("end"),
    location: get("location"),
    styles: get("styles") || "base",
    background: get("background") || "false",
    autoresponse: get("autoresponse") || "true",
    classes: Object.fromEntries(CLASS_PARTS.map((part) => [part, get(`class-${part}`)])),
  };
  draft.event = kindOf(draft) === "event";
  return draft;
}

/** The kind the widget will be, as the parser reads the URL (and the kind, if chosen). */
function kindOf(d: Draft): Kind | undefined {
  try {
    return parseOptions({ action: d.action, ...(d.kind && { kind: d.kind }) }, location).kind;
  } catch {
    return d.kind || undefined;
  }
}

/**
 * Every problem the parser finds, not just the first: after each error, that
 * attribute is left out and the rest checked again.
 */
function check(attrs: Attr[], d: Draft): Problem[] {
  const found: Problem[] = [];
  const fb = d.fallback.trim();
  if (fb) {
    let u: URL | undefined;
    try {
      u = new URL(fb);
    } catch {}
    if (!u || !/^https?:$/.test(u.protocol))
      found.push({
        attr: "fallback",
        value: fb,
        code: "fallback",
        arg: "",
        fix: "give the action's public page as a full https:// address, or leave it empty.",
      });
  }
  const raw: Record<string, string> = Object.fromEntries(attrs);
  const failed = new Set<string>();
  for (let i = 0; i < attrs.length + 1; i++) {
    try {
      parseOptions(raw, location);
      break;
    } catch (e) {
      if (!(e instanceof AuthorError)) throw e;
      const name = e.attr.slice(PREFIX.length);
      if (!DEPENDS[name]?.some((n) => failed.has(n)))
        found.push({ attr: e.attr, value: e.value, fix: e.fix, code: e.code, arg: e.arg });
      failed.add(name);
      // Everything hangs on the action URL; an error outside the raw attributes ends it too.
      if (name === "action" || !(name in raw)) break;
      delete raw[name];
    }
  }
  return found;
}

/** The controls a problem is about: the offending boxes of a group where they can be told. */
function targets(p: Problem): HTMLElement[] {
  const all = controls.filter((c) => c.dataset.attr === p.attr);
  const boxes = (names: string[]) =>
    all.filter((c) => names.includes((c as HTMLInputElement).value));
  let some: HTMLElement[] = [];
  if (p.attr === `${PREFIX}fields`)
    some = boxes(
      p.code === "contact" ? ["email", "phone"] : p.code === "comments" ? ["comments"] : [p.arg],
    );
  if (p.attr === `${PREFIX}required`) some = boxes([p.arg]);
  // A group of radios: the group, and the chosen radio, where keyboard focus lands.
  return (some.length ? some : all).flatMap((c) => {
    const chosen = c instanceof HTMLFieldSetElement && c.querySelector<HTMLElement>(":checked");
    return chosen ? [c, chosen] : [c];
  });
}

let shownProblems = "";

function showProblems(problems: Problem[]) {
  for (const c of controls) {
    c.removeAttribute("aria-invalid");
    const own = c.dataset.describedby;
    if (own) c.setAttribute("aria-describedby", own);
    else c.removeAttribute("aria-describedby");
  }
  problems.forEach((p, i) => {
    for (const c of targets(p)) {
      c.setAttribute("aria-invalid", "true");
      c.setAttribute("aria-describedby", `${c.dataset.describedby} b-problem-${i}`.trim());
    }
  });
  // The live region changes only when what it says changes, so nothing is announced twice.
  const key = JSON.stringify(problems.map((p) => [p.attr, p.value, p.fix]));
  if (key === shownProblems) return;
  shownProblems = key;
  if (!problems.length) {
    const p = document.createElement("p");
    p.textContent = "No problems: the preview and the snippet below are up to date.";
    problemsBox.replaceChildren(p);
    return;
  }
  const intro = document.createElement("p");
  intro.textContent =
    problems.length === 1
      ? "Fix this to see the widget and the snippet:"
      : `Fix these ${problems.length} problems to see the widget and the snippet:`;
  const list = document.createElement("ul");
  problems.forEach((p, i) => {
    const li = document.createElement("li");
    li.id = `b-problem-${i}`;
    const link = document.createElement("a");
    const first = targets(p)[0];
    const focusable =
      first instanceof HTMLFieldSetElement
        ? first.querySelector<HTMLElement>(":checked, input")
        : first;
    if (focusable?.id) link.href = `#${focusable.id}`;
    const name = document.createElement("code");
    name.textContent = p.attr === "fallback" ? "Fallback link" : p.attr;
    link.append(name);
    const value = document.createElement("code");
    value.textContent = `"${p.value}"`;
    li.append(link, "=", value, ` is not valid: ${p.fix || `(${p.code})`}`);
    list.append(li);
  });
  problemsBox.replaceChildren(intro, list);
}

let shownSnippet = "";

/** The preview: a new container with the attributes; osdi-embed.js mounts it on insertion. */
function preview(attrs: Attr[], fb: Fallback) {
  const el = document.createElement("div");
  for (const [name, value] of attrs) el.setAttribute(PREFIX + name, value);
  const link = document.createElement("a");
  link.href = fb.href;
  link.textContent = fb.text;
  el.append(link);
  const old = previewSlot.firstElementChild;
  if (old instanceof HTMLElement) window.OsdiEmbed?.unmount(old);
  previewSlot.replaceChildren(el);

  // The parser accepted the URL, so it is absolute.
  const url = new URL(attrs[0][1]);
  if (/^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname)) {
    const page = document.createElement("a");
    page.href = `${url.origin}/`;
    page.textContent = "its page";
    previewNote.replaceChildren(
      `This preview posts to the local sandbox at ${url.host}: open `,
      page,
      " to see what it received.",
    );
  } else
    previewNote.textContent = `This preview posts for real to ${url.host}: what you send here is recorded there.`;
}

function update() {
  clearTimeout(timer);
  const d = read();
  eventGroup.hidden = !d.event;
  for (const row of Array.from(document.querySelectorAll<HTMLElement>("#b-required [data-field]")))
    row.hidden = !d.fields.includes(row.dataset.field as FieldName);
  const attrs = attributes(d);
  const problems = check(attrs, d);
  showProblems(problems);
  result.hidden = problems.length > 0;
  if (problems.length) return;
  const fb = fallback(d, kindOf(d));
  // The form's own HTML, as the script will draw it (osdi-embed/server, in this page).
  let inside: Inside | undefined;
  if (withHtml.checked) {
    const { attributes: written, html } = renderAttributes(Object.fromEntries(attrs), {
      fallbackHref: fb.href,
      lang: d.lang || undefined,
    });
    inside = { mark: written[RENDERED], html };
  }
  const text = snippet(attrs, fb, inside);
  if (text === shownSnippet) return;
  shownSnippet = text;
  code.textContent = text;
  copyStatus.textContent = "";
  preview(attrs, fb);
}

// Boxes, radios and menus apply at once; typing waits for a pause.
let timer: ReturnType<typeof setTimeout> | undefined;
form.addEventListener("input", (e) => {
  const t = e.target as HTMLInputElement;
  const typing = t instanceof HTMLTextAreaElement || !/^(checkbox|radio)$/.test(t.type ?? "");
  if (typing && !(t instanceof HTMLSelectElement)) {
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  } else update();
});
form.addEventListener("change", update);
// Beside the snippet, outside the form: the snippet's own option.
withHtml.addEventListener("change", update);
form.addEventListener("submit", (e) => {
  e.preventDefault();
  update();
});

copyButton.addEventListener("click", async () => {
  update();
  const text = code.textContent ?? "";
  try {
    await navigator.clipboard.writeText(text);
    copyStatus.textContent = "Copied. Paste it where your page takes HTML.";
  } catch {
    // No clipboard access: select the snippet so a keyboard shortcut copies it.
    const range = document.createRange();
    range.selectNodeContents(code);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    copyStatus.textContent = "Could not copy. The snippet is selected: press Ctrl+C (⌘C on a Mac).";
  }
});

update();
