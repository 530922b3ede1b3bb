/**
 * A queued submission waits for its delivery (by this tab's outbox or another's)
 * through two window listeners. They are held only while it is queued, and let go of
 * on every path: delivered, never queued (sent, rejected, not storable), or the
 * widget unmounted. Counted here on the window itself.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { translator } from "../../src/i18n/t";
import { SENT } from "../../src/outbox/deliver";
import { read, remove } from "../../src/outbox/store";
import { createModel, type Model, release } from "../../src/submit/model";
import { submit } from "../../src/submit/submit";
import { PAGE, parse } from "./helpers";

const fetchMock = vi.fn<typeof fetch>();
const reply = (status: number) => new Response("{}", { status });
/** The listeners the submit flow holds on the window for a delivery, by type. */
const held = {
  pairs: [] as [string, unknown][],
  get size() {
    return this.pairs.length;
  },
  clear() {
    this.pairs = [];
  },
};

function widget(): Model {
  const options = parse({ fields: "email" }, PAGE);
  const model = createModel(options, translator(options), document.createElement("div"));
  model.values.email.value = "ada@example.org";
  return model;
}

/** Submits and lets the retries' backoff pass until the outcome is in. */
async function send(model: Model) {
  const done = submit(model);
  for (let i = 0; i < 60 && /^(idle|submitting)$/.test(model.state.peek()); i++)
    await vi.advanceTimersByTimeAsync(1000);
  await done;
}

beforeEach(() => {
  localStorage.clear();
  held.clear();
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
  const add = globalThis.addEventListener.bind(globalThis);
  const drop = globalThis.removeEventListener.bind(globalThis);
  vi.spyOn(globalThis, "addEventListener").mockImplementation((type, listener, options) => {
    if (type === SENT || type === "storage") held.pairs.push([type, listener]);
    add(type, listener, options);
  });
  vi.spyOn(globalThis, "removeEventListener").mockImplementation((type, listener, options) => {
    if (type === SENT || type === "storage")
      held.pairs = held.pairs.filter(([t, l]) => t !== type || l !== listener);
    drop(type, listener, options);
  });
});
afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("waiting for a queued submission's delivery", () => {
  it("holds nothing after a success", async () => {
    fetchMock.mockResolvedValue(reply(200));
    const model = widget();
    await send(model);
    expect(model.state.peek()).toBe("success");
    expect(held.size).toBe(0);
  });

  it("holds nothing after a rejection", async () => {
    fetchMock.mockResolvedValueOnce(reply(503)).mockResolvedValue(reply(400));
    const model = widget();
    await send(model);
    expect(model.state.peek()).toBe("error");
    expect(model.status.peek()).toBe("error_network");
    expect(held.size).toBe(0);
  });

  it("holds nothing when the submission could not be stored", async () => {
    fetchMock.mockResolvedValue(reply(503));
    // Storage that is full: every write throws, as a real one's setItem does.
    const full = {
      length: 0,
      key: () => null,
      getItem: () => null,
      removeItem() {},
      setItem() {
        throw new DOMException("full", "QuotaExceededError");
      },
    };
    vi.stubGlobal("localStorage", full);
    const model = widget();
    await send(model);
    expect(model.status.peek()).toBe("error_storage");
    expect(held.size).toBe(0);
  });

  it("holds two listeners while queued, and lets go once another tab delivered it", async () => {
    fetchMock.mockResolvedValue(reply(503));
    const model = widget();
    await send(model);
    expect(model.status.peek()).toBe("queued_unreachable");
    expect(model.state.peek()).toBe("queued");
    expect(held.size).toBe(2);
    // Another tab's outbox sends it: the item leaves storage, and the tab says so.
    const [item] = read();
    remove(item.id);
    dispatchEvent(new Event(SENT));
    expect(model.state.peek()).toBe("success");
    expect(held.size).toBe(0);
    // A delivery that comes late takes nobody to the thank-you page.
    expect(model.redirect.peek()).toBeUndefined();
  });

  it("lets go when the widget is unmounted while queued", async () => {
    fetchMock.mockResolvedValue(reply(503));
    const model = widget();
    await send(model);
    expect(held.size).toBe(2);
    release(model);
    expect(held.size).toBe(0);
    expect(model.releases.size).toBe(0);
  });
});
