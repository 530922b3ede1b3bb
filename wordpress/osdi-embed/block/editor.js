/**
 * The osdi-embed/action block in the editor: sidebar controls for the attributes, and a
 * preview drawn from them. The preview is a static picture of the fields: osdi-embed.js is
 * never loaded in the editor, and nothing here posts. With the site's API key, the sidebar
 * lists the group's actions (GET osdi-embed/v1/actions: public fields only, the key stays
 * on the server) and picking one fills the attributes. WordPress's globals only, no build.
 */
((wp) => {
  const el = wp.element.createElement;
  const { useEffect, useState } = wp.element;
  const { __, sprintf } = wp.i18n;
  const { InspectorControls, useBlockProps } = wp.blockEditor;
  const {
    Button,
    Notice,
    PanelBody,
    SearchControl,
    SelectControl,
    TextareaControl,
    TextControl,
    ToggleControl,
  } = wp.components;

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

  /** The group's actions, read once per editor (the server keeps them a few minutes). */
  let groupActions = null;
  const readGroupActions = (fresh) => {
    if (!groupActions || fresh)
      groupActions = wp.apiFetch({ path: `/osdi-embed/v1/actions${fresh ? "?fresh=true" : ""}` });
    return groupActions;
  };

  /** What a count says, as the page will: "1,234 signatures". */
  const TOTAL_WORDS = {
    petition: [__("signature", "osdi-embed"), __("signatures", "osdi-embed")],
    form: [__("submission", "osdi-embed"), __("submissions", "osdi-embed")],
    event: [__("RSVP", "osdi-embed"), __("RSVPs", "osdi-embed")],
  };
  const totalText = (kind, total) =>
    `${Number(total).toLocaleString()} ${(TOTAL_WORDS[kind] || TOTAL_WORDS.petition)[total === 1 ? 0 : 1]}`;

  /** Actions whose title, description, kind or id hold every word searched for. */
  function matching(actions, search) {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    return actions.filter((action) => {
      const text = [action.title, action.description, action.kind, action.id]
        .join(" ")
        .toLowerCase();
      return words.every((word) => text.includes(word));
    });
  }

  /** The attributes an action fills in; an event's time and place, or none for other kinds. */
  const picked = (action) => ({
    action: action.api_url,
    kind: "",
    fallback_href: action.browser_url || "",
    title: action.title || "",
    description: action.description || "",
    start: action.kind === "event" ? action.start || "" : "",
    end: action.kind === "event" ? action.end || "" : "",
    timezone: action.kind === "event" ? action.timezone || "" : "",
    location: action.kind === "event" ? action.location || "" : "",
  });

  /** The sidebar's list of the group's actions, searchable; a pick fills the attributes. */
  function picker(a, setAttributes, group, search, setSearch, refresh) {
    if (group.reading)
      return el("p", null, __("Reading your actions from Action Network…", "osdi-embed"));
    if (group.message)
      return [
        el(Notice, { key: "problem", status: "error", isDismissible: false }, group.message),
        el(
          Button,
          { key: "again", variant: "secondary", onClick: () => refresh() },
          __("Try again", "osdi-embed"),
        ),
      ];
    const found = matching(group.actions, search);
    const shown = found.slice(0, 25);
    const chosen = group.actions.find((action) => action.api_url === a.action);
    return [
      el(SearchControl, {
        key: "search",
        label: __("Search your actions", "osdi-embed"),
        value: search,
        onChange: setSearch,
      }),
      el(
        "p",
        { key: "found", className: "osdi-embed-picker__found", "aria-live": "polite" },
        found.length > shown.length
          ? sprintf(
              /* translators: 1: actions shown, 2: actions found */
              __("%1$d of %2$d actions shown: search to narrow them down.", "osdi-embed"),
              shown.length,
              found.length,
            )
          : sprintf(
              /* translators: %d: actions found */
              __("%d actions found.", "osdi-embed"),
              found.length,
            ),
      ),
      el(
        "ul",
        {
          key: "list",
          className: "osdi-embed-picker",
          "aria-label": __("Your actions", "osdi-embed"),
          style: { listStyle: "none", margin: 0, padding: 0 },
        },
        shown.map((action) =>
          el(
            "li",
            { key: action.api_url, style: { margin: "0 0 4px" } },
            el(
              Button,
              {
                variant: "secondary",
                isPressed: action.api_url === a.action,
                onClick: () => setAttributes(picked(action)),
                style: { height: "auto", width: "100%", textAlign: "left", display: "block" },
              },
              el("strong", null, action.title || action.id),
              el("br"),
              el(
                "small",
                null,
                [
                  action.kind,
                  action.total === null ? "" : totalText(action.kind, action.total),
                  action.kind === "event" ? (action.start || action.start_date).slice(0, 10) : "",
                ]
                  .filter(Boolean)
                  .join(" · "),
              ),
            ),
          ),
        ),
      ),
      chosen?.kind === "event" && chosen.start_date && !chosen.start
        ? el(
            Notice,
            { key: "zone", status: "warning", isDismissible: false },
            sprintf(
              /* translators: %s: the event's date and time as Action Network gives it */
              __(
                "Action Network gives this event's time (%s) without a time zone, and its place does not tell it: write Start and End with the place's offset, and its Time zone, under “Event time and place”.",
                "osdi-embed",
              ),
              chosen.start_date.replace("T", " ").replace(/:00Z$|Z$/, ""),
            ),
          )
        : null,
      el(
        Button,
        { key: "refresh", variant: "link", onClick: () => refresh() },
        __("Read the list again from Action Network", "osdi-embed"),
      ),
    ];
  }

  /** A static picture of the widget: nothing in it can be sent. */
  function preview(a, total) {
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
      a.count
        ? el(
            "p",
            { className: "osdi-embed-preview__count" },
            total === undefined
              ? __("The count shows here, on the page.", "osdi-embed")
              : totalText(kindOf(a), total),
          )
        : null,
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
    // What the site's key gives: unknown until the route answers (and then no panel shows
    // without a key, so the block is as it was); the actions, or why they cannot be read.
    const [group, setGroup] = useState({ key: null, reading: true, actions: [], message: "" });
    const [search, setSearch] = useState("");
    const read = (fresh) => {
      setGroup((was) => ({ ...was, reading: true }));
      readGroupActions(fresh).then(
        (answer) =>
          setGroup({
            key: !!answer.key,
            reading: false,
            actions: answer.actions || [],
            message: "",
          }),
        (error) =>
          setGroup({
            key: true,
            reading: false,
            actions: [],
            message:
              error?.message ||
              __("Your actions could not be read from Action Network.", "osdi-embed"),
          }),
      );
    };
    // Read once, when the block shows.
    useEffect(() => read(false), []);
    const keyed = group.key === true;
    const chosen = group.actions.find((action) => action.api_url === a.action);
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
        keyed
          ? el(
              PanelBody,
              { title: __("Your actions", "osdi-embed"), initialOpen: true },
              picker(a, setAttributes, group, search, setSearch, () => read(true)),
            )
          : null,
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
        keyed || a.count
          ? el(
              PanelBody,
              { title: __("Count", "osdi-embed"), initialOpen: false },
              el(ToggleControl, {
                label: __("Show the count", "osdi-embed"),
                help: __(
                  "“1,234 signatures” above the widget (submissions for a form, RSVPs for an event), read from Action Network with the site's key and kept a few minutes; one more when a visitor signs.",
                  "osdi-embed",
                ),
                checked: !!a.count,
                onChange: (value) => setAttributes({ count: value }),
              }),
              a.count
                ? el(TextControl, {
                    label: __("Goal", "osdi-embed"),
                    help: __("With a goal, a progress bar toward it. Empty: none.", "osdi-embed"),
                    type: "number",
                    min: 1,
                    value: a.goal || "",
                    onChange: (value) => setAttributes({ goal: value }),
                  })
                : null,
            )
          : null,
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
      preview(a, chosen?.total ?? undefined),
    );
  }

  wp.blocks.registerBlockType("osdi-embed/action", { edit: Edit, save: () => null });
})(window.wp);
