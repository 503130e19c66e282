// The admin's own script: htmx sends the CSRF token with every request it makes, and errors from htmx requests
// are announced instead of failing silently.
(function () {
  "use strict";

  function csrf() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? { header: meta.getAttribute("data-header") || "X-CSRF-TOKEN", token: meta.getAttribute("content") } : null;
  }

  document.addEventListener("htmx:configRequest", function (event) {
    var token = csrf();
    if (token) {
      event.detail.headers[token.header] = token.token;
    }
  });

  document.addEventListener("htmx:responseError", function (event) {
    var messages = document.getElementById("messages");
    if (!messages) {
      return;
    }
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    var text = status === 403 ? "You may not do this, or the page had expired: reload it and try again."
      : status === 409 ? "Someone else changed this in the meantime: reload to see their changes."
      : "That did not work (" + status + "). Reload the page and try again.";
    var p = document.createElement("p");
    p.className = "message message-error";
    p.textContent = text;
    messages.appendChild(p);
  });

  document.addEventListener("htmx:sendError", function () {
    var messages = document.getElementById("messages");
    if (messages) {
      var p = document.createElement("p");
      p.className = "message message-error";
      p.textContent = "The server could not be reached. Check your connection and try again.";
      messages.appendChild(p);
    }
  });

  // Forms that ask before doing something that cannot be undone: <form data-confirm="Delete this user?">.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute && form.hasAttribute("data-confirm") && !window.confirm(form.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });
})();
