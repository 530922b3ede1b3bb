/*
 * The theme's own script, enqueued after jQuery and Bootstrap as WordPress themes do.
 * It knows nothing about osdi-embed: a shadow under the header once the page scrolls.
 */
jQuery(($) => {
  const $header = $("#masthead");
  $(window).on("scroll", () => {
    $header.toggleClass("is-scrolled", window.scrollY > 8);
  });
});
