// What a page builder does: blocks arrive after the page has loaded and are
// inserted into the DOM, here from a <template>, as a saved "section" would be.
window.addEventListener("load", () => {
  setTimeout(() => {
    const template = /** @type {HTMLTemplateElement} */ (document.getElementById("signup-section"));
    document.getElementById("builder-root")?.append(template.content.cloneNode(true));
  }, 150);
});
