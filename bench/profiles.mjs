// @ts-check
// The conditions the bench measures under, each the same way (scripts/bench.mjs): its
// pages loaded `loads` times round robin, then `submits` clicks on each one-form page.
// Adding a profile (another network, another device) is adding an entry here.

/**
 * @typedef {{ id: string, label: string, about: string, counts: number[], loads: number,
 *   submits: number, cold: boolean, viewport: { width: number, height: number },
 *   cpu?: number, network?: { latency: number, down: number, up: number }, trace: boolean }} Profile
 * counts: forms per page. cold: a new browser context (empty HTTP cache) per load, else
 * one context warmed by a load of each page first. cpu: Emulation.setCPUThrottlingRate.
 * network: Network.emulateNetworkConditions (ms per request; bits per second).
 * trace: a Chromium trace per round, for CPU time and whose each long task is; it slows a
 * page whose CPU is slowed too much to time it, so the phone goes without.
 */

/** @type {Profile[]} */
export const PROFILES = [
  {
    id: "desktop",
    label: "Desktop, warm cache",
    about: "a 1280 × 720 window, no throttling, the HTTP cache warm (one load of each page first)",
    counts: [1, 20, 100],
    loads: 15,
    submits: 10,
    cold: false,
    viewport: { width: 1280, height: 720 },
    trace: true,
  },
  {
    id: "phone",
    label: "Phone on Slow 4G, first visit",
    about:
      "a 390 × 844 viewport, CPU slowed 4×, 150 ms latency per request, 1.6 Mbit/s down, 750 kbit/s up, a new browser context (empty cache) per load",
    counts: [1, 20],
    loads: 7,
    submits: 5,
    cold: true,
    viewport: { width: 390, height: 844 },
    cpu: 4,
    network: { latency: 150, down: 1.6e6, up: 750e3 },
    trace: false,
  },
];
