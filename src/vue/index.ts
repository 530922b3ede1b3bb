/**
 * osdi-embed/vue: <OsdiAction action="…" fields="…" @success="…"/>, a widget as a
 * Vue 3 component. It renders the contract's container, on the server too, mounts
 * the widget in it once Vue has put it in the page, and emits the osdi:* events.
 */
import {
  computed,
  defineComponent,
  h,
  onBeforeUnmount,
  onMounted,
  type PropType,
  ref,
  watch,
} from "vue";
import { KNOWN } from "../config/parse";
import {
  type Detail,
  type ErrorDetail,
  type MountHandle,
  type MountOptions,
  mount,
  type Settings,
  type ShareDetail,
} from "../index";
import { container } from "../react/container";

export type { Detail, ErrorDetail, MountOptions, Settings, ShareDetail } from "../index";

/** The settings' names (the attributes' without data-osdi-, in camelCase), from the parser's list. */
const SETTINGS = [...KNOWN, "text", "prefill", "classes"].map((name) =>
  name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()),
) as (keyof Settings)[];

/** One prop per setting, typed as mount() types it; `action` is required. */
type SettingProps = {
  [K in Exclude<keyof Settings, "action">]-?: { type: PropType<NonNullable<Settings[K]>> };
} & {
  action: { type: PropType<NonNullable<Settings["action"]>>; required: true };
};

// Any type at run time (mount checks the values), and no Boolean casting: a
// setting left out stays undefined.
const settingProps = Object.fromEntries(
  SETTINGS.map((name) => [
    name,
    name === "action" ? { type: null, required: true } : { type: null },
  ]),
) as unknown as SettingProps;

/**
 * The widget for one action. Its settings are read when it mounts; when one
 * changes (by value), it is mounted again in a new element. Emits ready, submit,
 * success, error, queued and share with the event's detail.
 */
export const OsdiAction = defineComponent({
  name: "OsdiAction",
  props: {
    ...settingProps,
    /** The fallback link's text (shown until the widget mounts, and if it cannot). */
    fallback: { type: String },
    /** Where the fallback links to: the action's public page, say. The action URL if not given. */
    fallbackHref: { type: String },
  },
  emits: {
    ready: (_detail: Detail) => true,
    submit: (_detail: Detail) => true,
    success: (_detail: Detail) => true,
    error: (_detail: ErrorDetail) => true,
    queued: (_detail: Detail) => true,
    share: (_detail: ShareDetail) => true,
  },
  setup(props, { emit }) {
    const el = ref<HTMLElement | null>(null);
    const settings = () => {
      const given: Record<string, unknown> = {};
      for (const name of SETTINGS) if (props[name] !== undefined) given[name] = props[name];
      return given as Settings;
    };
    const view = computed(() => container(settings(), props.fallback, props.fallbackHref));
    let handle: MountHandle | null = null;
    const start = () => {
      if (!el.value) return;
      const options: MountOptions = {
        ...settings(),
        onReady: (detail) => emit("ready", detail),
        onSubmit: (detail) => emit("submit", detail),
        onSuccess: (detail) => emit("success", detail),
        onError: (detail) => emit("error", detail),
        onQueued: (detail) => emit("queued", detail),
        onShare: (detail) => emit("share", detail),
      };
      handle = mount(el.value, options);
    };
    const stop = () => {
      handle?.unmount();
      handle = null;
    };
    onMounted(start);
    // After the new element is in the page (the key made it new).
    watch(
      () => view.value.key,
      () => {
        stop();
        start();
      },
      { flush: "post" },
    );
    onBeforeUnmount(stop);
    return () =>
      h("div", {
        // A new element for new settings: Vue never patches the old widget's.
        key: view.value.key,
        ref: el,
        ...view.value.attributes,
        // Inside: the form rendered on the server, or the fallback link (container.ts
        // escapes it). Vue only sets it: hydrating, it keeps the server's (the client
        // has no renderer), and with the same HTML it never touches it again, so the
        // widget owns what is inside.
        innerHTML: view.value.html,
      });
  },
});
