// @vitest-environment happy-dom
/**
 * src/parts/after.tsx: what a widget shows after success. Share links carry the
 * page's canonical URL with source=share_<network>; an event with a start gets
 * a Google Calendar link and an RFC 5545 .ics file; every string goes through
 * the widget's translator, so data-osdi-text-* overrides apply.
 */
import { h, render } from "preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { translator } from "../../src/i18n/t";
import After from "../../src/parts/after";
import { createModel, type Model } from "../../src/submit/model";
import { EVENT, PETITION, parse } from "./helpers";

/** The after view of a widget, as Widget renders it. */
const view = (m: Model, lang: string) => h(After, { model: m, lang });

const PAGE_PATH =
  "/take-action?source=newsletter&email=ada%40example.org&given_name=Ada&ref=1#sign";
const TOWN_HALL = {
  action: EVENT,
  title: "Town hall; rent, repairs\\and more",
  start: "2026-06-13T18:00:00-04:00",
  end: "2026-06-13T20:00:00-04:00",
  location: "Millbrook Library, Room 2; 210 Elm St\nMillbrook",
};

let host: HTMLElement;
let dispose: () => void;
beforeEach(() => {
  history.replaceState(null, "", PAGE_PATH);
  document.title = "Stop the bad thing";
  host = document.createElement("div");
  document.body.append(host);
  blobs.clear();
  vi.spyOn(URL, "createObjectURL").mockImplementation((b) => {
    const url = `blob:${location.origin}/${blobs.size + 1}`;
    blobs.set(url, b as Blob);
    return url;
  });
});
afterEach(() => {
  dispose?.();
  render(null, host);
  document.body.replaceChildren();
  for (const link of Array.from(document.head.querySelectorAll("link"))) link.remove();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  delete (window as { dataLayer?: unknown }).dataLayer;
});

/** The after view of a widget with these attributes, rendered (and re-rendered) as Widget does. */
function show(attrs: Record<string, string> = {}): Model {
  const o = parse({ action: PETITION, ...attrs }, location);
  const m = createModel(o, translator(o), host);
  render(view(m, "en"), host);
  dispose = () => render(null, host);
  return m;
}

const links = () => Array.from(host.querySelectorAll<HTMLElement>(".osdi-embed__share-link"));
const byText = (text: string) => {
  const el = links().find((l) => l.textContent === text);
  if (!el) throw new Error(`no link "${text}" in ${links().map((l) => l.textContent)}`);
  return el;
};
const href = (text: string) => byText(text).getAttribute("href")!;
/** The URL a share link passes on, from the parameter that carries it. */
const shared = (text: string, param: string) => {
  const u = new URL(href(text));
  const v = u.searchParams.get(param)!;
  return param === "text" && text === "WhatsApp" ? v.slice(v.lastIndexOf(" ") + 1) : v;
};

/** The page's navigator with some members replaced (its own are getters). */
const fakeNavigator = (members: Record<string, unknown>) =>
  Object.create(
    navigator,
    Object.fromEntries(Object.entries(members).map(([k, value]) => [k, { value }])),
  );

/** The blobs the view made URLs for, by URL. */
const blobs = new Map<string, Blob>();

/** The file the .ics link offers: its blob: URL is a real link, made once per widget. */
async function icsFile(): Promise<{ text: string; type: string; name: string }> {
  const a = byText("Calendar file (.ics)") as HTMLAnchorElement;
  const blob = blobs.get(a.getAttribute("href")!);
  if (!blob) throw new Error(`no blob behind ${a.getAttribute("href")}`);
  return { text: await blob.text(), type: blob.type, name: a.getAttribute("download")! };
}

