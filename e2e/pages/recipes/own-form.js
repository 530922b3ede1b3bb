// The recipe pages' own forms, checked the way each design system documents it:
// submitted with an empty required field, that field gets aria-invalid="true" and the
// form's data-invalid-class (Bootstrap's is-invalid, say), and its message (the element
// whose id is the field's id + "-error") is shown. Nothing is sent.
for (const form of document.querySelectorAll("form[data-own-form]")) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const invalid = (form.dataset.invalidClass ?? "").split(" ").filter(Boolean);
    for (const input of form.querySelectorAll("[data-required]")) {
      const empty = !input.value.trim();
      if (empty) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
      for (const c of invalid) input.classList.toggle(c, empty);
      const message = document.getElementById(`${input.id}-error`);
      if (message) message.hidden = !empty;
    }
  });
}
