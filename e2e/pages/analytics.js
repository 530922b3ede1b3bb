// The site's analytics: forwards osdi-embed's events to the tag manager's data layer.
/** @type {Window & { dataLayer?: unknown[] }} */
const site = window;
site.dataLayer ??= [];
const layer = site.dataLayer;
for (const name of ["osdi:ready", "osdi:submit", "osdi:success", "osdi:error", "osdi:queued"]) {
  document.addEventListener(name, (e) => {
    layer.push({
      event: name,
      target: e.target instanceof Element ? e.target.id : null,
      bubbles: e.bubbles,
      detail: e instanceof CustomEvent ? e.detail : null,
    });
  });
}