describe("share links", () => {
  it("carry the page URL without its hash or personal fields, with source=share_<network>", () => {
    show();
    const expected = (network: string) =>
      `${location.origin}/take-action?source=share_${network}&ref=1`;
    expect(shared("Facebook", "u")).toBe(expected("facebook"));
    expect(shared("X", "url")).toBe(expected("x"));
    expect(shared("WhatsApp", "text")).toBe(expected("whatsapp"));
    expect(href("Email")).toBe(
      `mailto:?subject=Stop%20the%20bad%20thing&body=${encodeURIComponent(expected("email"))}`,
    );
    expect(href("Facebook")).toMatch(/^https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?u=/);
    expect(href("X")).toMatch(/^https:\/\/x\.com\/intent\/tweet\?text=Stop%20the%20bad%20thing&/);
    expect(href("WhatsApp")).toMatch(/^https:\/\/wa\.me\/\?text=Stop%20the%20bad%20thing%20/);
  });

  it("use the canonical URL when the page has one, replacing its source", () => {
    const link = document.createElement("link");
    link.rel = "canonical";
    link.href = "https://example.org/petitions/stop?source=old&lang=en#top";
    document.head.append(link);
    show();
    expect(shared("Facebook", "u")).toBe(
      "https://example.org/petitions/stop?source=share_facebook&lang=en",
    );
    expect(shared("X", "url")).toBe("https://example.org/petitions/stop?source=share_x&lang=en");
  });

  it("ignore a canonical link that is not http(s)", () => {
    const link = document.createElement("link");
    link.rel = "canonical";
    link.setAttribute("href", "javascript:alert(1)");
    document.head.append(link);
    show();
    expect(shared("Facebook", "u")).toBe(
      `${location.origin}/take-action?source=share_facebook&ref=1`,
    );
  });

  it("share data-osdi-title when there is one, else the document's title", () => {
    show({ title: "Save the library & the park" });
    expect(new URL(href("X")).searchParams.get("text")).toBe("Save the library & the park");
    expect(href("Email")).toContain("subject=Save%20the%20library%20%26%20the%20park&");
  });

  it("are links that open apart from the page, in a list with no heading", () => {
    show();
    const list = host.querySelector(".osdi-embed__after > ul.osdi-embed__share")!;
    expect(list.getAttribute("aria-label")).toBe("Share");
    expect(host.querySelector("h1, h2, h3, h4, h5, h6")).toBeNull();
    for (const name of ["Facebook", "X", "WhatsApp", "Email"]) {
      const a = byText(name);
      expect(a.tagName).toBe("A");
      expect(a.parentElement!.tagName).toBe("LI");
      expect(a.getAttribute("target")).toBe("_blank");
      expect(a.getAttribute("rel")).toBe("noopener");
    }
    expect(byText("Copy link").tagName).toBe("BUTTON");
    // No navigator.share here: no native Share button.
    expect(links().map((l) => l.textContent)).toEqual([
      "Facebook",
      "X",
      "WhatsApp",
      "Email",
      "Copy link",
    ]);
  });

  it("dispatch osdi:share on the container, and push to dataLayer when asked", () => {
    show({ datalayer: "" });
    const seen: unknown[] = [];
    document.addEventListener("osdi:share", (e) => seen.push((e as CustomEvent).detail), {
      once: true,
    });
    // The page stays; happy-dom would otherwise open wa.me.
    document.addEventListener("click", (e) => e.preventDefault(), { once: true });
    byText("WhatsApp").dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
    const detail = { kind: "petition", action: PETITION, network: "whatsapp" };
    expect(seen).toEqual([detail]);
    expect((window as { dataLayer?: unknown[] }).dataLayer).toEqual([
      { event: "osdi_share", ...detail },
    ]);
  });

  it("show nothing when the widget redirects", () => {
    show({ redirect: "https://example.org/thanks" });
    expect(host.innerHTML).toBe("");
  });
});

describe("native share", () => {
  it("comes first where navigator.share exists, with source=share_native", async () => {
    const share = vi.fn(() => Promise.resolve());
    vi.stubGlobal("navigator", fakeNavigator({ share }));
    show();
    const events: string[] = [];
    host.addEventListener("osdi:share", (e) => events.push((e as CustomEvent).detail.network));
    expect(links()[0].textContent).toBe("Share");
    links()[0].click();
    expect(share).toHaveBeenCalledWith({
      title: "Stop the bad thing",
      text: "Stop the bad thing",
      url: `${location.origin}/take-action?source=share_native&ref=1`,
    });
    await Promise.resolve();
    expect(events).toEqual(["native"]);
  });

  it("counts nothing when the visitor cancels", async () => {
    const share = vi.fn(() => Promise.reject(new DOMException("cancelled", "AbortError")));
    vi.stubGlobal("navigator", fakeNavigator({ share }));
    show();
    const events: string[] = [];
    host.addEventListener("osdi:share", (e) => events.push((e as CustomEvent).detail.network));
    links()[0].click();
    await new Promise((r) => setTimeout(r));
    expect(events).toEqual([]);
  });
});

