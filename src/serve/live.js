// stratdoc serve: reloads the page when the files it shows change, and
// shows the last build's problems over it. Written into pages by `serve`
// only, never into `build`'s output.
(() => {
  "use strict";
  const here = location.pathname.replace(/^\//, "").replace(/(^|\/)$/, "$1index.html");
  let overlay = null;
  let before = null;

  function close() {
    if (!overlay) return;
    overlay.remove();
    overlay = null;
    if (before && before.focus) before.focus();
  }

  function show(problems) {
    close();
    if (!problems || problems.length === 0) return;
    before = document.activeElement;
    overlay = document.createElement("div");
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-labelledby", "stratdoc-problems-title");
    overlay.tabIndex = -1;
    overlay.style.cssText =
      "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(0,0,0,.6);" +
      "display:flex;align-items:flex-start;justify-content:center;padding:1rem;";
    const box = document.createElement("div");
    box.style.cssText =
      "background:#fff;color:#111;max-width:60rem;width:100%;padding:1.25rem 1.5rem;" +
      "border-radius:.5rem;font:1rem/1.5 system-ui,sans-serif;border-top:.5rem solid #b00020;";
    const title = document.createElement("h2");
    title.id = "stratdoc-problems-title";
    title.style.cssText = "margin:0 0 .75rem;font-size:1.25rem;";
    title.textContent = problems.length === 1
      ? "The last change did not build: 1 problem"
      : "The last change did not build: " + problems.length + " problems";
    box.appendChild(title);
    const list = document.createElement("ol");
    list.style.cssText = "margin:0;padding-left:1.25rem;";
    for (const p of problems) {
      const item = document.createElement("li");
      item.style.cssText = "margin:.5rem 0;";
      const where = document.createElement("code");
      where.style.cssText = "font-weight:bold;";
      where.textContent = p.file ? p.file + (p.line ? ":" + p.line + ":" + p.column : "") : "";
      const what = document.createElement("div");
      what.textContent = p.severity + ": " + p.message;
      item.appendChild(where);
      item.appendChild(what);
      if (p.hint) {
        const hint = document.createElement("div");
        hint.style.cssText = "color:#333;";
        hint.textContent = "Hint: " + p.hint;
        item.appendChild(hint);
      }
      list.appendChild(item);
    }
    box.appendChild(list);
    const note = document.createElement("p");
    note.style.cssText = "margin:.75rem 0 0;color:#333;";
    note.textContent = "The page shows the last build that worked. Save a fix and it updates.";
    box.appendChild(note);
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "Close (Esc)";
    button.style.cssText = "margin-top:.75rem;font:inherit;padding:.25rem .75rem;";
    button.addEventListener("click", close);
    box.appendChild(button);
    overlay.appendChild(box);
    overlay.addEventListener("keydown", (event) => {
      if (event.key === "Escape") close();
    });
    document.body.appendChild(overlay);
    button.focus();
  }

  const events = new EventSource("/__stratdoc/events");
  events.addEventListener("reload", (event) => {
    const changed = JSON.parse(event.data);
    if (changed === "*" || changed.indexOf(here) >= 0) location.reload();
  });
  events.addEventListener("problems", (event) => show(JSON.parse(event.data)));
  if (window.stratdocProblems) {
    addEventListener("DOMContentLoaded", () => show(window.stratdocProblems));
  }
})();
