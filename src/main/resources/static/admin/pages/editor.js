// Floe page editor: a small rich-text toolbar over contenteditable, blocks added, removed and reordered by drag or
// by the Up/Down buttons (keyboard), and a dirty flag that the autosave timer asks before having htmx post the form.
(function () {
  "use strict";
  var form = document.querySelector("[data-page-form]");
  if (!form) { return; }
  var dirty = false;
  function changed() { dirty = true; }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);

  // Rich text: the editable area's HTML goes into its hidden textarea, which is what the form sends.
  function initRichText(root) {
    root.querySelectorAll("[data-richtext]").forEach(function (box) {
      if (box.dataset.ready) { return; }
      box.dataset.ready = "1";
      var editable = box.querySelector("[contenteditable]");
      var field = box.querySelector("textarea");
      var sync = function () { field.value = editable.innerHTML; };
      editable.addEventListener("input", function () { sync(); changed(); });
      box.querySelectorAll("[data-command]").forEach(function (button) {
        button.addEventListener("click", function () {
          editable.focus();
          var command = button.dataset.command;
          var value = button.dataset.value || null;
          if (command === "createLink") {
            value = window.prompt("Link address (https://…, /path/, mailto:…)");
            if (!value) { return; }
          }
          document.execCommand(command, false, value);
          sync();
          changed();
        });
      });
    });
  }

  function blocksOf(element) { return element.closest("[data-slot]"); }

  function initBlocks(root) {
    root.querySelectorAll("[data-block]").forEach(function (block) {
      if (block.dataset.ready) { return; }
      block.dataset.ready = "1";
      block.querySelectorAll("[data-move]").forEach(function (button) {
        button.addEventListener("click", function () {
          if (button.dataset.move === "up" && block.previousElementSibling) {
            block.parentNode.insertBefore(block, block.previousElementSibling);
          } else if (button.dataset.move === "down" && block.nextElementSibling) {
            block.parentNode.insertBefore(block.nextElementSibling, block);
          } else {
            return;
          }
          button.focus();
          changed();
          announce("Block moved " + button.dataset.move + ".");
        });
      });
      var remove = block.querySelector("[data-remove]");
      remove.addEventListener("click", function () {
        var next = block.nextElementSibling || block.previousElementSibling;
        block.remove();
        changed();
        announce("Block removed.");
        if (next) { next.querySelector("button").focus(); }
      });
      block.addEventListener("dragstart", function (event) {
        if (event.target !== block) { return; }
        block.classList.add("pe-dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", "block");
      });
      block.addEventListener("dragend", function () { block.classList.remove("pe-dragging"); });
    });
    root.querySelectorAll("[data-slot]").forEach(function (slot) {
      if (slot.dataset.ready) { return; }
      slot.dataset.ready = "1";
      slot.addEventListener("dragover", function (event) {
        var dragging = document.querySelector(".pe-dragging");
        if (!dragging || blocksOf(dragging) !== slot) { return; }
        event.preventDefault();
        var after = null;
        slot.querySelectorAll("[data-block]:not(.pe-dragging)").forEach(function (other) {
          var box = other.getBoundingClientRect();
          if (after === null && event.clientY < box.top + box.height / 2) { after = other; }
        });
        if (after) { slot.insertBefore(dragging, after); } else { slot.appendChild(dragging); }
      });
      slot.addEventListener("drop", function (event) { event.preventDefault(); changed(); });
    });
  }

  // Adding a block: the server sends the empty block's inputs, named with a fresh key.
  document.querySelectorAll("[data-add-block]").forEach(function (button) {
    button.addEventListener("click", function () {
      var slotName = button.dataset.slotName;
      var type = button.parentNode.querySelector("[data-add-type]").value;
      fetch((form.dataset.blockForm || "/admin/pages/block-form/") + "?slot=" + encodeURIComponent(slotName) + "&type=" + encodeURIComponent(type),
            {credentials: "same-origin", headers: {"HX-Request": "true"}})
        .then(function (response) {
          if (!response.ok) { throw new Error("The block could not be added (" + response.status + ")."); }
          return response.text();
        })
        .then(function (html) {
          var slot = document.getElementById("slot-" + slotName);
          var holder = document.createElement("div");
          holder.innerHTML = html;
          var block = holder.firstElementChild;
          slot.appendChild(block);
          initBlocks(slot.parentNode);
          initRichText(block);
          changed();
          var first = block.querySelector("input:not([type=hidden]), textarea:not([hidden]), select, [contenteditable]");
          if (first) { first.focus(); }
          announce("Block added.");
        })
        .catch(function (error) { announce(error.message); });
    });
  });

  var live = document.createElement("div");
  live.className = "pe-visually-hidden";
  live.setAttribute("aria-live", "polite");
  document.body.appendChild(live);
  function announce(text) { live.textContent = text; }

  // A save, publish or submit sends the form itself; the autosave timer need not post it too.
  form.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    if (!submitter || !submitter.formTarget) { dirty = false; }
  });
  // The timer is kept here, not in an hx-trigger filter: htmx evaluates filters as code, which the admin's
  // Content-Security-Policy forbids.
  window.setInterval(function () {
    var saver = document.getElementById("pe-autosaver");
    if (dirty && saver && window.htmx) { window.htmx.trigger(saver, "floe-autosave"); }
  }, 20000);
  document.body.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.elt && event.detail.elt.id === "pe-autosaver" && event.detail.successful
        && event.detail.xhr.responseText.indexOf("data-autosaved") >= 0) {
      dirty = false;
    }
  });

  initRichText(document);
  initBlocks(document);
}());
