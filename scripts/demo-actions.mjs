// @ts-check
// The actions the demo's pages (demo/*.html, demo/themes/*.html) use, as the group's
// Action Network would list them: npm start gives them to the sandbox, so the keyed
// API lists them, `npx osdi-embed actions --api …` finds them, and their totals grow
// as people sign on the demo site. The ids are the pages' own.
// An event's dates are the place's clock written with a Z, as Action Network writes
// them (sandbox/README.md, "Time zones"); Millbrook keeps Chicago's time.

/** @import { ActionInput } from "../sandbox/actions.mjs" */
/** @import { EventLocation } from "../sandbox/types.mjs" */

/** @param {string} venue @param {string} street @returns {EventLocation} */
const inMillbrook = (venue, street) => ({
  venue,
  address_lines: [street],
  locality: "Millbrook",
  region: "IL",
  postal_code: "60536",
  country: "US",
  location: { latitude: 41.6, longitude: -88.551, accuracy: "Rooftop" },
});

const RENTS = {
  title: "Sign the petition: stabilize rents in Millbrook",
  description:
    "<p>To the Millbrook City Council: pass the rent stabilization ordinance on January 14, and keep Millbrook affordable for the families who live here.</p>",
  petition_text: "Pass the rent stabilization ordinance on January 14.",
  slug: "stabilize-rents-in-millbrook",
};

const TOWN_HALL = {
  title: "Town hall on rent stabilization",
  description:
    "<p>Hear from tenants and Council members, ask your questions, and plan the January 14 turnout. Childcare and Spanish interpretation provided.</p>",
  start_date: "2026-12-10T18:30:00Z",
  end_date: "2026-12-10T20:00:00Z",
  location: inMillbrook("Millbrook Public Library, Community Room", "210 Elm Street"),
  instructions: "<p>Come in by the side door on Oak Street; the Community Room is on the left.</p>",
  slug: "millbrook-rent-town-hall",
};

const SURVEY = {
  title: "Millbrook building survey",
  description:
    "<p>Tell us what is going on where you live, and someone from the Alliance will get in touch.</p>",
  call_to_action: "Send my answers",
  slug: "millbrook-building-survey",
};

/** @type {ActionInput[]} */
export const DEMO_ACTIONS = [
  // demo/index.html
  {
    id: "df883b6a-3fe7-4525-982f-7a5909c1c665",
    kind: "petition",
    created_date: "2026-10-01T15:00:00Z",
    ...RENTS,
  },
  {
    id: "48035cd1-e08f-404e-8cbc-ef4f6bc1350e",
    kind: "form",
    created_date: "2026-10-03T15:00:00Z",
    ...SURVEY,
  },
  {
    id: "f60bd26d-bf1b-4141-8daa-0a59a6fec071",
    kind: "event",
    created_date: "2026-10-20T15:00:00Z",
    ...TOWN_HALL,
  },
  // demo/events.html
  {
    id: "17f305bb-de4c-4839-a1f3-a6e80f5a9a24",
    kind: "event",
    created_date: "2026-10-22T15:00:00Z",
    title: "Know your rights: tenant workshop",
    description:
      "<p>A lawyer from Prairie Legal Aid explains leases, deposits, repairs and what to do when an eviction notice arrives. Bring your questions.</p>",
    start_date: "2026-12-05T10:00:00Z",
    end_date: "2026-12-05T12:00:00Z",
    location: inMillbrook("Eastside Community Center", "45 Mill Road"),
    slug: "millbrook-know-your-rights",
  },
  {
    id: "666ccb91-4215-4fc1-b80b-367f902afc46",
    kind: "event",
    created_date: "2026-10-25T15:00:00Z",
    title: "Winter door-knocking day",
    description:
      "<p>We talk with tenants in the Riverside buildings about the January 14 vote. New volunteers get a short training and go out with someone experienced.</p>",
    start_date: "2026-12-12T13:00:00Z",
    end_date: "2026-12-12T16:00:00Z",
    location: inMillbrook("Millbrook Tenants Alliance", "118 Front Street, Suite 4"),
    slug: "millbrook-winter-door-knocking",
  },
  {
    id: "f0a813a3-e299-4c07-9a15-26deee3398fe",
    kind: "petition",
    created_date: "2026-11-02T15:00:00Z",
    title: "No winter evictions in Millbrook",
    description:
      "<p>To Mayor Reyes: ask the courts to pause evictions from December through February, when no family should lose its home.</p>",
    slug: "no-winter-evictions-in-millbrook",
  },
  // demo/volunteer.html
  {
    id: "3c9f1e2a-7b4d-4e8a-9f61-2d5a8c0b7e14",
    kind: "form",
    created_date: "2026-09-15T15:00:00Z",
    title: "Volunteer with the Alliance",
    description: "<p>Tell us how you would like to help, and a team lead will call you.</p>",
    slug: "millbrook-volunteer",
  },
  {
    id: "9a1d7c3e-5f2b-4c8d-b6e0-41f7a2c9d853",
    kind: "form",
    created_date: "2026-09-01T15:00:00Z",
    title: "Millbrook Tenants Alliance newsletter",
    description: "<p>News from the Alliance, twice a month.</p>",
    slug: "millbrook-newsletter",
  },
  // demo/themes/wordpress.html, dark.html and serif.html: the same campaign on other sites
  {
    id: "f4f541b5-74ce-48e1-b7dd-6bea9c6d864e",
    kind: "petition",
    created_date: "2026-10-05T15:00:00Z",
    ...RENTS,
  },
  {
    id: "114bc462-08b0-4c38-ab95-62bcf66d10af",
    kind: "form",
    created_date: "2026-10-05T15:05:00Z",
    ...SURVEY,
  },
  {
    id: "24fffe9a-9468-44f6-a909-d47ddcad146a",
    kind: "event",
    created_date: "2026-10-21T15:00:00Z",
    ...TOWN_HALL,
  },
  {
    id: "a9c187a0-736e-46c6-8f9a-1486e98684ba",
    kind: "petition",
    created_date: "2026-10-06T15:00:00Z",
    ...RENTS,
  },
  {
    id: "3af0c319-6c8b-4398-949f-0ba2cb969429",
    kind: "event",
    created_date: "2026-10-21T15:10:00Z",
    ...TOWN_HALL,
  },
  {
    id: "f07f88b0-a3d1-42bc-8b97-7598aa3f053a",
    kind: "form",
    created_date: "2026-10-06T15:05:00Z",
    ...SURVEY,
  },
  {
    id: "095f793f-29b9-4a86-a6cc-ca3354f6253d",
    kind: "petition",
    created_date: "2026-10-07T15:00:00Z",
    ...RENTS,
  },
  {
    id: "3ecfd8de-c6d1-4536-8511-1b0f52e0b595",
    kind: "form",
    created_date: "2026-10-07T15:05:00Z",
    ...SURVEY,
  },
  {
    id: "b270304d-7d94-4567-a713-543326ef4f3c",
    kind: "event",
    created_date: "2026-10-21T15:20:00Z",
    ...TOWN_HALL,
  },
];
