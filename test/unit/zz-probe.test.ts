import { it } from "vitest";
import { parseOptions } from "../../src/config/parse";
import { buildBody } from "../../src/submit/body";
import { validate } from "../../src/submit/validate";
it("probe", () => {
  console.log(location.href, typeof AbortSignal.timeout, typeof Response, typeof fetch);
  const P = "https://actionnetwork.org/api/v2/petitions/abc";
  const o = parseOptions({ action: P, "custom-fields": '[{"name":"__proto__","label":"X","type":"text"}]' }, { href: "https://e.org/" });
  console.log(JSON.stringify(buildBody(o, { email: "a@b.co", "custom_fields.__proto__": "hi" }, { hostname: "e.org" })));
  try { parseOptions({ action: P + "?api_key=SEKRIT" }, { href: "https://e.org/" }); console.log("api_key accepted"); } catch (e) { console.log(String(e)); }
  try { parseOptions({ action: "https://u:hunter2@actionnetwork.org/api/v2/petitions/abc" }, { href: "https://e.org/" }); } catch (e) { console.log(String(e)); }
  try { parseOptions({ action: P, "api_key": "SEKRIT" }, { href: "https://e.org/" }); console.log("attr api_key accepted"); } catch (e) { console.log(String(e)); }
  const o2 = parseOptions({ action: P, fields: "given_name phone", required: "given_name" }, { href: "https://e.org/" });
  const v = { given_name: "x", email: "a@b.co" };
  console.log(JSON.stringify(validate(o2, v)), JSON.stringify(buildBody(o2, v, { hostname: "e.org" })));
  try { parseOptions({ action: P, redirect: "/thanks" }, { href: "http://e.org/" }); console.log("http relative ok"); } catch (e) { console.log(String(e)); }
});
