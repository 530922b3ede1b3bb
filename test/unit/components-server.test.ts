// @vitest-environment node
/**
 * The components' server builds (osdi-embed/react and osdi-embed/vue under Node's
 * conditions) render the form itself into the page's HTML, marked for the script to
 * hydrate: the same markup as osdi-embed/server, in React and in Vue alike.
 */
import { createElement } from "react";
import { renderToString as renderReact } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createSSRApp, h } from "vue";
import { renderToString as renderVueApp } from "vue/server-renderer";
import type { Settings } from "../../src/config/settings";
import { OsdiAction as ReactAction } from "../../src/react/server";
import { renderAction } from "../../src/server/index";
import { OsdiAction as VueAction } from "../../src/vue/server";

const ACTION = "https://actionnetwork.org/api/v2/petitions/7580a324-9a72-11e3-a2e9-12313d316c29";
const PAGE = "https://actionnetwork.org/petitions/stop-doing-the-bad-thing";
const SETTINGS = {
  action: ACTION,
  fields: ["given_name", "email"],
  title: "Stop the bad thing",
} satisfies Settings;

/** HTML's character references back to characters, as the renderers write them. */
const decode = (s: string) =>
  s.replace(/&(#x[\da-f]+|#\d+|amp|lt|gt|quot);/gi, (_, ref: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"' };
    if (named[ref]) return named[ref];
    return String.fromCharCode(ref[1] === "x" ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
  });

describe("the components' server builds", () => {
  const expected = renderAction(SETTINGS, { fallbackHref: PAGE });

  it.each([
    ["React", () => renderReact(createElement(ReactAction, { ...SETTINGS, fallbackHref: PAGE }))],
    [
      "Vue",
      () =>
        renderVueApp(
          createSSRApp({ render: () => h(VueAction, { ...SETTINGS, fallbackHref: PAGE }) }),
        ),
    ],
  ])("%s: the container holds the form, marked for hydration", async (_, render) => {
    const html = await render();
    const open = /^<div([^>]*)>/.exec(html)![1];
    expect(decode(open)).toContain(
      `data-osdi-rendered="${expected.attributes["data-osdi-rendered"]}"`,
    );
    expect(html).toContain(expected.html);
    expect(html).toContain(`<form action="${PAGE}" method="get"`);
    expect(html).not.toContain("data-osdi-mounted");
  });

  it("falls back to the link when the widget refuses the settings", () => {
    const html = renderReact(
      createElement(ReactAction, {
        action: "https://actionnetwork.org/petitions/x",
        fallbackHref: PAGE,
      }),
    );
    expect(html).toContain(`<a href="${PAGE}">`);
    expect(html).not.toContain("data-osdi-rendered");
  });
});
