"use client";

/**
 * osdi-embed/react: <OsdiAction action=… fields=… onSuccess=…/>, a widget as a React
 * component (React 18 and 19). It renders the contract's container, on the server
 * too, and mounts the widget in it after React has put it in the page.
 */
import {
  type CSSProperties,
  createElement,
  type ReactElement,
  useEffect,
  useInsertionEffect,
  useRef,
} from "react";
import { type Callbacks, type MountHandle, type MountOptions, mount } from "../index";
import { container } from "./container";

export type {
  Callbacks,
  Detail,
  ErrorDetail,
  MountOptions,
  Settings,
  ShareDetail,
} from "../index";

/**
 * One prop per setting (the attribute's name without data-osdi-, in camelCase:
 * `emailOptIn` for data-osdi-email-opt-in), a callback per event, and the element's own.
 */
export interface OsdiActionProps extends Omit<MountOptions, "action"> {
  /** The action's API URL (data-osdi-action). */
  action: NonNullable<MountOptions["action"]>;
  className?: string;
  id?: string;
  style?: CSSProperties;
  /** The fallback link's text (shown until the widget mounts, and if it cannot). */
  fallback?: string;
  /** Where the fallback links to: the action's public page, say. The action URL if not given. */
  fallbackHref?: string;
}

/** Every callback, so that one given after the mount is called too. */
const CALLBACKS = Object.keys({
  onReady: 1,
  onSubmit: 1,
  onSuccess: 1,
  onError: 1,
  onQueued: 1,
  onShare: 1,
} satisfies Record<keyof Callbacks, 1>) as (keyof Callbacks)[];

/** Callbacks that call the latest props' own, so a new function never mounts again. */
function forwarders(latest: { readonly current: Callbacks }): Callbacks {
  const forward: Record<string, (detail: never) => void> = {};
  for (const name of CALLBACKS)
    forward[name] = (detail) =>
      (latest.current[name] as ((d: never) => void) | undefined)?.(detail);
  return forward as Callbacks;
}

/**
 * The widget for one action. Its settings are read when it mounts; when one
 * changes (by value: a new array with the same items changes nothing), it is
 * mounted again in a new element. Under StrictMode it mounts once, so
 * `osdi:ready` fires once per widget in development too.
 */
export function OsdiAction(props: OsdiActionProps): ReactElement {
  const { className, id, style, fallback, fallbackHref, ...options } = props;
  // Children are not a setting: the fallback is the component's own.
  delete (options as { children?: unknown }).children;
  const { attributes, html, key } = container(options, fallback, fallbackHref);
  const ref = useRef<HTMLDivElement>(null);
  const latest = useRef<MountOptions>(options);
  useInsertionEffect(() => {
    latest.current = options;
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for every setting (the element and the props are read through refs).
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let handle: MountHandle | null = null;
    let cancelled = false;
    // StrictMode's effect -> cleanup -> effect all run before this: only the last mounts.
    queueMicrotask(() => {
      if (!cancelled) handle = mount(el, { ...latest.current, ...forwarders(latest) });
    });
    return () => {
      cancelled = true;
      handle?.unmount();
    };
  }, [key]);
  return createElement("div", {
    // A new element for new settings: React never patches the old widget's.
    key,
    ref,
    id,
    className,
    style,
    ...attributes,
    // Inside: the form rendered on the server, or the fallback link (container.ts
    // escapes it). React only sets it: hydrating, it keeps the server's (the client
    // has no renderer, hence no warning), and with the same HTML it never touches
    // it again, so the widget owns what is inside.
    dangerouslySetInnerHTML: { __html: html },
    suppressHydrationWarning: true,
  });
}
