/**
 * osdi-embed's live count (includes/count.php renders it): when a widget on the page
 * succeeds, its osdi:success event bubbles from the container to the document, and every
 * count of the same action goes up by one. The count's text is an aria-live="polite"
 * region, so a screen reader says the new number when it is done speaking. Plain
 * JavaScript, no build, no inline script; loaded only on pages that show a count.
 */
(() => {
  /** "1234567" with the site's thousands separator, as number_format_i18n() writes it. */
  const grouped = (number, separator) => String(number).replace(/\B(?=(\d{3})+(?!\d))/g, separator);

  /** The words for a number ("signature" or "signatures"), by the page's plural rules. */
  function words(count, number) {
    let one = number === 1;
    try {
      one = new Intl.PluralRules(document.documentElement.lang || "en").select(number) === "one";
    } catch {}
    return count.getAttribute(one ? "data-one" : "data-other") || "";
  }

  document.addEventListener("osdi:success", (event) => {
    const action = event.detail?.action;
    if (!action) return;
    for (const count of document.querySelectorAll(".osdi-embed-count[data-action]")) {
      if (count.getAttribute("data-action") !== action) continue;
      const total = Number(count.getAttribute("data-total")) + 1;
      if (!Number.isSafeInteger(total)) continue;
      count.setAttribute("data-total", String(total));
      const number = count.querySelector(".osdi-embed-count__number");
      const named = count.querySelector(".osdi-embed-count__words");
      if (number) number.textContent = grouped(total, count.getAttribute("data-thousands") ?? ",");
      if (named) named.textContent = words(count, total);
      const progress = count.querySelector("progress");
      if (progress) progress.value = Math.min(total, progress.max);
    }
  });
})();
