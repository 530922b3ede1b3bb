/**
 * The osdi-embed/action block in the editor: sidebar controls for the attributes, and a
 * preview drawn from them. The preview is a static picture of the fields: osdi-embed.js is
 * never loaded in the editor, and nothing here posts. WordPress's globals only, no build.
 */
((wp) => {
  const el = wp.element.createElement;
  const { __ } = wp.i18n;
  const { InspectorControls, useBlockProps } = wp.blockEditor;
  const { PanelBody, TextControl, TextareaControl, SelectControl, Notice } = wp.components;

  // The widget's contract and its own parser (block/contract.js, generated from its source).
  const contract = window.osdiEmbedContract;
  const FIELDS = contract.fields;
  const PARTS = contract.classParts;
  /** The preview's words: the widget's own English ones. */
  const WORDS = contract.english;

  /** What is wrong with the action URL, as the widget would say it; "" when it is fine. */
  const actionProblem = (value, kind) => contract.actionProblem(value || "", kind || "");

  /** The kind given, or the one the URL names. */
  const kindOf = (a) => a.kind || contract.kindIn(a.action || "") || "";
  const list = (v, sep) =>
    (v || "")
      .split(sep)
      .map((s) => s.trim())
      .filter(Boolean);

  function customLabels(json) {
    try {
      const parsed = JSON.parse(json);
      return Array.isArray(parsed) ? parsed.map((f) => String(f?.label ?? f?.name ?? "")) : [];
    } catch {
      return [];
    }
  }

  /** A static picture of the widget: nothing in it can be sent. */
  function preview(a) {
    const kind = kindOf(a);
    const fields = list(a.fields, /[\s,]+/).filter((f) => FIELDS.includes(f));
    const shown = fields.length ? fields : contract.defaultFields;
    const required = list(a.required || "email", /[\s,]+/);
    const rows = shown.map((f) =>
      el(
        "p",
        { key: f, className: "osdi-embed-preview__field" },
        el("label", null, (WORDS[f] || f) + (required.includes(f) ? ` ${WORDS.required}` : "")),
        el("br"),
        el("input", { type: "text", disabled: true, tabIndex: -1 }),
      ),
    );
    for (const [i, label] of customLabels(a.custom_fields).entries())
      rows.push(
        el(
          "p",
          { key: `custom-${i}` },
          el("label", null, label),
          el("br"),
          el("input", { type: "text", disabled: true, tabIndex: -1 }),
        ),
      );
    if (a.email_opt_in)
      rows.push(
        el(
          "p",
          { key: "opt-in" },
          el(
            "label",
            null,
            el("input", {
              type: "checkbox",
              disabled: true,
              defaultChecked: a.email_opt_in === "checked",
            }),
            " ",
            a.email_opt_in === "required"
              ? `${WORDS.email_consent} ${WORDS.required}`
              : WORDS.email_opt_in,
          ),
        ),
      );
    return el(
      "div",
      {
        className: "osdi-embed-preview",
        "aria-label": __("Preview of the widget (nothing is sent from the editor)", "osdi-embed"),
      },
      a.title ? el("h2", null, a.title) : null,
      a.description ? el("p", null, a.description) : null,
      a.start || a.location
        ? el("p", null, [a.start, a.location].filter(Boolean).join(" · "))
        : null,
      el(
        "fieldset",
        { disabled: true, style: { border: 0, padding: 0, margin: 0 } },
        rows,
        el(
          "button",
          {
            type: "button",
            className: `wp-element-button ${a.class_button || ""}`.trim(),
            tabIndex: -1,
          },
          a.text_submit || WORDS[`submit_${kind}`] || WORDS.submit_form,
        ),
      ),
      el(
        "p",
        null,
        el(
          "small",
          null,
          __("Preview: the widget shows and sends on the published page.", "osdi-embed"),
        ),
      ),
    );
  }

  // biome-ignore lint/correctness/noComponentHookFactories: one component, inside the script's own scope (a classic script, no module).
  function Edit({ attributes: a, setAttributes }) {
    const text = (name, label, help) =>
      el(TextControl, {
        key: name,
        label,
        help,
        value: a[name] || "",
        onChange: (v) => setAttributes({ [name]: v }),
      });
    const select = (name, label, options, help) =>
      el(SelectControl, {
        key: name,
        label,
        help,
        value: a[name] || "",
        options: options.map(([value, words]) => ({ label: words, value })),
        onChange: (v) => setAttributes({ [name]: v }),
      });
    const problem = actionProblem(a.action, a.kind);
    return el(
      "div",
      useBlockProps(),
      el(
        InspectorControls,
        null,
        el(
          PanelBody,
          { title: __("Action", "osdi-embed"), initialOpen: true },
          text(
            "action",
            __("Action's API URL", "osdi-embed"),
            __(
              "The action's API URL (…/api/v2/petitions/{id}): Action Network shows it in the sidebar of the action's manage page, to accounts with API access. Not the public page, and never a key.",
              "osdi-embed",
            ),
          ),
          problem ? el(Notice, { status: "warning", isDismissible: false }, problem) : null,
          select("kind", __("Kind", "osdi-embed"), [
            ["", __("From the URL", "osdi-embed")],
            ["petition", __("Petition", "osdi-embed")],
            ["form", __("Form", "osdi-embed")],
            ["event", __("Event", "osdi-embed")],
          ]),
          text("fields", __("Fields", "osdi-embed"), FIELDS.join(" ")),
          text("required", __("Required fields", "osdi-embed"), __("Default: email", "osdi-embed")),
          text("tags", __("Tags", "osdi-embed"), __("Separated by commas", "osdi-embed")),
          el(TextareaControl, {
            label: __("Custom fields (JSON)", "osdi-embed"),
            value: a.custom_fields || "",
            onChange: (v) => setAttributes({ custom_fields: v }),
          }),
          select(
            "email_opt_in",
            __("Email consent box", "osdi-embed"),
            [
              ["", __("None", "osdi-embed")],
              ["required", __("Must be ticked to send (consent)", "osdi-embed")],
              ["unchecked", __("Unticked", "osdi-embed")],
              ["checked", __("Ticked", "osdi-embed")],
            ],
            __(
              "Action Network adds new signers to your email list whether or not a box is ticked: Ticked and Unticked only re-subscribe people who had unsubscribed. Choose “Must be ticked” where you need consent.",
              "osdi-embed",
            ),
          ),
          select("sms_opt_in", __("SMS consent box", "osdi-embed"), [
            ["", __("None", "osdi-embed")],
            ["unchecked", __("Unticked", "osdi-embed")],
          ]),
          select(
            "lang",
            __("Language", "osdi-embed"),
            [["", __("Site default", "osdi-embed")]].concat(contract.languages.map((c) => [c, c])),
          ),
        ),
        el(
          PanelBody,
          { title: __("Words", "osdi-embed"), initialOpen: false },
          text("title", __("Title", "osdi-embed")),
          text("description", __("Description", "osdi-embed")),
          text("text_submit", __("Submit button", "osdi-embed")),
          text("text_thanks", __("Thank-you text", "osdi-embed")),
          text("redirect", __("Thank-you page (redirect)", "osdi-embed")),
          text("source", __("Source code", "osdi-embed")),
          text("fallback", __("Fallback link text", "osdi-embed")),
          text("fallback_href", __("Fallback link (the action's public page)", "osdi-embed")),
        ),
        el(
          PanelBody,
          { title: __("Event time and place", "osdi-embed"), initialOpen: false },
          text("start", __("Start", "osdi-embed"), "2026-12-10T18:30:00-06:00"),
          text("end", __("End", "osdi-embed")),
          text("timezone", __("Time zone", "osdi-embed"), "America/Chicago"),
          text("location", __("Place", "osdi-embed")),
          select("online", __("Online", "osdi-embed"), [
            ["", __("No", "osdi-embed")],
            ["true", __("Yes", "osdi-embed")],
          ]),
        ),
        el(
          PanelBody,
          { title: __("Class hooks", "osdi-embed"), initialOpen: false },
          PARTS.map((p) => text(`class_${p}`, p)),
        ),
      ),
      preview(a),
    );
  }

  wp.blocks.registerBlockType("osdi-embed/action", { edit: Edit, save: () => null });
})(window.wp);