describe("copy link", () => {
  const stubClipboard = (writeText: (s: string) => Promise<void>) =>
    vi.stubGlobal("navigator", fakeNavigator({ clipboard: { writeText: vi.fn(writeText) } }));

  it("copies the URL with source=share_copy and says so on the button", async () => {
    stubClipboard(() => Promise.resolve());
    show();
    const button = byText("Copy link");
    button.click();
    await new Promise((r) => setTimeout(r));
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith(
      `${location.origin}/take-action?source=share_copy&ref=1`,
    );
    expect(button.textContent).toBe("Link copied");
    // The widget's one live region stays its status; this adds none.
    expect(host.querySelectorAll("[role=status], [role=alert], [aria-live]")).toHaveLength(0);
  });

  it("selects the URL in a read-only box when the clipboard refuses", async () => {
    stubClipboard(() => Promise.reject(new DOMException("denied", "NotAllowedError")));
    show();
    byText("Copy link").click();
    await new Promise((r) => setTimeout(r, 10));
    const input = host.querySelector<HTMLInputElement>("input.osdi-embed__share-url")!;
    expect(input.readOnly).toBe(true);
    expect(input.value).toBe(`${location.origin}/take-action?source=share_copy&ref=1`);
    expect(input.getAttribute("aria-label")).toBe("Copy link");
    expect(document.activeElement).toBe(input);
    expect(byText("Copy link")).toBeTruthy();
  });
});

