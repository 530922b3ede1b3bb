/**
 * The action URLs an organizer may paste, and what the widget makes of each: one table
 * that the widget's parser (test/unit/action-url.test.ts), the WordPress plugin's PHP
 * and its block editor's script (test/build/contract.test.ts) are all held to.
 */
const ID = "7580a324-9a72-11e3-a2e9-12313d316c29";
const OTHER = "8A625981-67A4-4457-8B55-2E30B267B2C2";
const AN = "https://actionnetwork.org";

/** URL (and a kind given beside it) -> the kind and helper it posts to. */
export const ACCEPTED: [url: string, kind: string, result: { kind: string; helper: string }][] = [
  [
    `${AN}/api/v2/petitions/${ID}`,
    "",
    { kind: "petition", helper: `${AN}/api/v2/petitions/${ID}/signatures` },
  ],
  [
    `${AN}/api/v2/petitions/${ID}/`,
    "",
    { kind: "petition", helper: `${AN}/api/v2/petitions/${ID}/signatures` },
  ],
  [
    `${AN}/api/v2/petitions/${ID}/signatures`,
    "",
    { kind: "petition", helper: `${AN}/api/v2/petitions/${ID}/signatures` },
  ],
  [
    `${AN}/api/v2/forms/${ID}`,
    "",
    { kind: "form", helper: `${AN}/api/v2/forms/${ID}/submissions` },
  ],
  [
    `${AN}/api/v2/forms/${ID}/submissions/`,
    "form",
    { kind: "form", helper: `${AN}/api/v2/forms/${ID}/submissions/` },
  ],
  [
    `${AN}/api/v2/events/${OTHER}`,
    "",
    { kind: "event", helper: `${AN}/api/v2/events/${OTHER}/attendances` },
  ],
  [
    `${AN}/api/v2/events/${ID}/attendances`,
    "event",
    { kind: "event", helper: `${AN}/api/v2/events/${ID}/attendances` },
  ],
  [
    `${AN}/api/v2/event_campaigns/${ID}/events/${OTHER}`,
    "",
    { kind: "event", helper: `${AN}/api/v2/event_campaigns/${ID}/events/${OTHER}/attendances` },
  ],
  [
    `${AN}/api/v2/event_campaigns/${ID}/events/${OTHER}/attendances/`,
    "",
    { kind: "event", helper: `${AN}/api/v2/event_campaigns/${ID}/events/${OTHER}/attendances/` },
  ],
  // Other hosts keep the path rule: the sandbox, a proxy, another OSDI system.
  [
    "http://127.0.0.1:4010/api/v2/petitions/save-the-park",
    "",
    { kind: "petition", helper: "http://127.0.0.1:4010/api/v2/petitions/save-the-park/signatures" },
  ],
  [
    "https://osdi.example.org/petitions/save-the-park",
    "",
    { kind: "petition", helper: "https://osdi.example.org/petitions/save-the-park/signatures" },
  ],
  [
    "https://proxy.example.org/sign",
    "petition",
    { kind: "petition", helper: "https://proxy.example.org/sign" },
  ],
];

/** URL (and a kind given beside it) -> the error code it is refused with. */
export const REFUSED: [url: string, kind: string, code: string][] = [
  // The public pages an organizer sees in the browser.
  [`${AN}/petitions/save-the-park`, "", "publicPage"],
  [`${AN}/petitions/save-the-park/`, "petition", "publicPage"],
  [`${AN}/forms/volunteer-signup`, "", "publicPage"],
  [`${AN}/events/town-hall`, "", "publicPage"],
  [`${AN}/event_campaigns/house-parties`, "", "publicPage"],
  [`https://www.actionnetwork.org/petitions/save-the-park?source=email`, "", "publicPage"],
  // The official embed: its script, and the id of the element it fills.
  [`${AN}/widgets/v5/petition/save-the-park?format=js&source=widget`, "", "embedScript"],
  ["can-petition-area-save-the-park", "", "embedTarget"],
  ["#can-event-area-town-hall", "", "embedTarget"],
  // The API with the page's slug, or a path that is no action's.
  [`${AN}/api/v2/petitions/save-the-park`, "", "apiSlug"],
  [`${AN}/api/v2/forms/volunteer-signup/submissions`, "", "apiSlug"],
  [`${AN}/api/v2/events/12345`, "", "apiSlug"],
  [`${AN}/api/v2/event_campaigns/house-parties/events/${ID}`, "", "apiSlug"],
  [`${AN}/api/v1/petitions/${ID}`, "", "apiV1"],
  // Action Network's admin.
  [`${AN}/petitions/save-the-park/manage`, "", "adminPage"],
  [`${AN}/user_groups/our-group/dashboard`, "", "adminPage"],
  [`${AN}/api/v2/people`, "petition", "notApi"],
  [`${AN}/`, "petition", "notApi"],
  // Today's rules, everywhere.
  ["", "", "missing"],
  [`http://actionnetwork.org/api/v2/petitions/${ID}`, "", "https"],
  [`${AN}/api/v2/petitions/${ID}?api_key=abc`, "", "userinfo"],
  [`${AN}/api/v2/petitions/${ID}`, "form", "kind"],
  [`${AN}/api/v2/petitions/${ID}/submissions`, "", "collection"],
  ["https://proxy.example.org/sign", "", "noKind"],
];
