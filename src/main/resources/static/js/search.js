// Suggestions while typing in the search box: titles from /search/suggest, chosen with the mouse or arrow keys.
(function () {
  var input = document.querySelector('input[data-suggest]');
  if (!input) return;
  var list = document.getElementById(input.getAttribute('aria-controls'));
  var timer = null, active = -1, latest = 0;

  function close() { list.hidden = true; list.innerHTML = ''; active = -1; }

  function show(items) {
    list.innerHTML = '';
    items.forEach(function (item, i) {
      var li = document.createElement('li');
      li.setAttribute('role', 'option');
      li.id = 'search-suggestion-' + i;
      var a = document.createElement('a');
      a.href = item.url;
      a.textContent = item.title;
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = items.length === 0;
    active = -1;
  }

  function fetchSuggestions() {
    var q = input.value.trim();
    if (q.length < 2) { close(); return; }
    var ticket = ++latest;
    fetch(input.getAttribute('data-suggest') + '?q=' + encodeURIComponent(q), {headers: {Accept: 'application/json'}})
      .then(function (r) { return r.ok ? r.json() : {items: []}; })
      .then(function (body) { if (ticket === latest) show(body.items || []); })
      .catch(close);
  }

  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(fetchSuggestions, 150); });
  input.addEventListener('keydown', function (e) {
    var options = list.querySelectorAll('li');
    if (list.hidden || options.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length;
      options.forEach(function (o, i) { o.setAttribute('aria-selected', i === active ? 'true' : 'false'); });
      input.setAttribute('aria-activedescendant', options[active].id);
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      window.location.href = options[active].querySelector('a').href;
    } else if (e.key === 'Escape') {
      close();
    }
  });
  document.addEventListener('click', function (e) { if (e.target !== input && !list.contains(e.target)) close(); });
})();