describe("add to calendar", () => {
  it("links to Google Calendar with UTC dates, the title and the location", () => {
    show(TOWN_HALL);
    const u = new URL(href("Google Calendar"));
    expect(`${u.origin}${u.pathname}`).toBe("https://calendar.google.com/calendar/render");
    expect(u.searchParams.get("action")).toBe("TEMPLATE");
    expect(u.searchParams.get("dates")).toBe("20260613T220000Z/20260614T000000Z");
    expect(u.searchParams.get("text")).toBe(TOWN_HALL.title);
    expect(u.searchParams.get("location")).toBe(TOWN_HALL.location);
    expect(href("Google Calendar")).toContain("&dates=20260613T220000Z/20260614T000000Z&");
    const group = host.querySelector(".osdi-embed__after > .osdi-embed__calendar")!;
    expect(group.getAttribute("role")).toBe("group");
    const label = document.getElementById(group.getAttribute("aria-labelledby")!);
    expect(label?.textContent).toBe("Add to calendar");
  });

  it("offers an RFC 5545 file, text escaped, CRLF line endings", async () => {
    show(TOWN_HALL);
    const { text, type, name } = await icsFile();
    expect(type).toBe("text/calendar;charset=utf-8");
    expect(name).toBe("Town-hall-rent-repairs-and-more.ics");
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    // Unfolded: a CRLF followed by a space continues the line before.
    const lines = text.replace(/\r\n /g, "").split("\r\n").slice(0, -1);
    expect(lines).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//osdi-embed//osdi-embed//EN",
      "BEGIN:VEVENT",
      `UID:${EVENT}`,
      expect.stringMatching(/^DTSTAMP:\d{8}T\d{6}Z$/),
      "DTSTART:20260613T220000Z",
      "DTEND:20260614T000000Z",
      "SUMMARY:Town hall\\; rent\\, repairs\\\\and more",
      "LOCATION:Millbrook Library\\, Room 2\\; 210 Elm St\\nMillbrook",
      "END:VEVENT",
      "END:VCALENDAR",
    ]);
  });

  it("is one real blob: link per widget, made once however often it renders", async () => {
    const m = show(TOWN_HALL);
    const a = byText("Calendar file (.ics)");
    expect(a.tagName).toBe("A");
    expect(a.getAttribute("href")).toMatch(/^blob:/);
    expect(a.hasAttribute("target")).toBe(false);
    m.status.value = "thanks";
    m.errors.value = {};
    render(view(m, "en"), host);
    expect(URL.createObjectURL).toHaveBeenCalledTimes(1);
    expect(byText("Calendar file (.ics)").getAttribute("href")).toBe(a.getAttribute("href"));
  });

  it("ends an hour after the start when there is no end", async () => {
    show({ action: EVENT, start: "2026-06-13T18:00:00Z" });
    expect(new URL(href("Google Calendar")).searchParams.get("dates")).toBe(
      "20260613T180000Z/20260613T190000Z",
    );
    expect(new URL(href("Google Calendar")).searchParams.has("location")).toBe(false);
    const { text } = await icsFile();
    expect(text).toContain("\r\nDTSTART:20260613T180000Z\r\nDTEND:20260613T190000Z\r\n");
    expect(text).toContain("\r\nSUMMARY:Stop the bad thing\r\n");
    expect(text).not.toContain("LOCATION");
  });

  it.each([
    ["at a place, its zone named", { timezone: "America/Chicago" }],
    ["at a place, by the offset", {}],
    ["online", { online: "", timezone: "America/Chicago" }],
  ])("carries the exact instant for an event %s", async (_, attrs) => {
    show({
      action: EVENT,
      start: "2026-12-10T18:30:00-06:00",
      end: "2026-12-10T20:00:00-06:00",
      location: "Millbrook Library",
      ...attrs,
    });
    expect(new URL(href("Google Calendar")).searchParams.get("dates")).toBe(
      "20261211T003000Z/20261211T020000Z",
    );
    const { text } = await icsFile();
    expect(text).toContain("\r\nDTSTART:20261211T003000Z\r\nDTEND:20261211T020000Z\r\n");
  });

  it("folds long lines at 75 octets without splitting a character", async () => {
    const title = `Assemblée générale ${"é".repeat(40)} ${"🗳".repeat(10)} fin`;
    show({ action: EVENT, start: "2026-06-13T18:00:00Z", title });
    const { text } = await icsFile();
    const bytes = (s: string) => new TextEncoder().encode(s).length;
    for (const line of text.split("\r\n")) expect(bytes(line)).toBeLessThanOrEqual(75);
    // Unfolded (CRLF + one space removed), the summary is whole again.
    expect(text.replace(/\r\n /g, "")).toContain(`\r\nSUMMARY:${title}\r\n`);
    expect(text).not.toContain("\uFFFD");
  });

  it("is not there without a start, nor for other kinds", () => {
    show({ action: EVENT, location: "Millbrook Library" });
    expect(host.querySelector(".osdi-embed__calendar")).toBeNull();
    expect(host.querySelector(".osdi-embed__share")).not.toBeNull();
    render(null, host);
    dispose();
    show({ action: PETITION, start: "2026-06-13T18:00:00Z" });
    expect(host.querySelector(".osdi-embed__calendar")).toBeNull();
  });
});

describe("text", () => {
  it("comes from the translator, so data-osdi-text-* overrides apply", async () => {
    const share = vi.fn(() => Promise.resolve());
    vi.stubGlobal(
      "navigator",
      fakeNavigator({ share, clipboard: { writeText: () => Promise.resolve() } }),
    );
    show({
      ...TOWN_HALL,
      "text-share": "Spread the word",
      "text-share_copy": "Copy the address",
      "text-share_copied": "Address copied",
      "text-calendar": "Save the date",
      "text-calendar_ics": "iCal / Outlook",
      "text-email": "E-mail a friend",
    });
    expect(links().map((l) => l.textContent)).toEqual([
      "Spread the word",
      "Facebook",
      "X",
      "WhatsApp",
      "E-mail a friend",
      "Copy the address",
      "Google Calendar",
      "iCal / Outlook",
    ]);
    expect(host.querySelector(".osdi-embed__share")!.getAttribute("aria-label")).toBe(
      "Spread the word",
    );
    expect(host.querySelector(".osdi-embed__calendar > span")!.textContent).toBe("Save the date");
    byText("Copy the address").click();
    await new Promise((r) => setTimeout(r));
    expect(links()[5].textContent).toBe("Address copied");
  });

  it("is text, never markup", () => {
    show({ ...TOWN_HALL, title: "<img src=x onerror=alert(1)>", "text-calendar": "<b>x</b>" });
    expect(host.querySelector("img, b")).toBeNull();
    expect(host.querySelector(".osdi-embed__calendar > span")!.textContent).toBe("<b>x</b>");
  });
});
