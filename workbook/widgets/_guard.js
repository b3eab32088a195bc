// The front-end half of every journal widget (see _guard.py): it keeps the widget's keys from
// reaching JupyterLab, sends the text on screen to the kernel when a field loses focus or the page
// goes, asks the kernel to look at the journal again when the student comes back to the widget,
// and says so plainly when the widget's kernel has gone.

// Plain keys and the editing chords belong to the focused control; Escape and Tab still move the
// focus, and other chords (Ctrl+S, Ctrl+Shift+C...) stay JupyterLab's.
const EDITING_CHORDS = new Set(["a", "c", "v", "x", "y", "z"]);
const LOOK_EVERY_MS = 1000;

function ownsKey(event) {
  if (event.key === "Escape" || event.key === "Tab") return false;
  if (event.altKey) return false;
  if (event.ctrlKey || event.metaKey) return EDITING_CHORDS.has(String(event.key).toLowerCase());
  return true;
}

function idOf(node) {
  const found = [...node.classList].find((name) => name.startsWith("wb-id-"));
  return found ? found.slice("wb-id-".length) : null;
}

function render({ model, el }) {
  el.classList.add("wb-guard-view");
  let root = null;
  let frame = null;
  let observer = null;
  let dead = false;
  let lastLook = 0;

  const send = (message) => {
    if (dead) return;
    try {
      model.send(message);
    } catch (error) {
      // The comm is closing; the check below marks the widget as gone.
    }
  };

  const textOnScreen = () => {
    const values = {};
    root.querySelectorAll("[class*='wb-id-']").forEach((node) => {
      const id = idOf(node);
      const input = node.querySelector("input, textarea");
      if (id && input) values[id] = input.value;
    });
    return values;
  };

  const saveNow = (why) => {
    if (root) send({ kind: "values", why, values: textOnScreen() });
  };

  // Any pointer over or focus into the widget, at most once a second: a cheap look at the file's time.
  const look = () => {
    const now = Date.now();
    if (now - lastLook < LOOK_EVERY_MS) return;
    lastLook = now;
    send({ kind: "look" });
  };

  const onKeydown = (event) => {
    if (ownsKey(event)) event.stopPropagation();
  };
  const onFocusout = (event) => {
    if (event.target.matches && event.target.matches("input, textarea")) saveNow("blur");
  };
  const onPageHide = () => saveNow("page");
  const onVisibility = () => (document.visibilityState === "hidden" ? saveNow("page") : look());

  const markDead = () => {
    if (dead) return;
    const status = root.querySelector(".wb-status-line");
    const unsaved = !!status && (status.classList.contains("wb-pending") || status.classList.contains("wb-partial")
                                 || status.classList.contains("wb-error"));
    dead = true;
    root.classList.add("wb-dead");
    root.querySelectorAll("input, textarea").forEach((node) => { node.readOnly = true; });
    root.querySelectorAll("select, button").forEach((node) => { node.disabled = true; });
    const text = unsaved
      ? "Not saved: this widget lost its kernel (restarted or shut down) before your last changes were "
        + "saved, so they may be missing from your journal. Copy any text you need, then run this cell again."
      : "This widget lost its kernel (restarted or shut down) and can no longer save. Everything it saved "
        + "is in your journal: run this cell again to keep working.";
    let line = status;
    if (!line) {
      line = document.createElement("div");
      root.prepend(line);
    }
    line.className = "wb-status-line wb-gone";
    line.setAttribute("role", "alert");
    line.style.color = "#b42318";
    line.textContent = text;
  };

  const check = () => {
    if (root && root.classList.contains("jupyter-widgets-disconnected")) markDead();
  };

  const attach = () => {
    root = el.closest(".wb-widget");
    if (!root) {
      frame = requestAnimationFrame(attach);
      return;
    }
    root.addEventListener("keydown", onKeydown);
    root.addEventListener("focusout", onFocusout);
    root.addEventListener("focusin", look);
    root.addEventListener("pointerover", look);
    window.addEventListener("pagehide", onPageHide);
    window.addEventListener("beforeunload", onPageHide);
    document.addEventListener("visibilitychange", onVisibility);
    observer = new MutationObserver(check);
    observer.observe(root, { attributes: true, attributeFilter: ["class"] });
    check();
  };
  attach();

  return () => {
    if (frame) cancelAnimationFrame(frame);
    if (observer) observer.disconnect();
    window.removeEventListener("pagehide", onPageHide);
    window.removeEventListener("beforeunload", onPageHide);
    document.removeEventListener("visibilitychange", onVisibility);
    if (root) {
      root.removeEventListener("keydown", onKeydown);
      root.removeEventListener("focusout", onFocusout);
      root.removeEventListener("focusin", look);
      root.removeEventListener("pointerover", look);
    }
  };
}

export default { render };
