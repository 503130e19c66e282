// The media chooser beside image and document fields of the page editor (templates/admin/pages/_field.peb): it loads
// the library's grid from /admin/media/chooser/<kind>/ into the field's panel, and a pick fills in the field. The page
// chooser (templates/admin/page_chooser.peb) is the same with its own address (data-chooser-url) and panel.
// Listeners sit on the document, so blocks added after the page loaded get choosers too.
(function () {
  const csrf = document.querySelector('meta[name="csrf-token"]');

  function chooserOf(element) {
    return element.closest('[data-chooser]');
  }

  async function load(chooser, url, options) {
    const panel = chooser.querySelector('[data-chooser-panel]');
    panel.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(url, Object.assign({credentials: 'same-origin', headers: {'Accept': 'text/html'}}, options || {}));
      const text = await response.text();
      if (response.status >= 500 || response.headers.get('Content-Type').indexOf('text/html') !== 0) {
        panel.textContent = source(chooser) + ' could not be reached (' + response.status + '). Try again.';
        return;
      }
      if (text.indexOf('data-chooser-kind') < 0) {
        panel.textContent = response.status === 403 ? 'You may not choose from ' + source(chooser).toLowerCase() + ' here.' : source(chooser) + ' answered ' + response.status + '.';
        return;
      }
      panel.innerHTML = text;
      const uploaded = panel.querySelector('[data-chooser-uploaded]');
      if (uploaded) {
        const item = panel.querySelector('[data-choose="' + uploaded.dataset.chooserUploaded + '"]');
        if (item) choose(chooser, item);
        return;
      }
      const search = panel.querySelector('[data-chooser-q]');
      if (search && !(options && options.keepFocus)) search.focus();
    } catch (error) {
      panel.textContent = source(chooser) + ' could not be reached. Check your connection and try again.';
    } finally {
      panel.removeAttribute('aria-busy');
    }
  }

  function base(chooser) {
    return chooser.dataset.chooserUrl || '/admin/media/chooser/' + chooser.dataset.chooser + '/';
  }

  function source(chooser) {
    return chooser.dataset.chooserSource || 'The media library';
  }

  function search(chooser, page) {
    const q = chooser.querySelector('[data-chooser-q]');
    const params = new URLSearchParams({q: q ? q.value : '', page: String(page || 1)});
    load(chooser, base(chooser) + '?' + params, {keepFocus: true});
  }

  function close(chooser) {
    const panel = chooser.querySelector('[data-chooser-panel]');
    panel.hidden = true;
    panel.innerHTML = '';
    chooser.querySelector('[data-chooser-open]').setAttribute('aria-expanded', 'false');
  }

  function choose(chooser, item) {
    const id = item.dataset.choose;
    const label = item.dataset.chooseLabel || '';
    const chosen = chooser.querySelector('[data-chooser-chosen]');
    if (chooser.dataset.chooserAppend) {
      const target = document.getElementById(chooser.dataset.chooserTarget);
      let items = [];
      try {
        items = target.value.trim() ? JSON.parse(target.value) : [];
      } catch (error) {
        chosen.textContent = 'The list above is not valid JSON; correct it before adding images.';
        return;
      }
      if (!Array.isArray(items)) items = [];
      const entry = {};
      entry[chooser.dataset.chooserAppend] = Number(id);
      items.push(entry);
      target.value = JSON.stringify(items);
      target.dispatchEvent(new Event('input', {bubbles: true}));
      chosen.textContent = 'Added “' + label + '”.';
    } else {
      const input = chooser.querySelector('[data-chooser-input]');
      input.value = id;
      input.dispatchEvent(new Event('input', {bubbles: true}));
      input.dispatchEvent(new Event('change', {bubbles: true}));
      chosen.textContent = '';
      if (item.dataset.chooseThumb) {
        const thumb = document.createElement('img');
        thumb.src = item.dataset.chooseThumb;
        thumb.alt = '';
        chosen.appendChild(thumb);
      }
      chosen.appendChild(document.createTextNode(label));
    }
    close(chooser);
    chooser.querySelector('[data-chooser-open]').focus();
  }

  document.addEventListener('click', event => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const open = target.closest('[data-chooser-open]');
    if (open) {
      const chooser = chooserOf(open);
      const panel = chooser.querySelector('[data-chooser-panel]');
      if (panel.hidden) {
        panel.hidden = false;
        open.setAttribute('aria-expanded', 'true');
        load(chooser, base(chooser));
      } else {
        close(chooser);
      }
      return;
    }
    const item = target.closest('[data-choose]');
    if (item && chooserOf(item)) {
      choose(chooserOf(item), item);
      return;
    }
    const searchButton = target.closest('[data-chooser-search]');
    if (searchButton) {
      search(chooserOf(searchButton), 1);
      return;
    }
    const browse = target.closest('[data-chooser-load]');
    if (browse) {
      load(chooserOf(browse), base(chooserOf(browse)) + browse.dataset.chooserLoad);
      return;
    }
    const page = target.closest('[data-chooser-page]');
    if (page) {
      search(chooserOf(page), page.dataset.chooserPage);
      return;
    }
    const upload = target.closest('[data-chooser-upload]');
    if (upload) {
      const chooser = chooserOf(upload);
      const file = chooser.querySelector('[data-chooser-file]');
      const body = new FormData();
      if (file.files.length > 0) body.append('file', file.files[0]);
      const headers = {'Accept': 'text/html'};
      if (csrf) headers[csrf.dataset.header] = csrf.content;
      load(chooser, base(chooser) + 'upload/', {method: 'POST', body: body, headers: headers});
    }
  });

  // Enter in the chooser's search box searches instead of sending the page form around it.
  document.addEventListener('keydown', event => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    if (event.key === 'Enter' && target.matches('[data-chooser-q]')) {
      event.preventDefault();
      search(chooserOf(target), 1);
    } else if (event.key === 'Escape' && chooserOf(target) && target.closest('[data-chooser-panel]')) {
      const chooser = chooserOf(target);
      close(chooser);
      chooser.querySelector('[data-chooser-open]').focus();
    }
  });
})();
