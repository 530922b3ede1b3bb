/**
 * The event the tests create on the sandbox, as Action Network gives one: a town hall
 * at a library in Millbrook, Illinois, its times the place's clock written with a Z
 * (no time zone: sandbox/README.md). Shared by the sandbox's, the command's and the
 * WordPress plugin's tests, each changing what it needs.
 */
export const TOWN_HALL = {
  title: "Town hall on rent stabilization",
  description: "<p>Hear from tenants &amp; Council members.</p>",
  start_date: "2026-12-10T18:30:00Z",
  end_date: "2026-12-10T20:00:00Z",
  location: {
    venue: "Millbrook Public Library",
    address_lines: ["210 Elm Street"],
    locality: "Millbrook",
    region: "IL",
    postal_code: "60536",
    country: "US",
  },
};
