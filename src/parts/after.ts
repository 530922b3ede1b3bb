/**
 * dist/osdi-embed-after.js: what a widget offers after success (share buttons;
 * add-to-calendar for events). Loaded when a widget succeeds; it renders with
 * the bundle's own h. (A first version: the share and calendar links come next.)
 */
import type { ComponentChild, h as H } from "preact";
import { define } from "../lazy";
import type { Model } from "../widgets/model";

export type AfterView = (h: typeof H, m: Model, lang: string) => ComponentChild;

const view: AfterView = () => null;

define("after", view);
